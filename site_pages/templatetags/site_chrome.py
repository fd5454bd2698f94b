"""Template helpers for what frames every public page: header, navigation, footer, description."""

from dataclasses import dataclass

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, gettext_lazy
from wagtail.models import Locale, Page, Site

from site_pages.models import (
    ActionFieldIndexPage,
    FactsPage,
    FundingIndexPage,
    HomePage,
    OfferIndexPage,
)
from site_pages.models.site_settings import SiteSettings

register = template.Library()

# The page types below a home page that the main navigation lists, in tree order.
SECTION_TYPES = (ActionFieldIndexPage, OfferIndexPage, FundingIndexPage, FactsPage)
# The footer's legal pages: setting field and link text.
LEGAL_LINKS = (
    ("imprint_page", gettext_lazy("Imprint")),
    ("privacy_page", gettext_lazy("Privacy policy")),
    ("accessibility_page", gettext_lazy("Accessibility statement")),
    ("contact_page", gettext_lazy("Contact")),
)
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class ChromeLink:
    """One link of the header's navigation or the footer: text, URL and state."""

    title: str
    url: str
    current: str = ""  # "page" for the page itself, "true" for the section it lies in
    language: str = ""  # the target page's language where it differs from the reader's


def site_settings(request) -> SiteSettings | None:
    """The SiteSettings of the request's site, or None outside any site."""
    if request is None:
        return None
    site = Site.find_for_request(request)
    return SiteSettings.for_site(site) if site else None


def home_page(request) -> Page | None:
    """The start page in the reader's language (the German one where not translated)."""
    locale = Locale.get_active()
    home = HomePage.objects.live().filter(locale=locale).first()
    if home is None and request is not None:
        site = Site.find_for_request(request)
        home = site.root_page.specific.localized if site else None
    return home


def search_url() -> str:
    """The search page's URL in the reader's language, e.g. /ar/suche/."""
    try:
        return reverse("search")
    except NoReverseMatch:
        return f"/{get_language()}/suche/"


def main_navigation(request, page: Page | None) -> list[ChromeLink]:
    """The live sections below the reader's start page, then the search page."""
    home = home_page(request)
    sections = []
    if home is not None:
        children = home.get_children().live().public().specific()
        sections = [child for child in children if isinstance(child, SECTION_TYPES)]
    links = [
        ChromeLink(section.title, section.url, _current(section, page)) for section in sections
    ]
    url_name = getattr(getattr(request, "resolver_match", None), "url_name", None)
    links.append(
        ChromeLink(gettext("Search"), search_url(), "page" if url_name == "search" else "")
    )
    return links


def _current(section: Page, page: Page | None) -> str:
    """aria-current for a section: "page" on it, "true" below it, "" elsewhere."""
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == section.pk:
        return "page"
    return "true" if page.path.startswith(section.path) else ""


def legal_links(settings: SiteSettings | None) -> list[ChromeLink]:
    """The footer's legal pages that are set and live, each in the reader's language.

    Two queries for all of them: the pages chosen in the settings, and their live
    translations into the active language; a page without one is linked in its own language.
    """
    if settings is None:
        return []
    language = get_language()
    chosen = {field: getattr(settings, f"{field}_id") for field, _label in LEGAL_LINKS}
    sources = Page.objects.select_related("locale").in_bulk(
        [pk for pk in chosen.values() if pk is not None]
    )
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(
            translation_key__in=[source.translation_key for source in sources.values()],
            locale__language_code=language,
        )
        .select_related("locale")
    }
    links = []
    for field, label in LEGAL_LINKS:
        source = sources.get(chosen[field])
        if source is None:
            continue
        shown = translations.get(source.translation_key) or source
        if not shown.live:
            continue
        target = shown.locale.language_code
        links.append(ChromeLink(str(label), shown.url, "", "" if target == language else target))
    return links


@register.simple_tag(takes_context=True)
def site_chrome(context) -> dict:
    """Everything header and footer show: city, logo, start page, navigation, search, legal."""
    request = context.get("request")
    page = context.get("page")
    settings = site_settings(request)
    return {
        "city_name": settings.city_name if settings else "",
        "logo": settings.logo if settings else None,
        "home_url": f"/{get_language()}/",
        "navigation": main_navigation(request, page if isinstance(page, Page) else None),
        "search_url": search_url(),
        "legal": legal_links(settings),
    }


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's description for search engines: its own, its summary or intro, or the site's."""
    page = context.get("page")
    if isinstance(page, Page):
        for text in (
            page.search_description,
            getattr(page, "summary", ""),
            strip_tags(getattr(page, "intro", "") or ""),
        ):
            text = " ".join(str(text or "").split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    settings = site_settings(context.get("request"))
    city = settings.city_name if settings else ""
    return gettext(
        "The integration concept of %(city)s: action fields and measures, offers for people "
        "and funding for associations, in nine languages."
    ) % {"city": city}
