"""English and Arabic translations of the demo, made the way editors make them.

Each object goes through wagtail-localize: a translation source is extracted, its strings are
filled from ``translations/<lang>.json`` (German source text → translation, written by people)
and the translated page or snippet is saved and published. So the demo's translations behave
like real ones: the translation editor shows them, syncing works, the status report sees them.

Only the demo's own objects are translated, as the loader hands them over; editors' pages and
snippets are never touched. A demo object that has its translation is left alone; a missing
one is made again from the German text wagtail-localize recorded when the demo was first
translated. An object without such a record whose text editors changed (it is no longer in
the translation files), or whose parent is an editor's page with no page in the language, is
skipped rather than half-translated. Only an object this very run created from the data must
translate completely: otherwise the data and the translation files disagree.

To give the status report something in every state, a few translations are imported as
"machine translated" (their text is the same human translation, only flagged) and a few German
sources get a later, significant edit, which makes their translations outdated.
"""

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from translations.tracking import significant_change_time

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
DEMO_LANGUAGES = ["en", "ar"]
# The measures the demo translates; the others stay "missing" in the status report.
TRANSLATED_MEASURES = ["1.1", "2.2", "3.1", "3.2", "5.1", "6.1", "6.2", "6.3"]
# Translations flagged as machine-made and not yet reviewed (by slug in the demo data).
MACHINE_FLAGGED = {"en": ["sprachcafe"], "ar": ["sprachcafe", "fonds-nebenan-angekommen"]}
# German sources edited significantly after translation: their translations become outdated.
LATER_SOURCE_EDITS = {
    "mbe-migrationsberatung": (
        "opening_hours_note",
        "Offene Sprechstunde; ab Januar zusätzlich donnerstags nach Vereinbarung",
    ),
}


def load_strings(language_code: str) -> dict[str, str]:
    """German source text → translation for one language."""
    path = TRANSLATIONS_DIR / f"{language_code}.json"
    return json.loads(path.read_text(encoding="utf-8"))


class MissingDemoTranslation(KeyError):
    """A German demo string has no entry in the language's translation file."""


@dataclass(frozen=True)
class DemoObject:
    """An object the demo owns: its kind and natural key in the data, and whether it is new.

    `created` means this run built it from the data, so its text is exactly the demo's.
    """

    kind: str
    key: str
    obj: object
    created: bool


class DemoTranslator:
    """Creates the missing English and Arabic translations of the demo's own objects."""

    def __init__(self, count: Callable[[str, bool], None], objects: list[DemoObject]):
        self.count = count  # callback(kind, created) of the loader's report
        self.objects = objects  # parents before children, as the loader found or made them
        self.translated: list[DemoObject] = []
        self.skipped: Counter = Counter()

    def run(self) -> None:
        """Translate the demo's snippets and pages, parents first, one language after the other."""
        wanted = [item for item in self.objects if self._wanted(item)]
        for code in DEMO_LANGUAGES:
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:  # a language this installation does not offer
                continue
            strings = load_strings(code)
            for item in wanted:
                try:
                    with transaction.atomic():
                        created = self._translate(item, locale, strings)
                except MissingDemoTranslation:
                    if item.created:
                        raise
                    created = False  # an editor's text: theirs to translate
                    self.skipped[f"{type(item.obj).__name__} translation"] += 1
                if created:
                    self.translated.append(item)
        self._edit_sources_later()

    @staticmethod
    def _wanted(item: DemoObject) -> bool:
        """Whether the demo translates this object (all but the measures left untranslated)."""
        return item.kind != "measure" or item.key in TRANSLATED_MEASURES

    def _translate(self, item: DemoObject, locale: Locale, strings: dict[str, str]) -> bool:
        """Create the translation of `item` in `locale` unless it exists; True if created.

        Raises `MissingDemoTranslation` (rolling back this object's translation) when one of
        its strings has no translation.
        """
        obj = item.obj
        if self._has_translation(obj, locale):
            return False
        if isinstance(obj, Page) and not self._parent_translated(obj, locale):
            self.skipped[f"{type(obj).__name__} translation"] += 1
            return False
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            if entry.msgctxt == "slug":
                entry.msgstr = self._slug(obj, locale, strings)
            elif entry.msgid in strings:
                entry.msgstr = strings[entry.msgid]
            else:
                raise MissingDemoTranslation(
                    f"{locale.language_code}.json has no translation for {entry.msgid!r} "
                    f"({type(obj).__name__} {obj})"
                )
        flagged = isinstance(obj, Page) and item.key in MACHINE_FLAGGED.get(
            locale.language_code, []
        )
        translation.import_po(
            po,
            translation_type="machine" if flagged else "manual",
            tool_name="demo" if flagged else "",
        )
        translation.save_target(publish=True)
        self.count(f"{type(obj).__name__} translation", True)
        return True

    @staticmethod
    def _has_translation(obj, locale: Locale) -> bool:
        """Whether `obj` is translated into `locale`.

        A page's alias there (the German page standing in, see `translations.fallback`) is
        not a translation: wagtail-localize turns it into one.
        """
        if isinstance(obj, Page):
            return Page.objects.filter(
                translation_key=obj.translation_key, locale=locale, alias_of__isnull=True
            ).exists()
        return obj.has_translation(locale)

    @staticmethod
    def _parent_translated(page: Page, locale: Locale) -> bool:
        """Whether the page's parent is the tree's root or has a page in `locale`.

        Otherwise wagtail-localize would copy the parent, maybe an editor's page, into
        `locale`. An alias there will do: the translation goes below it.
        """
        parent = page.get_parent()
        if parent is None or parent.is_root():
            return True
        return Page.objects.filter(translation_key=parent.translation_key, locale=locale).exists()

    @staticmethod
    def _slug(obj, locale: Locale, strings: dict[str, str]) -> str:
        """English URLs get English slugs; Arabic ones keep the German, shareable slug."""
        if locale.language_code == "en" and obj.title in strings:
            return slugify(strings[obj.title])[:80] or obj.slug
        return obj.slug

    def _edit_sources_later(self) -> None:
        """Publish a significant edit of German sources this run created and translated."""
        done = set()
        for item in self.translated:
            if item.kind != "offer" or not item.created or item.key not in LATER_SOURCE_EDITS:
                continue
            if item.key in done:  # translated into more than one language
                continue
            done.add(item.key)
            field_name, value = LATER_SOURCE_EDITS[item.key]
            page = type(item.obj).objects.get(pk=item.obj.pk)
            setattr(page, field_name, value)
            page.content_changed_at = significant_change_time() + timedelta(seconds=1)
            page.save_revision().publish()
            self.count("later source edit", True)
