"""German compounds and inflections, Arabic and Farsi spellings: found on every backend.

The behaviour tests build their own pages in a district of their own, and filter by it, so a
search for an everyday word ("Kurs") counts only what the test made; they run on the
database backend and on the real engine (`search_backend_kind`). The unit tests pin down
the word forms (`translations.words`) both sides are given.
"""

import pytest

from site_pages import factories as f
from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german, translate
from translations.words import (
    ZWNJ,
    arabic_light_stem,
    compound_parts,
    normalise_arabic,
    normalise_farsi,
    query_word_forms,
    word_forms,
)


def test_compound_nouns_are_split_into_parts_that_occur_in_them():
    assert compound_parts("Gemeinschaftsunterkunft") == ("Gemeinschaft", "Unterkunft")
    assert compound_parts("Gesundheitsversorgung") == ("Gesundheit", "Versorgung")
    assert compound_parts("Sprachkurs") == ("Kurs",)  # the dictionary's "Ach" is not in it
    assert "Inder" not in compound_parts("Kindertagesstätte")
    assert compound_parts("Kurs") == ()  # too short to be a compound
    assert compound_parts("barrierefrei") == ()  # not a noun


def test_inflected_words_get_their_lemma_and_stem():
    forms = word_forms("Förderung für Arbeitgebern", "de")
    assert "Arbeitgeber" in forms
    assert "arbeitgeb" in forms
    assert "forder" in forms
    assert "Integration" in word_forms("Integrationskurse", "de")  # lemma, then split


def test_queries_get_stems_but_not_compound_parts():
    assert query_word_forms("Arbeitgebern", "de") == "Arbeitgebern arbeitgeb"
    assert "Kurs" not in query_word_forms("Sprachkurs", "de").split()
    assert query_word_forms("Kurs", "uk") == "Kurs"


def test_arabic_and_farsi_spellings_are_folded():
    assert normalise_arabic("إقامة") == "اقامه"
    assert normalise_arabic("مَدْرَسَة") == "مدرسه"
    assert normalise_farsi("كتاب عربي") == "کتاب عربی"
    assert set(word_forms(f"می{ZWNJ}خواهم", "fa")) == {"میخواهم", "می", "خواهم"}
    assert arabic_light_stem(normalise_arabic("الإقامة")) == "اقام"  # as OpenSearch stems it
    assert arabic_light_stem("وال") == "وال"  # too short to lose anything
    assert word_forms("Sprachkurs", "uk") == []


def api(client, locale: str = "de", **params) -> list[str]:
    """Titles the JSON endpoint finds (asserting a 200)."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200, response.content
    return [hit["title"] for hit in response.json()["results"]]


@pytest.fixture
def district(db):
    """A district of the test's own: filtering by it leaves only the test's pages."""
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


@pytest.mark.django_db
@pytest.mark.usefixtures("search_backend_kind")
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Kurs", "Quokka-Nähkurs am Abend"),
        ("Unterkunft", "Quokka-Treff in der Gemeinschaftsunterkunft"),
        ("Versorgung", "Quokka-Gesundheitsversorgung"),
        ("Arbeitgebern", "Quokka-Sprechstunde für Arbeitgeber"),
        ("Beratungsstellen", "Quokka-Beratungsstelle"),
    ],
)
def test_a_word_finds_its_compounds_and_inflections(client, district, query, title):
    found = offer(title, district)
    offer("Quokka-Spieleabend", district, summary="Brettspiele für alle.")
    assert api(client, q=query, district=district.pk) == [found.title]


@pytest.mark.django_db
@pytest.mark.usefixtures("search_backend_kind")
def test_a_compound_in_the_summary_is_found_by_its_part(client, district):
    found = offer("Quokka-Treff", district, summary="Im Anschluss an den Integrationskurs.")
    offer("Quokka-Spieleabend", district, summary="Brettspiele für alle.")
    assert api(client, q="Integration", district=district.pk) == [found.title]


@pytest.mark.django_db
@pytest.mark.usefixtures("search_backend_kind")
def test_arabic_spelling_variants_find_each_other(client, district):
    source = offer("Quokka-Aufenthaltsberatung", district)
    translation = translate(source, "ar", title="استشارة الإقامة كوكا", summary="مَدْرَسَة")
    refresh_engine()
    assert api(client, "ar", q="اقامه", district=district.pk) == [translation.title]
    assert api(client, "ar", q="مدرسه", district=district.pk) == [translation.title]
