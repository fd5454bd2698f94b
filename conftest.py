"""Project-wide pytest setup: external services and fast password hashing.

A test marked ``@pytest.mark.service("postgres")`` (or "redis", "chromium", "search_engine",
"checkers") needs that service.
When it is unreachable the test is skipped locally, but **fails** when ``REQUIRE_SERVICES=1``
(CI), so a green CI run cannot silently have skipped the real services.
"""

import os

import pytest

# Tests never touch a developer's own search indexes.
os.environ.setdefault("SEARCH_INDEX_PREFIX", "teilhabe_test_")

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES", "").lower() in {"1", "true", "yes"}


def _postgres_problem() -> str | None:
    """Why PostgreSQL is not the database under test, or None when it is."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return f"the test database is {connection.vendor}; set DATABASE_URL to PostgreSQL"
    return None


def _redis_problem() -> str | None:
    """Why Redis is not reachable at REDIS_URL, or None when it answers."""
    url = os.environ.get("REDIS_URL")
    if not url:
        return "REDIS_URL is not set"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return f"Redis at {url} does not answer: {exc}"
    return None


def _chromium_problem() -> str | None:
    """Why headless Chromium (Debian's package) cannot be used, or None."""
    if not os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium is missing (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def _search_engine_problem() -> str | None:
    """Why the search engine at SEARCH_URL cannot be used, or None when it answers."""
    if not os.environ.get("SEARCH_URL"):
        return "SEARCH_URL is not set"
    from wagtail.search.backends import get_search_backend

    try:
        if not get_search_backend("default").es.ping(request_timeout=3):
            return f"the engine at {os.environ['SEARCH_URL']} does not answer"
    except Exception as exc:
        return f"the engine at {os.environ['SEARCH_URL']} failed: {exc}"
    return None


def _checkers_problem() -> str | None:
    """Why axe-core and the Nu Html Checker (tools/checkers.py) cannot run, or None."""
    import shutil

    from tools.checkers import CHECKERS

    missing = [str(checker.path) for checker in CHECKERS if not checker.path.exists()]
    if missing:
        return f"{', '.join(missing)} missing (make test fetches them: tools/checkers.py)"
    if shutil.which("java") is None:
        return "java is not on PATH (the Nu Html Checker needs Java 17)"
    return None


SERVICE_PROBES = {
    "postgres": _postgres_problem,
    "redis": _redis_problem,
    "chromium": _chromium_problem,
    "search_engine": _search_engine_problem,
    "checkers": _checkers_problem,
}


def require_service(name: str) -> None:
    """Skip (locally) or fail (REQUIRE_SERVICES=1) the running test if `name` is missing."""
    problem = SERVICE_PROBES[name]()
    if problem is None:
        return
    message = f"service {name!r} unavailable: {problem}"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (REQUIRE_SERVICES=1)", pytrace=False)
    pytest.skip(message)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (locally) or fail (REQUIRE_SERVICES=1) tests whose service is unavailable."""
    for marker in item.iter_markers(name="service"):
        for name in marker.args:
            require_service(name)


def pytest_report_header(config) -> list[str]:
    """Say which database and services this run uses."""
    return [
        f"DATABASE_URL={'set' if os.environ.get('DATABASE_URL') else 'unset (SQLite)'}, "
        f"REDIS_URL={'set' if os.environ.get('REDIS_URL') else 'unset'}, "
        f"SEARCH_URL={os.environ.get('SEARCH_URL') or 'unset (database search)'}, "
        f"REQUIRE_SERVICES={int(REQUIRE_SERVICES)}"
    ]


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    """Hash new passwords with MD5 in tests; still verify the demo's PBKDF2 hashes."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
