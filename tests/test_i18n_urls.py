"""Locale-prefixed URLs, the Accept-Language redirect, the switcher, hreflang and sitemaps."""

import re

import pytest
from django.conf import settings

from site_pages import models as m
from tests.content import german

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("uk-UA,uk;q=0.9", "/uk/"),
        ("en-GB", "/en/"),
        ("xx", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_all_nine_languages_are_configured_in_one_place():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == ["de", "en", "ar", "uk", "ru", "tr", "fa", "pl", "ro"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


def test_every_page_url_carries_its_locale_prefix():
    for page in m.OfferPage.objects.live().select_related("locale"):
        assert page.url.startswith(f"/{page.locale.language_code}/"), page.url


def test_switcher_links_to_translations_and_marks_fallbacks(client):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    body = client.get(offer.url).content.decode()
    english = offer.get_translation(
        m.OfferPage.objects.filter(locale__language_code="en").first().locale
    )
    assert f'href="{english.url}" hreflang="en"' in body
    # Ukrainian has no translation: the link goes to the Ukrainian start page, marked as such.
    assert re.search(r'href="/uk/" hreflang="uk"[^>]*class="is-fallback"', body)
    assert 'aria-current="page"' in body


def test_hreflang_lists_live_translations_and_x_default(client):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    body = client.get(offer.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', body))
    assert set(alternates) == {"de", "en", "ar", "x-default"}
    assert alternates["x-default"] == alternates["de"]
    assert alternates["en"].endswith("/en/offers/language-cafe/") or "/en/" in alternates["en"]


def test_unpublished_translation_is_not_offered(client):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    arabic = m.OfferPage.objects.get(
        translation_key=offer.translation_key, locale__language_code="ar"
    )
    arabic.unpublish()
    body = client.get(offer.url).content.decode()
    assert 'hreflang="ar" href' not in body
    assert re.search(r'href="/ar/" hreflang="ar"[^>]*class="is-fallback"', body)


def test_sitemap_index_lists_one_sitemap_per_language_with_content(client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/de/sitemap.xml" in body and "/en/sitemap.xml" in body and "/ar/sitemap.xml" in body
    assert "/uk/sitemap.xml" not in body


def test_locale_sitemap_lists_pages_with_alternates(client):
    response = client.get("/de/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    offer = german(m.OfferPage).get(slug="sprachcafe")
    assert f"<loc>{offer.full_url}</loc>" in body
    assert 'hreflang="ar"' in body and 'hreflang="x-default"' in body
    assert client.get("/uk/sitemap.xml").status_code == 404
    assert client.get("/xx/sitemap.xml").status_code == 404


def test_search_page_switcher_keeps_the_search(client):
    body = client.get("/ar/suche/", {"q": "Beratung", "type": "offer"}).content.decode()
    assert 'href="/de/suche/?q=Beratung&amp;type=offer" hreflang="de"' in body
    assert 'hreflang="x-default"' in body
