"""The interface speaks every configured language: complete, compiled, really translated."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
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
