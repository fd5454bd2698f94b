"""Sitemaps: an index, and one sitemap per locale whose entries name their translations."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_page
from wagtail.models import Locale, Page, Site

SITEMAP_CACHE_SECONDS = 600


def _home_page(request: HttpRequest, language_code: str) -> Page | None:
    """The home page in `language_code` of the site serving `request`, if it exists."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """List the per-locale sitemaps of every language that has a live home page."""
    codes = [code for code, _name in settings.LANGUAGES]
    sitemaps = []
    for code in codes:
        home = _home_page(request, code)
        if home is not None and home.live:
            sitemaps.append(request.build_absolute_uri(f"/{code}/sitemap.xml"))
    return TemplateResponse(
        request, "sitemaps/index.xml", {"sitemaps": sitemaps}, content_type="application/xml"
    )


@cache_page(SITEMAP_CACHE_SECONDS)
def sitemap_for_locale(request: HttpRequest, language_code: str) -> HttpResponse:
    """Every live, public page of one locale with `hreflang` alternates for its translations."""
    if language_code not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    home = _home_page(request, language_code)
    if home is None or not home.live:
        raise Http404("No content in this language")
    pages = list(Page.objects.descendant_of(home, inclusive=True).live().public())
    translations = (
        Page.objects.filter(translation_key__in=[page.translation_key for page in pages])
        .live()
        .public()
        .select_related("locale")
    )
    by_key: dict = {}
    for translation in translations:
        by_key.setdefault(translation.translation_key, []).append(translation)
    entries = []
    for page in pages:
        alternates = [
            {
                "hreflang": other.locale.language_code,
                "url": other.get_full_url(request),
            }
            for other in sorted(by_key.get(page.translation_key, []), key=lambda p: p.locale_id)
        ]
        source = next((a for a in alternates if a["hreflang"] == settings.LANGUAGE_CODE), None)
        entries.append(
            {
                "url": page.get_full_url(request),
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
                "x_default": source["url"] if source and len(alternates) > 1 else None,
            }
        )
    return TemplateResponse(
        request, "sitemaps/locale.xml", {"entries": entries}, content_type="application/xml"
    )
