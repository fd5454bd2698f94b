"""Typos: matched fuzzily on every backend, offered as "did you mean", never silently replaced.

Behaviour tests build their own pages (in a district of their own, so a filter leaves only
them) and run on the database backend and on the real engine.
"""

import pytest
from django.db import connection
from wagtail.models import Locale

from search import vocabulary as v
from search.similar_words import refresh_similar_words
from site_pages import factories as f
from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german, translate

pytestmark = pytest.mark.django_db


def api(client, locale: str = "de", **params) -> dict:
    """The JSON endpoint's answer (asserting a 200)."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(body: dict) -> list[str]:
    """Result titles of an API answer."""
    return [hit["title"] for hit in body["results"]]


@pytest.fixture
def district(db):
    """A district of the test's own."""
    return f.DistrictFactory(name="Quokkaviertel")


def offer(title: str, district, **fields) -> m.OfferPage:
    """A published offer in `district`, searchable at once."""
    page = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(),
        title=title,
        districts=[district],
        publish=True,
        **fields,
    )
    refresh_engine()
    return page


@pytest.mark.usefixtures("search_backend_kind")
def test_a_typo_finds_the_page_and_the_right_spelling_is_offered_as_a_link(client, district):
    page = offer("Quokkaratgeber für Familien", district)
    body = api(client, q="Quokaratgeber", district=district.pk)
    assert titles(body) == [page.title]
    assert body["query"] == "Quokaratgeber"
    assert body["suggested_query"] == "Quokkaratgeber"
    html = client.get("/de/suche/", {"q": "Quokaratgeber"}).content.decode()
    assert 'value="Quokaratgeber"' in html  # the reader's words stay in the box
    assert 'href="/de/suche/?q=Quokkaratgeber"><bdi>Quokkaratgeber</bdi></a>' in html


@pytest.mark.usefixtures("search_backend_kind")
def test_a_real_word_is_never_turned_into_another(client, district):
    # "سباحة" (swimming) is one letter away from "ساحة" (square), which the site uses.
    source = offer("Quokka-Sprachcafé am Platz", district)
    translate(source, "ar", title="مقهى اللغة كوكا في الساحة", summary="ساحة")
    refresh_engine()
    body = api(client, "ar", q="سباحة", district=district.pk)
    assert titles(body) == []
    assert body["suggested_query"] == ""
    assert titles(api(client, "ar", q="ساحة", district=district.pk)) != []


@pytest.mark.usefixtures("search_backend_kind")
def test_a_typo_of_a_word_in_the_text_is_found_where_the_backend_matches_fuzzily(
    client, district, search_backend_kind
):
    # Not a title word, so the site's vocabulary cannot correct it: only the engine's
    # fuzziness and PostgreSQL's trigrams find it; SQLite's FTS5 has no fuzzy matching.
    page = offer("Quokka-Treff", district, summary="Im Sommer Quokkaschwimmen im Freibad.")
    assert refresh_similar_words() == (connection.vendor == "postgresql")  # as beat does
    found = titles(api(client, q="Quokkaschwimen", district=district.pk))
    if search_backend_kind == "engine" or connection.vendor == "postgresql":
        assert found == [page.title]
    else:
        assert found == []


def test_known_words_are_the_sites_and_the_languages():
    words = {"quokkaratgeber": "Quokkaratgeber"}
    assert v.is_known("Quokkaratgeber", "de", words)
    assert v.is_known("schwimmen", "de", words)  # a German word, from the dictionary
    assert v.is_known("سباحة", "ar", words)
    assert not v.is_known("Quokaratgeber", "de", words)
    assert not v.is_known("schwimen", "de", words)
    assert v.is_known("Bus", "uk", words)  # words under four letters are never typos
    assert not v.is_known("Quokaratgeber", "uk", words)  # no dictionary: the site's words


def test_the_vocabulary_is_bounded_cached_and_follows_the_pages(
    district, monkeypatch, django_assert_num_queries
):
    locale = Locale.get_default()
    offer("Quokkahaus Wombatgarten", district)
    full = v.vocabulary(locale.pk)
    assert {"quokkahaus", "wombatgarten"} <= set(full)
    with django_assert_num_queries(0):
        assert v.vocabulary(locale.pk) == full  # not recomputed per request
    v.forget_vocabularies([locale.pk])
    monkeypatch.setattr(v, "MAX_WORDS", 3)
    assert list(v.vocabulary(locale.pk)) == list(full)[:3]  # the most frequent words
    monkeypatch.setattr(v, "MAX_WORDS", 5000)
    offer("Wombatbibliothek", district)  # a publish drops the cached vocabulary
    assert "wombatbibliothek" in v.vocabulary(locale.pk)
