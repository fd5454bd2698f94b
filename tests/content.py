"""Shortcuts for tests: the German (source) content of the demo, and translations of pages."""

from django.db.models import Model, QuerySet
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page


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
