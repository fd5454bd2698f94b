"""Template helpers that mark German fallback content inside pages of another language."""

from django import template
from django.db.models import Model
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

from translations.fallback import content_language

register = template.Library()


@register.simple_tag
def lang_attrs(page: Model | None) -> SafeString | str:
    """` lang="de" dir="ltr"` where `page`'s text is not in the reader's language, else ""."""
    if not hasattr(page, "locale_id"):
        return ""
    language = content_language(page)
    if language == (get_language() or "").split("-")[0]:
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.filter
def content_lang(page: Model) -> str:
    """The language of `page`'s text (German for a fallback), for `lang` attributes."""
    return content_language(page) if hasattr(page, "locale_id") else ""
