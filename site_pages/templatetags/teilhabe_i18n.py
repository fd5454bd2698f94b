"""Template helpers for languages: the switcher and objects in the reader's locale."""

from django import template
from django.utils.translation import get_language_info
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
    """An object, or a list/queryset of objects, in the active locale where translated."""
    if value is None or value == "":
        return value
    locale = Locale.get_active()
    if hasattr(value, "translation_key"):
        return localize_all([value], locale)[0]
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
