"""German fallback pages in every language, by wagtail-localize's tree synchronisation.

Every locale is synchronised from German (wagtail-localize's `LocaleSynchronization`): a page
not yet translated into a language exists in that language's tree as an *alias* of the
German page. Wagtail keeps aliases up to date when the German page is published, and
wagtail-localize turns an alias into a real translation when someone translates it. So a
reader on /uk/ or /fa/ stays under their prefix everywhere — links, breadcrumbs, listings,
search — and sees the German text, marked as German, where no translation exists yet.

wagtail-localize creates aliases for pages made in the admin; pages made in code (the demo
loader, imports, tests) get theirs when they are first published (`create_missing_aliases`).
"""

import functools

from django.conf import settings
from django.db.models import Model
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization


def ensure_synchronised_locales(**kwargs) -> None:
    """Synchronise every configured language from German (runs after `migrate`, idempotent).

    Creating the synchronisation makes wagtail-localize copy the German tree as aliases.
    """
    default = Locale.get_default()
    for locale in Locale.objects.exclude(pk=default.pk):
        if locale.language_code in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )


def create_missing_aliases(sender, instance: Page, **kwargs) -> None:
    """page_published: give a German page an alias in every synchronised locale lacking it."""
    if instance.alias_of_id is not None or instance.locale_id != default_locale_id():
        return
    targets = set(
        LocaleSynchronization.objects.filter(sync_from_id=instance.locale_id).values_list(
            "locale_id", flat=True
        )
    )
    present = set(
        Page.objects.filter(
            translation_key=instance.translation_key, locale_id__in=targets
        ).values_list("locale_id", flat=True)
    )
    for locale in Locale.objects.filter(pk__in=targets - present):
        instance.copy_for_translation(locale, copy_parents=True, alias=True)


@functools.cache
def language_codes_by_locale_id() -> dict[int, str]:
    """Locale id → language code, read once per process (locales do not change at run time)."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def default_locale_id() -> int:
    """The German (source) locale's id."""
    codes = language_codes_by_locale_id()
    return next(pk for pk, code in codes.items() if code == settings.LANGUAGE_CODE)


def content_language(page: Model) -> str:
    """The language a page's text is in: German for a fallback, else its locale's language."""
    if is_language_fallback(page):
        return settings.LANGUAGE_CODE
    return language_codes_by_locale_id().get(page.locale_id, settings.LANGUAGE_CODE)


def is_language_fallback(page: Model) -> bool:
    """Whether `page` stands in for a missing translation (an alias of the German page)."""
    return (
        isinstance(page, Page)
        and page.alias_of_id is not None
        and page.locale_id != default_locale_id()
    )
