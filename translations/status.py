"""Translation status per object and locale: missing, outdated, machine-translated, up to date.

wagtail-localize knows which translations exist; it does not say reliably whether one is out
of date. teilhabe compares ``content_changed_at`` of the source (stamped on every significant
save) with the same field on the translation, which wagtail-localize synchronises from the
source whenever the translation is synced. Minor edits do not stamp it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, Model, OuterRef
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from translations.tracking import TranslationTrackingMixin


class TranslationState:
    """The four states of one object in one locale, most urgent first."""

    MISSING = "missing"
    OUTDATED = "outdated"
    MACHINE = "machine"
    UP_TO_DATE = "up_to_date"

    LABELS = {
        MISSING: _("missing"),
        OUTDATED: _("outdated"),
        MACHINE: _("machine translated, not reviewed"),
        UP_TO_DATE: _("up to date"),
    }
    ORDER = [MISSING, OUTDATED, MACHINE, UP_TO_DATE]


@dataclass
class StatusRow:
    """One source object in one target locale, with what an editor should do next."""

    source: Model
    locale: Locale
    state: str
    source_changed_at: datetime | None
    action_url: str

    @property
    def state_label(self) -> str:
        """The state in words."""
        return str(TranslationState.LABELS[self.state])

    @property
    def type_label(self) -> str:
        """The source's model name, e.g. "Measure" or "District"."""
        return capfirst(self.source._meta.verbose_name)

    @property
    def is_page(self) -> bool:
        """Whether the source is a page (otherwise a snippet)."""
        return isinstance(self.source, Page)


def state_of(
    source_changed_at: datetime | None,
    translation_exists: bool,
    translation_changed_at: datetime | None,
    has_machine_strings: bool,
) -> str:
    """Decide the state of one translation from the facts about it."""
    if not translation_exists:
        return TranslationState.MISSING
    if source_changed_at is not None and (
        translation_changed_at is None or translation_changed_at < source_changed_at
    ):
        return TranslationState.OUTDATED
    if has_machine_strings:
        return TranslationState.MACHINE
    return TranslationState.UP_TO_DATE


def tracked_models() -> list[type[Model]]:
    """Every concrete model (page type or snippet) whose translations are tracked."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslationTrackingMixin) and not model._meta.abstract
    ]


def _machine_translated_pairs() -> set[tuple]:
    """(translation_key, locale_id) of translations with machine strings still in use."""
    in_use = StringSegment.objects.filter(
        string_id=OuterRef("translation_of_id"), context_id=OuterRef("context_id")
    )
    return set(
        StringTranslation.objects.filter(
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
        )
        .filter(Exists(in_use))
        .values_list("context__object_id", "locale_id")
        .distinct()
    )


def _action_url(source: Model, translation: Model | None, state: str, source_ids: dict) -> str:
    """Where the editor goes next: translate, sync, or review the translation."""
    if state == TranslationState.MISSING:
        if isinstance(source, Page):
            return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
        meta = source._meta
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, source.pk],
        )
    if state == TranslationState.OUTDATED and source.translation_key in source_ids:
        return reverse(
            "wagtail_localize:update_translations", args=[source_ids[source.translation_key]]
        )
    if isinstance(translation, Page):
        return reverse("wagtailadmin_pages:edit", args=[translation.pk])
    return reverse(translation.snippet_viewset.get_url_name("edit"), args=[translation.pk])


def translation_status(locales: list[Locale] | None = None) -> list[StatusRow]:
    """The state of every tracked source object in every target locale.

    The number of queries depends on the number of tracked models, not on the content size.
    """
    default = Locale.get_default()
    if locales is None:
        locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    machine = _machine_translated_pairs()
    source_ids = dict(
        TranslationSource.objects.filter(locale=default).values_list("object_id", "pk")
    )
    rows = []
    for model in tracked_models():
        objects = model.objects.filter(locale__in=[default, *locales])
        if issubclass(model, Page):
            # An alias is a German fallback copy, not a translation: it counts as missing.
            objects = objects.filter(depth__gt=1, alias_of__isnull=True)
        sources, translations = [], {}
        for obj in objects:
            if obj.locale_id == default.pk:
                sources.append(obj)
            else:
                translations[(obj.translation_key, obj.locale_id)] = obj
        for source in sources:
            for locale in locales:
                translation = translations.get((source.translation_key, locale.pk))
                state = state_of(
                    source.content_changed_at,
                    translation is not None,
                    getattr(translation, "content_changed_at", None),
                    (source.translation_key, locale.pk) in machine,
                )
                rows.append(
                    StatusRow(
                        source=source,
                        locale=locale,
                        state=state,
                        source_changed_at=source.content_changed_at,
                        action_url=_action_url(source, translation, state, source_ids),
                    )
                )
    rows.sort(key=lambda row: (TranslationState.ORDER.index(row.state), str(row.source)))
    return rows
