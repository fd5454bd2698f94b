"""English and Arabic translations of the demo, made the way editors make them.

Each object goes through wagtail-localize: a translation source is extracted, its strings are
filled from ``translations/<lang>.json`` (German source text → translation, written by people)
and the translated page or snippet is saved and published. So the demo's translations behave
like real ones: the translation editor shows them, syncing works, the status report sees them.

To give the status report something in every state, a few translations are imported as
"machine translated" (their text is the same human translation, only flagged) and a few German
sources get a later, significant edit, which makes their translations outdated.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from site_pages import models as m
from translations.tracking import significant_change_time

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
DEMO_LANGUAGES = ["en", "ar"]
# The measures the demo translates; the others stay "missing" in the status report.
TRANSLATED_MEASURES = ["1.1", "2.2", "3.1", "3.2", "5.1", "6.1", "6.2", "6.3"]
# Translations flagged as machine-made and not yet reviewed (by slug).
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


class DemoTranslator:
    """Creates the missing English and Arabic translations of the demo content."""

    def __init__(self, count):
        self.count = count  # callback(kind, created) of the loader's report
        self.created_sources: list = []

    def run(self) -> None:
        """Translate snippets, then pages top-down (parents before children)."""
        for code in DEMO_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            strings = load_strings(code)
            for obj in self._objects():
                with transaction.atomic():
                    created = self._translate(obj, locale, strings)
                if created:
                    self.created_sources.append(obj)
        if self.created_sources:
            self._edit_sources_later()

    def _objects(self) -> list:
        """Everything the demo translates, in an order that keeps parents first."""
        objects: list = []
        for model in (m.Organisation, m.District, m.TargetGroup, m.OfferType, m.FundingArea):
            objects += list(model.objects.filter(locale=Locale.get_default()))
        home = Site.objects.get(is_default_site=True).root_page.specific
        objects.append(home)
        objects += [page.specific for page in home.get_children()]
        objects += list(
            m.ActionFieldPage.objects.child_of(self._child(home, m.ActionFieldIndexPage))
        )
        objects += list(
            m.MeasurePage.objects.filter(code__in=TRANSLATED_MEASURES, locale=home.locale)
        )
        objects += list(m.OfferPage.objects.filter(locale=home.locale))
        objects += list(m.FundingSourcePage.objects.filter(locale=home.locale))
        return objects

    @staticmethod
    def _child(home: Page, model) -> Page:
        """The single child of `home` of the given index type."""
        return model.objects.child_of(home).get()

    def _translate(self, obj, locale: Locale, strings: dict[str, str]) -> bool:
        """Create the translation of `obj` in `locale` unless it exists; True if created."""
        if obj.has_translation(locale):
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
        flagged = getattr(obj, "slug", None) in MACHINE_FLAGGED.get(locale.language_code, [])
        translation.import_po(
            po,
            translation_type="machine" if flagged else "manual",
            tool_name="demo" if flagged else "",
        )
        translation.save_target(publish=True)
        self.count(f"{type(obj).__name__} translation", True)
        return True

    @staticmethod
    def _slug(obj, locale: Locale, strings: dict[str, str]) -> str:
        """English URLs get English slugs; Arabic ones keep the German, shareable slug."""
        if locale.language_code == "en" and obj.title in strings:
            return slugify(strings[obj.title])[:80] or obj.slug
        return obj.slug

    def _edit_sources_later(self) -> None:
        """Publish a significant edit of some German sources, after they were translated."""
        for slug, (field_name, value) in LATER_SOURCE_EDITS.items():
            page = m.OfferPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
            if page is None:
                continue
            setattr(page, field_name, value)
            page.content_changed_at = significant_change_time() + timedelta(seconds=1)
            page.save_revision().publish()
            self.count("later source edit", True)
