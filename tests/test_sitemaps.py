"""The sitemap (wagtail.contrib.sitemaps): real host, every language, alternates, no fallbacks."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from site_pages import factories as f
from site_pages import models as m
from tests.content import german
from tests.test_language_fallback import in_locale, publish, translate

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _fresh_sitemap():
    """The sitemap is cached; each test reads its own."""
    cache.clear()
    yield
    cache.clear()


def entries(client, host: str = "127.0.0.1:8766") -> dict[str, dict[str, str]]:
    """location → {hreflang: href} of the sitemap served to `host`."""
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def offer():
    """A new German offer with an English translation."""
    page = publish(
        f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), title="Repair-Café Nordplatz")
    )
    page.english = translate(page, "en", "[en]")
    return page


def test_locations_use_the_host_the_site_is_served_on(client, offer):
    urls = entries(client, host="127.0.0.1:8766")
    assert f"http://127.0.0.1:8766{offer.url}" in urls
    assert all(re.match(r"http://127\.0\.0\.1:8766/(de|en|ar)/", loc) for loc in urls)
    other = entries(client, host="localhost:9000")
    assert f"http://localhost:9000{offer.url}" in other


def test_translated_page_lists_its_translations_and_x_default(client, offer):
    urls = entries(client)
    german_url = f"http://127.0.0.1:8766{offer.url}"
    english_url = f"http://127.0.0.1:8766{offer.english.url}"
    expected = {"de": german_url, "en": english_url, "x-default": german_url}
    assert urls[german_url] == expected
    assert urls[english_url] == expected


def test_german_fallbacks_and_unpublished_pages_are_not_listed(client, offer):
    draft = f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), title="Entwurf", live=False)
    urls = entries(client)
    fallback = in_locale(offer, "uk")
    assert fallback.alias_of_id == offer.pk
    assert f"http://127.0.0.1:8766{fallback.url}" not in urls
    assert not any(loc.startswith("http://127.0.0.1:8766/uk/") for loc in urls)
    assert not any(draft.slug in loc for loc in urls)


def test_sitemap_costs_the_same_queries_for_more_pages(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        entries(client)
    index = german(m.OfferIndexPage).get()
    for number in range(20):
        publish(f.OfferPageFactory(parent=index, title=f"Zusatzangebot {number}"))
    cache.clear()
    with django_assert_max_num_queries(12):
        assert sum("zusatzangebot" in loc for loc in entries(client)) == 20
