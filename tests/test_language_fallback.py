"""A reader stays in their language: German fallbacks under every prefix, in pages and search.

Behaviour tests build their own pages with the factories, under the demo's German tree; the
last tests check the demo itself.
"""

import json
import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from site_pages import factories as f
from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german, translate_all_strings

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def publish(page: Page) -> Page:
    """Publish `page` the way an editor's "Publish" does (a revision), return it fresh."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(obj, language_code: str, prefix: str) -> Page:
    """Translate every string of `obj` through wagtail-localize; the published translation."""
    translate_all_strings(obj, language_code, prefix)
    return obj.get_translation(Locale.objects.get(language_code=language_code))


def in_locale(page: Page, language_code: str) -> Page:
    """`page` in the tree of `language_code` (its translation or its German fallback)."""
    return page.get_translation(Locale.objects.get(language_code=language_code)).specific


@pytest.fixture
def action_field():
    """A German action field (the demo's field 4) with a new measure built by the factories."""
    field = german(m.ActionFieldPage).get(number=4)
    field.measure = publish(
        f.MeasurePageFactory(
            parent=field,
            title="Quartierslotsen",
            code="4.77",
            summary="Lotsinnen begleiten Neuzugewanderte im Quartier.",
        )
    )
    return field


@pytest.mark.parametrize("language_code", OTHER_LANGUAGES)
def test_untranslated_measure_is_listed_as_german_under_the_readers_prefix(
    client, action_field, language_code
):
    field = in_locale(action_field, language_code)
    response = client.get(field.url)
    assert response.status_code == 200
    body = response.content.decode()
    measure_url = in_locale(action_field.measure, language_code).url
    assert measure_url.startswith(f"/{language_code}/")
    assert f'href="{measure_url}" lang="de" dir="ltr">Quartierslotsen</a>' in body
    assert "No measures published yet" not in body


@pytest.mark.parametrize("language_code", OTHER_LANGUAGES)
def test_fallback_page_keeps_prefix_in_breadcrumbs_and_switcher(
    client, action_field, language_code
):
    measure = in_locale(action_field.measure, language_code)
    body = client.get(measure.url).content.decode()
    # The text is German, the interface is the reader's.
    assert f'<html lang="{language_code}"' in body
    assert re.search(r'<main id="main" class="content" lang="de" dir="ltr">', body)
    breadcrumb = re.search(r'<nav class="breadcrumbs".*?</nav>', body, re.S).group(0)
    links = re.findall(r'href="([^"]+)"', breadcrumb)
    assert len(links) == 3  # home, action field index, action field
    assert all(link.startswith(f"/{language_code}/") for link in links)
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    current = re.findall(r'hreflang="(\w+)"[^>]*aria-current="page"', switcher)
    assert current == [language_code]
    # The canonical text is the German page; hreflang names only real translations.
    german_url = action_field.measure.url
    assert f'<link rel="canonical" href="http://testserver{german_url}">' in body
    assert re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', body) == ["de", "x-default"]


def test_switcher_of_a_german_page_leads_to_each_language_version(client, action_field):
    body = client.get(action_field.measure.url).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    for code in OTHER_LANGUAGES:
        assert f'href="{in_locale(action_field.measure, code).url}" hreflang="{code}"' in switcher
    assert "is-fallback" not in switcher


def test_translation_replaces_the_fallback(client, action_field):
    english = translate(action_field.measure, "en", "[en]")
    assert english.alias_of_id is None
    body = client.get(english.url).content.decode()
    assert "[en] Quartierslotsen" in body
    assert '<main id="main" class="content">' in body
    assert '<link rel="canonical"' not in body
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', body)
    assert sorted(hreflangs) == ["de", "en", "x-default"]


def test_german_page_published_in_code_gets_a_fallback_in_every_language(action_field):
    measure = action_field.measure
    versions = Page.objects.filter(translation_key=measure.translation_key).exclude(pk=measure.pk)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == sorted(
        OTHER_LANGUAGES
    )
    assert all(version.alias_of_id == measure.pk for version in versions)
    assert all(version.live for version in versions)


def test_publishing_the_german_page_updates_its_fallbacks(client, action_field):
    measure = action_field.measure
    measure.summary = "Neu: Lotsinnen auch am Wochenende."
    publish(measure)
    body = client.get(in_locale(measure, "fa").url).content.decode()
    assert "Neu: Lotsinnen auch am Wochenende." in body


@pytest.mark.parametrize("language_code", ["uk", "fa", "en", "ar"])
@pytest.mark.usefixtures("search_backend_kind")
def test_search_finds_german_fallbacks_in_every_language(client, language_code):
    index = german(m.OfferIndexPage).get()
    offer = publish(
        f.OfferPageFactory(
            parent=index, title="Fahrradwerkstatt Zwiebelturm", summary="Reparatur mit Hilfe."
        )
    )
    refresh_engine()
    response = client.get(f"/{language_code}/suche/api/", {"q": "Fahrradwerkstatt"})
    body = json.loads(response.content)
    fallback = in_locale(offer, language_code)
    assert [hit["url"] for hit in body["results"]] == [fallback.url]
    assert body["results"][0]["language"] == "de"
    assert body["total"] == 1
    assert {v["value"]: v["count"] for v in body["facets"]["type"]} == {"offer": 1}
    page = client.get(f"/{language_code}/suche/", {"q": "Fahrradwerkstatt"}).content.decode()
    assert f'<h2 lang="de" dir="ltr"><a href="{fallback.url}">' in page


@pytest.mark.usefixtures("search_backend_kind")
def test_search_shows_the_translation_instead_of_the_german_fallback(client):
    index = german(m.OfferIndexPage).get()
    offer = publish(f.OfferPageFactory(parent=index, title="Nähstube Zwiebelturm"))
    ukrainian = translate(offer, "uk", "Швейна")
    refresh_engine()
    body = json.loads(client.get("/uk/suche/api/", {"q": "Zwiebelturm"}).content)
    assert [hit["url"] for hit in body["results"]] == [ukrainian.url]
    assert body["results"][0]["language"] == "uk"


@pytest.mark.parametrize("language_code", OTHER_LANGUAGES)
def test_demo_action_fields_list_every_german_measure_in_every_language(client, language_code):
    locale = Locale.objects.get(language_code=language_code)
    for field in german(m.ActionFieldPage).order_by("number"):
        measures = m.MeasurePage.objects.child_of(field).live()
        assert measures.exists(), f"demo field {field.number} has no measure"
        body = client.get(field.get_translation(locale).url).content.decode()
        assert "No measures published yet" not in body
        for measure in measures:
            assert f'href="{measure.get_translation(locale).url}"' in body
