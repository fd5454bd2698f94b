"""The project's packages depend on each other in one direction only; settings import no app."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["site_pages", "reviews", "translations", "search"]
PROJECT = [*APPS, "cms"]


def imported_packages(path: Path) -> set[str]:
    """The project packages a module imports (at any level, also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(PROJECT)


def app_dependencies() -> dict[str, set[str]]:
    """App → the other apps its code (migrations and tests excepted) imports."""
    graph = {}
    for app in APPS:
        used: set[str] = set()
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and "tests" not in path.parts:
                used |= imported_packages(path)
        graph[app] = used - {app, "cms"}
    return graph


def test_settings_import_no_app_code():
    settings_imports = imported_packages(ROOT / "cms" / "settings.py")
    assert settings_imports <= {"cms"}
    for module in ("env.py", "search_backends.py", "machine_translation.py"):
        assert imported_packages(ROOT / "cms" / module) <= {"cms"}, module


def test_apps_do_not_import_each_other_in_a_cycle():
    graph = app_dependencies()
    assert graph["translations"] == set()  # the base the others build on
    assert "site_pages" not in graph["translations"]

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        """Whether `goal` can be reached from `start` following imports."""
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph[start]
        )

    cycles = [app for app in APPS if reaches(app, app)]
    assert cycles == [], graph


def test_the_layer_check_sees_imports():
    """The scanner itself: a module that imports an app is reported."""
    assert imported_packages(ROOT / "search" / "documents.py") >= {"site_pages"}
