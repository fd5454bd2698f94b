"""Locale-prefixed URLs, the Accept-Language redirect, the switcher and hreflang.

The sitemap's languages and alternates are tested in `test_sitemaps`.
"""

import json
import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from site_pages import factories as f
from site_pages import models as m
from tests.content import german, translate
from tests.processes import run_python

pytestmark = pytest.mark.django_db

SUPPORTED = ["de", "en", "ar", "uk", "ru", "tr", "fa", "pl", "ro"]
# Everything that follows the configured languages, read in a fresh interpreter.
LANGUAGE_PROBE = """
import json, django
from django.conf import settings
django.setup()
from cms.search_backends import public_backend_name
print(json.dumps({
    "supported": list(settings.SUPPORTED_LANGUAGES),
    "languages": [code for code, _name in settings.LANGUAGES],
    "content_languages": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
    "engine_backends": [
        code for code in settings.SUPPORTED_LANGUAGES
        if public_backend_name(code) in settings.WAGTAILSEARCH_BACKENDS
    ],
}))
"""


def _language_settings(env: dict[str, str], tmp_path) -> dict:
    """The language settings `env` produces, with a search engine configured."""
    result = run_python(
        ["-c", LANGUAGE_PROBE], {"SEARCH_URL": "opensearch://search.example:9200", **env}, tmp_path
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def offer() -> m.OfferPage:
    """A new German offer with published English and Arabic translations."""
    page = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), title="Quokka-Sprachcafé", publish=True
    )
    page.english = translate(page, "en", title="Quokka language café")
    page.arabic = translate(page, "ar", title="مقهى اللغة كوكا")
    return page


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


def test_nine_languages_are_supported_and_all_speak_by_default(tmp_path):
    found = _language_settings({}, tmp_path)
    assert found["supported"] == SUPPORTED
    assert found["languages"] == SUPPORTED
    assert found["content_languages"] == SUPPORTED
    assert found["engine_backends"] == SUPPORTED


def test_teilhabe_languages_chooses_the_languages_everywhere_at_once(tmp_path):
    found = _language_settings({"TEILHABE_LANGUAGES": "de,ar,uk"}, tmp_path)
    assert found["supported"] == SUPPORTED
    assert found["languages"] == ["de", "ar", "uk"]
    assert found["content_languages"] == ["de", "ar", "uk"]
    assert found["engine_backends"] == ["de", "ar", "uk"]


def test_languages_without_german_first_are_refused(tmp_path):
    result = run_python(["-c", LANGUAGE_PROBE], {"TEILHABE_LANGUAGES": "ar,de"}, tmp_path)
    assert result.returncode != 0
    assert "TEILHABE_LANGUAGES must start with the source language 'de'" in result.stderr


def test_every_page_url_carries_its_locale_prefix(offer):
    pages = list(Page.objects.live().filter(translation_key=offer.translation_key))
    assert {page.locale.language_code for page in pages} >= {"de", "en", "ar"}
    for page in pages:
        assert page.url.startswith(f"/{page.locale.language_code}/"), page.url
    assert offer.url == f"/de/{offer.get_parent().slug}/{offer.slug}/"


def test_switcher_links_to_translations_and_marks_fallbacks(client, offer):
    # Ukrainian has no version of the offer at all: the link goes to the Ukrainian start
    # page, marked as such.
    Page.objects.filter(translation_key=offer.translation_key, locale__language_code="uk").delete()
    body = client.get(offer.url).content.decode()
    assert f'href="{offer.english.url}" hreflang="en"' in body
    assert f'href="{offer.arabic.url}" hreflang="ar"' in body
    assert re.search(r'href="/uk/" hreflang="uk"[^>]*class="is-fallback"', body)
    assert re.search(rf'href="{re.escape(offer.url)}" hreflang="de"[^>]*aria-current="page"', body)


def test_hreflang_lists_live_translations_and_x_default(client, offer):
    body = client.get(offer.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', body))
    assert alternates == {
        "de": f"http://testserver{offer.url}",
        "en": f"http://testserver{offer.english.url}",
        "ar": f"http://testserver{offer.arabic.url}",
        "x-default": f"http://testserver{offer.url}",
    }
    assert offer.english.url.startswith("/en/")


def test_unpublished_translation_is_not_offered(client, offer):
    offer.arabic.unpublish()
    body = client.get(offer.url).content.decode()
    assert f'hreflang="en" href="http://testserver{offer.english.url}"' in body
    assert 'hreflang="ar" href' not in body
    assert re.search(r'href="/ar/" hreflang="ar"[^>]*class="is-fallback"', body)


def test_search_page_switcher_keeps_the_search(client):
    body = client.get("/ar/suche/", {"q": "Beratung", "type": "offer"}).content.decode()
    assert 'href="/de/suche/?q=Beratung&amp;type=offer" hreflang="de"' in body
    assert 'hreflang="x-default"' in body


def test_each_configured_language_has_its_locale(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {code for code, _name in settings.LANGUAGES} <= codes
