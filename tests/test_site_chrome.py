"""The frame of every public page (header, navigation, search box, footer) and its stylesheets."""

import html
import re
from pathlib import Path

import pytest
import tinycss2
from django.urls import reverse
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from site_pages import factories as f
from site_pages import models as m
from site_pages.models.site_settings import SiteSettings
from tests.browser import PHONE
from tests.content import german, translate
from tests.test_public_pages import PAGE_TYPES
from tools.kern import build

pytestmark = pytest.mark.django_db

CSS_DIR = Path(__file__).resolve().parents[1] / "assets" / "css"
OWNED_CSS = ("kern.css", "site.css")
PHYSICAL_PROPERTIES = {
    "margin-left",
    "margin-right",
    "padding-left",
    "padding-right",
    "left",
    "right",
    "border-left",
    "border-right",
    "border-left-width",
    "border-right-width",
    "border-left-color",
    "border-right-color",
    "border-left-style",
    "border-right-style",
    "border-top-left-radius",
    "border-top-right-radius",
    "border-bottom-left-radius",
    "border-bottom-right-radius",
}
DIRECTIONAL_VALUES = {"text-align", "float", "clear"}


def _body(response) -> str:
    """A response's HTML, entities unescaped."""
    return html.unescape(response.content.decode())


def _assert_chrome(body: str, language: str) -> None:
    """Header with brand, main navigation, search box with a real action, footer."""
    search_url = f"/{language}/suche/"
    assert '<header class="site-header">' in body
    assert f'class="site-header__brand" href="/{language}/"' in body
    assert 'class="main-nav"' in body
    assert re.search(rf'<a class="main-nav__link" href="{search_url}"', body)
    form = re.search(r'<form class="site-search" role="search" method="get" action="([^"]*)"', body)
    assert form is not None, "no search box"
    assert form[1] == search_url
    assert 'for="site-search-q"' in body
    assert 'id="site-search-q"' in body
    assert '<footer class="site-footer">' in body
    assert 'class="skip-link" href="#main"' in body
    assert re.search(r'<meta name="description" content="[^"]{20,}">', body)


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_every_page_type_has_the_site_chrome(client, page_type, language):
    page = page_type.objects.filter(locale__language_code=language).live().first()
    assert page is not None, f"the demo has no {language} {page_type.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200
    _assert_chrome(_body(response), language)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_search_page_and_404_have_the_site_chrome(client, language):
    with translation.override(language):
        search_url = reverse("search")
    response = client.get(search_url, {"q": "Deutsch"})
    assert response.status_code == 200
    body = _body(response)
    _assert_chrome(body, language)
    assert body.count('id="search-q"') == 1, "the search page's own field keeps its id"

    missing = client.get(f"/{language}/gibt-es-nicht/")
    assert missing.status_code == 404
    _assert_chrome(_body(missing), language)


def test_navigation_lists_the_sections_and_marks_the_current_one(client):
    offer = german(m.OfferPage).live().first()
    offers = german(m.OfferIndexPage).get()
    body = _body(client.get(offer.url))
    nav = re.search(r'<nav class="main-nav".*?</nav>', body, re.S)[0]
    sections = [german(t).live().get() for t in (m.ActionFieldIndexPage, m.FundingIndexPage)]
    for section in [offers, *sections]:
        assert f'href="{section.url}"' in nav
    assert f'href="{offers.url}" aria-current="true"' in nav
    assert nav.count("aria-current") == 1

    index_body = _body(client.get(offers.url))
    assert f'href="{offers.url}" aria-current="page"' in index_body


def test_navigation_follows_the_readers_language(client):
    facts_ar = m.FactsPage.objects.filter(locale__language_code="ar").live().get()
    body = _body(client.get("/ar/"))
    nav = re.search(r'<nav class="main-nav".*?</nav>', body, re.S)[0]
    assert f'href="{facts_ar.url}"' in nav
    assert facts_ar.url.startswith("/ar/")
    assert 'href="/de/' not in nav


