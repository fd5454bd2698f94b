"""The interface speaks every configured language: complete, compiled, really translated."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

LOCALES = Path(settings.BASE_DIR) / "locales"
NON_GERMAN = ["en", "ar", "uk", "ru", "tr", "fa", "pl", "ro"]
SCRIPTS = {
    "ar": "\u0600-\u06ff",
    "fa": "\u0600-\u06ff",
    "uk": "\u0400-\u04ff",
    "ru": "\u0400-\u04ff",
}


@pytest.mark.parametrize("code", ["de", *NON_GERMAN])
def test_catalogue_is_complete(code):
    catalogue = polib.pofile(str(LOCALES / code / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.metadata["Language"] == code


# The same exclusions as `make makemessages`.
EXTRACTION_IGNORES = [".venv/*", ".tools/*", "static/*", "var/*"]


def test_catalogues_hold_every_marked_string(tmp_path, settings, monkeypatch):
    """Every string marked in code or templates is in every catalogue, not only marked.

    A marked string that was never extracted stays English in every language (the admin's
    "Publication" column did), and the completeness check above cannot see it.
    """
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed: strings cannot be extracted")
    settings.LOCALE_PATHS = [str(tmp_path)]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=["de"],
        no_location=True,
        ignore_patterns=EXTRACTION_IGNORES,
        verbosity=0,
    )
    extracted = _msgids(tmp_path / "de" / "LC_MESSAGES" / "django.po")
    assert len(extracted) > 100
    for code in ["de", *NON_GERMAN]:
        missing = extracted - _msgids(LOCALES / code / "LC_MESSAGES" / "django.po")
        assert sorted(missing) == [], f"{code}: run `make makemessages` and translate these"


def _msgids(path: Path) -> set[tuple[str | None, str]]:
    """(context, msgid) of the live entries of a catalogue."""
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


@pytest.mark.parametrize("code", ["de", *NON_GERMAN])
def test_msgfmt_agrees(code):
    if not shutil.which("msgfmt"):
        pytest.skip("GNU gettext is not installed (polib's check above still ran)")
    po = LOCALES / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@pytest.mark.parametrize("code", [c for c in NON_GERMAN if c != "en"])
def test_translations_are_not_copies_of_the_source(code):
    catalogue = polib.pofile(str(LOCALES / code / "LC_MESSAGES" / "django.po"))
    copies = [e.msgid for e in catalogue if translated_text(e) == e.msgid and len(e.msgid) > 6]
    assert len(copies) <= len(catalogue) * 0.05, copies[:20]
    if code in SCRIPTS:
        import re

        script = re.compile(f"[{SCRIPTS[code]}]")
        without = [e.msgid for e in catalogue if not script.search(translated_text(e))]
        assert without == [], without[:10]


def translated_text(entry) -> str:
    """The translation of an entry: its msgstr, or all plural forms joined."""
    return entry.msgstr or " ".join(entry.msgstr_plural.values())


def test_placeholders_survive_translation():
    import re

    placeholder = re.compile(r"%\(\w+\)s")
    for code in ["de", *NON_GERMAN]:
        for entry in polib.pofile(str(LOCALES / code / "LC_MESSAGES" / "django.po")):
            if entry.msgid_plural:
                expected = set(placeholder.findall(entry.msgid_plural))
                forms = [set(placeholder.findall(form)) for form in entry.msgstr_plural.values()]
                assert all(form <= expected for form in forms), (code, entry.msgid)
                assert expected in forms, (code, entry.msgid)
                continue
            assert sorted(placeholder.findall(entry.msgid)) == sorted(
                placeholder.findall(entry.msgstr)
            ), (code, entry.msgid)


@pytest.mark.parametrize(("code", "expected"), [("de", "Maßnahmen"), ("ar", "الإجراءات")])
def test_compiled_catalogues_are_used(code, expected):
    with translation.override(code):
        assert gettext("Measures") == expected
