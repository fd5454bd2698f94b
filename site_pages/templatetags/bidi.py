"""Bidirectional isolation for text whose direction differs from the page's (e.g. in ar, fa)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from site_pages import bidi

register = template.Library()


@register.filter
def ltr(value: object) -> str:
    """Isolate a left-to-right token (phone number, postcode, code, URL, e-mail) in any page."""
    if value in (None, ""):
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def isolate(value: object) -> str:
    """Isolate text of unknown direction (a German name in an Arabic page) from its neighbours."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter(is_safe=True)
def isolate_ltr_runs(html: str, right_to_left: bool = True) -> str:
    """Rendered `html` with its left-to-right runs isolated when the page is right-to-left."""
    if not right_to_left:
        return html
    return mark_safe(bidi.isolate_ltr_runs(str(html)))
