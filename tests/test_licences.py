"""Every runtime dependency has a known licence that allows distributing teilhabe as EUPL-1.2."""

from email.message import Message
from pathlib import Path

import pytest

from tools import licences

ROOT = Path(__file__).resolve().parent.parent


def _metadata(**headers: str | list[str]) -> Message:
    """A fake distribution's metadata with the given headers (underscores become dashes)."""
    message = Message()
    for name, value in headers.items():
        for item in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = item
    return message


def test_every_runtime_dependency_has_an_allowed_licence() -> None:
    inventory = licences.collect()
    names = {row.name for row in inventory.runtime}
    assert {"django", "wagtail", "wagtail-localize", "psycopg", "celery"} <= names
    assert not names & {row.name for row in inventory.dev}, "dev rows repeat runtime ones"
    assert licences.problems(inventory.runtime) == []
    assert licences.main(["--check"]) == 0


def test_the_project_itself_is_eupl() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    for article in range(1, 16):
        assert f"\n{article}. " in text, f"article {article} missing"
    assert "\nAppendix\n" in text
    assert 'license = "EUPL-1.2"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({"License_Expression": "MIT"}, True),
        ({"License_Expression": "Apache-2.0 OR BSD-2-Clause"}, True),
        ({"License_Expression": "LGPL-3.0-only"}, True),
        ({"License": "Apache 2.0"}, True),
        ({"Classifier": ["License :: OSI Approved :: MIT License"]}, True),
        ({"License_Expression": "GPL-3.0-only"}, False),
        ({"License_Expression": "AGPL-3.0-or-later"}, False),
        ({"License_Expression": "MIT AND GPL-2.0-or-later"}, False),
        ({"License_Expression": "LicenseRef-Proprietary"}, False),
        ({"License_Expression": "(MIT OR GPL-3.0-only)"}, False),
        ({"License": "BSD", "Classifier": ["License :: OSI Approved :: BSD License"]}, False),
        (
            {"License": "Proprietary", "Classifier": ["License :: OSI Approved :: MIT License"]},
            False,
        ),
        ({}, False),
    ],
)
def test_licences_outside_the_allow_list_are_reported(headers: dict, allowed: bool) -> None:
    row = licences.row_for("not-a-real-package", "1.0", _metadata(**headers))
    assert row.allowed is allowed, row
    assert bool(licences.problems([row])) is not allowed


def test_missing_metadata_and_stale_overrides_are_reported(monkeypatch) -> None:
    missing = licences.row_for("not-a-real-package", "1.0", None)
    assert not missing.allowed and missing.licence is None
    monkeypatch.setitem(licences.OVERRIDES, "fake", licences.Override("MIT", ("1.0",), "a test"))
    assert licences.row_for("fake", "1.0", None).allowed
    stale = licences.row_for("fake", "2.0", _metadata(License_Expression="MIT"))
    assert not stale.allowed and "re-check 2.0" in stale.source


def test_appendix_copyleft_needs_a_reviewed_entry(monkeypatch) -> None:
    metadata = _metadata(License_Expression="BSD-3-Clause AND GPL-2.0-or-later")
    assert not licences.row_for("fake", "1.0", metadata).allowed
    monkeypatch.setitem(licences.REVIEWED, "fake", "a test")
    row = licences.row_for("fake", "1.0", metadata)
    assert row.allowed and "reviewed: a test" in row.why