def test_header_shows_the_city_name_without_a_logo(client, demo_home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.city_name = "Wartburgstadt Quokkahausen"
    settings.logo = None
    settings.save()
    body = _body(client.get("/de/"))
    brand = re.search(r'<a class="site-header__brand".*?</a>', body, re.S)[0]
    assert "Wartburgstadt Quokkahausen" in brand
    assert "<img" not in brand


def test_header_shows_the_logo_with_the_city_name_as_alt_text(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    logo = Image.objects.create(title="Wappen", file=get_test_image_file(size=(300, 200)))
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.city_name = "Stadt Quokkahausen"
    site_settings.logo = logo
    site_settings.save()
    body = _body(client.get("/ar/"))
    brand = re.search(r'<a class="site-header__brand".*?</a>', body, re.S)[0]
    image = re.search(r"<img [^>]*>", brand)
    assert image is not None, brand
    assert 'alt="Stadt Quokkahausen"' in image[0]
    assert 'class="site-header__logo"' in image[0]
    assert re.search(r'src="[^"]*/images/[^"]+"', image[0])
    assert 'href="/ar/"' in brand


def test_footer_links_the_legal_pages_in_the_readers_language(client, demo_home):
    imprint = f.StandardPageFactory(parent=demo_home, title="Impressum Quokka", publish=True)
    imprint_ar = translate(imprint, "ar", title="بيانات النشر")
    privacy = f.StandardPageFactory(parent=demo_home, title="Datenschutz Quokka", publish=True)
    contact = f.StandardPageFactory(
        parent=demo_home, title="Kontakt Quokka", live=False, publish=False
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.imprint_page = imprint
    site_settings.privacy_page = privacy
    site_settings.contact_page = contact
    site_settings.accessibility_page = None
    site_settings.save()

    body = _body(client.get("/ar/"))
    footer = re.search(r'<footer class="site-footer">.*?</footer>', body, re.S)[0]
    links = re.findall(r'<a href="([^"]+)"', footer)
    privacy_ar = privacy.get_translations().get(locale__language_code="ar")
    assert links == [imprint_ar.url, privacy_ar.url], "unset and unpublished pages are left out"
    assert all(url.startswith("/ar/") for url in links)
    with translation.override("ar"):
        assert translation.gettext("Imprint") in footer

    german_footer = _body(client.get("/de/"))
    assert f'href="{imprint.url}"' in german_footer
    assert imprint.url.startswith("/de/")


def test_meta_description_falls_back_from_page_to_summary_to_site(client, demo_home):
    own = f.StandardPageFactory(
        parent=demo_home, title="Eigene", search_description="Quokka-Beschreibung.", publish=True
    )
    assert '<meta name="description" content="Quokka-Beschreibung.">' in _body(client.get(own.url))

    offer = german(m.OfferPage).live().exclude(summary="").first()
    offer.search_description = ""
    offer.save_revision().publish()
    expected = " ".join(offer.summary.split())[:40]
    assert f'<meta name="description" content="{expected}' in _body(client.get(offer.url))

    bare = f.StandardPageFactory(parent=demo_home, title="Leer", publish=True)
    with translation.override("de"):
        site_wide = translation.gettext(
            "The integration concept of %(city)s: action fields and measures, offers for people "
            "and funding for associations, in nine languages."
        ) % {"city": SiteSettings.for_site(Site.objects.get(is_default_site=True)).city_name}
    assert f'<meta name="description" content="{site_wide}">' in _body(client.get(bare.url))


def test_stylesheets_are_linked_in_order(client):
    body = _body(client.get("/de/"))
    sheets = re.findall(
        r'<link rel="stylesheet" href="/static/css/([a-z]+)\.[0-9a-f]{12}\.css">', body
    )
    assert sheets == ["kern", "site", "pages"], "hashed names, in cascade order"
    for name in sheets:
        assert (CSS_DIR / f"{name}.css").is_file(), name


def _declarations(rules) -> list[tuple[str, str]]:
    """Every (property, value) in a parsed stylesheet, inside at-rules too."""
    found = []
    for rule in rules:
        if rule.type not in ("qualified-rule", "at-rule") or rule.content is None:
            continue
        if rule.type == "at-rule":
            found += _declarations(tinycss2.parse_rule_list(rule.content, True, True))
            continue
        for item in tinycss2.parse_blocks_contents(rule.content, True, True):
            if item.type == "declaration":
                found.append((item.lower_name, tinycss2.serialize(item.value).strip().lower()))
    return found


@pytest.mark.parametrize("name", OWNED_CSS)
def test_stylesheets_use_logical_properties_only(name):
    rules = tinycss2.parse_stylesheet((CSS_DIR / name).read_text(), True, True)
    declarations = _declarations(rules)
    assert len(declarations) > 100
    physical = [(p, v) for p, v in declarations if p in PHYSICAL_PROPERTIES]
    directional = [
        (p, v)
        for p, v in declarations
        if p in DIRECTIONAL_VALUES and v.split()[0] in ("left", "right")
    ]
    assert physical == []
    assert directional == []


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("margin-left", "1rem", [("margin-inline-start", "1rem")]),
        ("right", "0", [("inset-inline-end", "0")]),
        ("text-align", "left", [("text-align", "start")]),
        ("float", "right", [("float", "inline-end")]),
        (
            "padding",
            "1px 2px 3px 4px",
            [("padding-block", "1px 3px"), ("padding-inline", "4px 2px")],
        ),
        ("padding", "1px 2px 3px 2px", [("padding", "1px 2px 3px 2px")]),
        # Top corners alike and bottom corners alike: the same in both directions, kept.
        ("border-radius", "0 0 4px 4px", [("border-radius", "0 0 4px 4px")]),
        (
            "border-radius",
            "4px 0 0 4px",
            [
                ("border-start-start-radius", "4px"),
                ("border-start-end-radius", "0"),
                ("border-end-end-radius", "0"),
                ("border-end-start-radius", "4px"),
            ],
        ),
    ],
)
def test_build_rewrites_physical_declarations(name, value, expected):
    assert build.logical(name, value) == expected


def test_kern_is_vendored_with_version_and_licence():
    kern = (CSS_DIR / "kern.css").read_text()
    header = kern[: kern.index("*/")]
    assert "KERN UX 2.7.2" in header
    assert "EUPL-1.2" in header
    vendor = CSS_DIR.parent / "vendor" / "kern-ux"
    assert "EUROPÄISCHE UNION PUBLIC LICENCE v. 1.2" in (vendor / "LICENSE.md").read_text()
    assert "2.7.2" in (vendor / "NOTICE").read_text()
    assert build.KERN_VERSION == "2.7.2"
    for component in ("kern-btn", "kern-card", "kern-alert", "kern-badge", "kern-progress"):
        assert f".{component}" in kern, component
    assert ".kern-description-list" in kern
    assert ".kern-form-input__input" in kern
    assert "--kern-color-layout-text-default:" in kern


def _media_blocks(name: str, query: str) -> list:
    """The @media rules of a stylesheet whose condition is `query`."""
    rules = tinycss2.parse_stylesheet((CSS_DIR / name).read_text(), True, True)
    return [
        rule
        for rule in rules
        if rule.type == "at-rule"
        and rule.at_keyword == "media"
        and " ".join(tinycss2.serialize(rule.prelude).split()) == query
    ]


def test_dark_mode_and_reduced_motion_rules_exist():
    dark = _media_blocks("kern.css", "(prefers-color-scheme: dark)")
    assert len(dark) == 1
    assert "--kern-color-layout-background-default:" in tinycss2.serialize(dark[0].content)
    assert _media_blocks("site.css", "(prefers-color-scheme: dark)")
    reduced = _media_blocks("site.css", "(prefers-reduced-motion: reduce)")
    assert len(reduced) == 1
    assert "animation-duration" in tinycss2.serialize(reduced[0].content)


# --- in a real browser ------------------------------------------------------------------


def _colours(browser, url: str, scheme: str) -> dict:
    """Text and background colours of body and header in the given colour scheme."""
    page = browser.new_page(viewport=PHONE, color_scheme=scheme)
    try:
        page.emulate_media(color_scheme=scheme)
        assert page.goto(url).status == 200
        return page.evaluate(
            """() => {
                const body = getComputedStyle(document.body);
                const header = getComputedStyle(document.querySelector('.site-header'));
                return {text: body.color, background: body.backgroundColor,
                        header: header.backgroundColor};
            }"""
        )
    finally:
        page.close()


@pytest.mark.service("chromium")
def test_dark_mode_changes_text_and_background(browser, site_url):
    light = _colours(browser, site_url + "/de/", "light")
    dark = _colours(browser, site_url + "/de/", "dark")
    assert light["text"] != dark["text"]
    assert light["background"] != dark["background"]
    assert light["header"] != dark["header"]
    assert light["text"] != light["background"]
    assert dark["text"] != dark["background"]


@pytest.mark.service("chromium")
def test_keyboard_focus_shows_a_strong_outline(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    try:
        assert page.goto(site_url + "/ar/").status == 200
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the brand
        focus = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                return {cls: el.className, style: style.outlineStyle,
                        width: parseFloat(style.outlineWidth), colour: style.outlineColor};
            }"""
        )
    finally:
        page.close()
    assert focus["cls"] == "site-header__brand"
    assert focus["style"] == "solid"
    assert focus["width"] >= 3
    assert focus["colour"] not in ("transparent", "rgba(0, 0, 0, 0)")


@pytest.mark.service("chromium")
def test_search_box_submits_to_the_search_page(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    try:
        offer = m.OfferPage.objects.filter(locale__language_code="ar").live().first()
        assert page.goto(site_url + offer.url).status == 200
        page.fill("#site-search-q", "Deutsch")
        page.press("#site-search-q", "Enter")
        page.wait_for_load_state()
        assert page.url.startswith(site_url + "/ar/suche/?q=Deutsch")
        assert page.locator("#search-q").input_value() == "Deutsch"
    finally:
        page.close()
