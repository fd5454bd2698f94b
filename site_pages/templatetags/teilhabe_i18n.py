"""Template helpers for languages: the switcher, localized objects, figures and lists."""

from collections.abc import Iterable
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale

from site_pages.languages import language_links, localize_all

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context, page) -> list[dict]:
    """The language switcher entries for `page` (see `language_links`)."""
    if page is None or not getattr(page, "pk", None):
        return []
    return language_links(page, context.get("request"))


@register.filter
def localized(value):
    """An object, or a list/queryset of objects, in the active locale where translated.

    A snippet that is not live (a never-published organisation) becomes None, or is left out.
    """
    if value is None or value == "":
        return value
    locale = Locale.get_active()
    if hasattr(value, "translation_key"):
        shown = localize_all([value], locale)
        return shown[0] if shown else None  # a snippet that is not live
    return localize_all(value, locale)


@register.filter
def related(page, field_name: str) -> list:
    """A page's relation `field_name` in the page's locale (see `LocalizedRelationsMixin`)."""
    return page.related_in_locale(field_name)


@register.filter
def is_bidi(language_code: str) -> bool:
    """Whether `language_code` is written right to left (Arabic, Farsi, …)."""
    try:
        return get_language_info(language_code)["bidi"]
    except KeyError:
        return False


# Languages whose lists are not separated by ", ". Arabic and Farsi use the Arabic comma.
LIST_SEPARATORS = {"ar": "، ", "fa": "، "}


def format_number(value: Decimal | int | float | None) -> str:
    """A figure in the active language's notation: its digit grouping, no needless decimals.

    Counts print as "7", not "7,00"; other values keep only the decimals they need ("8,9").
    Grouping follows Django's locale formats ("3.818" in German, "3,818" in English; Django
    defines no grouping for Arabic and Farsi), whatever USE_THOUSAND_SEPARATOR says.
    """
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    places = max(0, -number.normalize().as_tuple().exponent)
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def list_separator() -> str:
    """What separates list items in the active language: "، " in Arabic and Farsi, else ", "."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return LIST_SEPARATORS.get(language, ", ")


def join_list(items: Iterable | None) -> str:
    """Names (target groups, languages, districts, …) as one list in the active language."""
    return list_separator().join(str(item) for item in items or [])


register.filter("number", format_number)
register.filter("join_list", join_list)
