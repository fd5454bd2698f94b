"""Shortcuts for tests: the German (source) content of the demo, and translations of pages."""

import re

from django.db.models import Model, QuerySet
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource


def german(model: type[Model]) -> QuerySet:
    """The model's objects in the source locale (the demo also has en/ar translations)."""
    return model.objects.filter(locale__language_code="de")


def translate(page: Page, language_code: str, **fields) -> Page:
    """Publish the translation of `page` into `language_code` with `fields`, as editors do.

    A German fallback standing in for it there (an alias, see `translations.fallback`) is
    turned into the translation; missing parents in that language are copied as aliases.
    """
    locale = Locale.objects.get(language_code=language_code)
    target = page.get_translations().filter(locale=locale).first()
    if target is None:
        target = page.copy_for_translation(locale, copy_parents=True)
    elif target.alias_of_id is not None:
        ConvertAliasPageAction(target).execute(skip_permission_checks=True)
    target = type(page).objects.get(pk=target.pk)
    for name, value in fields.items():
        setattr(target, name, value)
    target.save_revision().publish()
    return target


def translate_all_strings(
    obj: Model, language_code: str, prefix: str, machine: bool = False
) -> Translation:
    """Translate every string of `obj` as "`prefix` <German>" through wagtail-localize, publish.

    This is the translation editor's path (PO export, import, save target); slugs are kept.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else f"{prefix} {entry.msgid}"
    translation.import_po(po, translation_type="machine" if machine else "manual")
    translation.save_target(publish=True)
    return translation


_ISOLATED_RUN = re.compile(r'<bdi dir="ltr">(.*?)</bdi>', re.S)


def without_isolation(html: str) -> str:
    """`html` without the ``<bdi dir="ltr">`` around left-to-right runs (site_pages.bidi)."""
    return _ISOLATED_RUN.sub(r"\1", html)
