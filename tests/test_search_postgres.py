"""PostgreSQL full text: each locale indexed and queried with its own configuration."""

import json

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from cms.search_backends import database_query_backend_name
from site_pages import factories as f
from site_pages import models as m
from tests.content import german

pytestmark = [pytest.mark.django_db, pytest.mark.service("postgres")]


def index_vector(page) -> str:
    """The stored full-text vector (body) of a page's index entry, as text."""
    from modelsearch.conf import get_app_config

    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT body::text FROM {table} WHERE object_id = %s AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        row = cursor.fetchone()
    return row[0] if row else ""


def test_german_pages_are_stemmed_as_german_and_arabic_ones_as_arabic():
    offer = german(m.OfferPage).get(slug="mbe-migrationsberatung")
    vector = index_vector(offer)
    assert "'migrationsberat'" in vector  # German Snowball stem of "Migrationsberatung"
    arabic = m.OfferPage.objects.get(
        translation_key=offer.translation_key, locale__language_code="ar"
    )
    arabic_vector = index_vector(arabic)
    assert arabic_vector and arabic_vector != vector  # its own entry, not overwritten
    assert "'migrationsberat'" not in arabic_vector


def test_each_language_queries_with_its_own_configuration():
    assert get_search_backend(database_query_backend_name("de")).config == "german"
    assert get_search_backend(database_query_backend_name("ar")).config == "arabic"
    assert get_search_backend(database_query_backend_name("uk")).config == "simple"


def test_inflected_german_query_finds_the_page(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        k: v for k, v in settings.WAGTAILSEARCH_BACKENDS.items() if not k.startswith("public_")
    }
    body = json.loads(client.get("/de/suche/api/", {"q": "Migrationsberatungen"}).content)
    assert body["suggested_query"] == ""  # found by stemming: a real word, not a typo
    assert "Migrationsberatung für erwachsene Zugewanderte" in [r["title"] for r in body["results"]]


def test_a_typo_finds_the_corpus_words_closest_to_it_once_the_words_are_refreshed():
    from search.similar_words import refresh_similar_words, similar_words

    f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(),
        title="Treffpunkt am Markt",
        summary="Im Sommer Wombatschwimmen im Freibad.",
        publish=True,
    )
    assert similar_words("Wombatschwimen", 0.5) == []  # not read yet
    assert refresh_similar_words()
    found = similar_words("Wombatschwimen", 0.5)
    assert found[0] == "wombatschwimmen"
    assert set(found) <= {"wombatschwimmen", "wombatschwimm"}  # the word and its stem form
    assert "wombatschwimmen" not in similar_words("Wombatschwimmen", 0.5)  # not itself
    assert similar_words("Quokkaflug", 0.5) == []


def test_the_beat_refreshes_the_typo_words():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["refresh-search-words"]
    assert entry["task"] == "search.refresh_similar_words"
    assert entry["schedule"] == settings.SEARCH_WORDS_REFRESH_SECONDS
