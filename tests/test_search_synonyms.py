"""Synonyms editors manage: per language, applied to every backend's queries at once."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from editorial.roles import REVIEWERS
from search.synonyms import with_synonyms
from site_pages import factories as f
from site_pages import models as m
from site_pages.models import SynonymSet
from tests.conftest import refresh_engine
from tests.content import german

pytestmark = pytest.mark.django_db


def titles(client, locale: str = "de", **params) -> list[str]:
    """Titles the JSON endpoint finds (asserting a 200)."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200, response.content
    return [hit["title"] for hit in response.json()["results"]]


def offer(title: str) -> m.OfferPage:
    """A published offer, searchable at once."""
    page = f.OfferPageFactory(parent=german(m.OfferIndexPage).get(), title=title, publish=True)
    refresh_engine()
    return page


def test_words_and_phrases_of_a_set_are_added_to_the_query():
    german_locale = Locale.get_default()
    synonyms = f.SynonymSetFactory(terms="Quokkakita, Quokka Garten ,  Quokkahort,")
    assert with_synonyms("Quokkakita am Markt", german_locale.pk) == (
        "Quokkakita am Markt quokka garten quokkahort"
    )
    assert with_synonyms("quokka garten", german_locale.pk) == "quokka garten quokkakita quokkahort"
    assert with_synonyms("Quokkakitas", german_locale.pk) == "Quokkakitas"  # whole words only
    assert synonyms.words() == ["Quokkakita", "Quokka Garten", "Quokkahort"]


@pytest.mark.usefixtures("search_backend_kind")
def test_a_synonym_finds_the_page_at_once_and_stops_when_the_set_changes(client):
    page = offer("Quokkakita Sonnenschein")
    assert titles(client, q="Quokkagarten") == []
    synonyms = f.SynonymSetFactory(terms="Quokkakita, Quokkagarten")
    assert titles(client, q="Quokkagarten") == [page.title]  # no reindexing
    synonyms.terms = "Quokkahort, Quokkagarten"
    synonyms.save()
    assert titles(client, q="Quokkagarten") == []
    synonyms.terms = "Quokkakita, Quokkagarten"
    synonyms.save()
    assert titles(client, q="Quokkagarten") == [page.title]
    synonyms.delete()
    assert titles(client, q="Quokkagarten") == []


@pytest.mark.usefixtures("search_backend_kind")
def test_synonyms_belong_to_their_language(client):
    page = offer("Quokkakita Sonnenschein")
    f.SynonymSetFactory(
        terms="Quokkakita, Quokkagarten", locale=Locale.objects.get(language_code="en")
    )
    assert titles(client, q="Quokkagarten") == []
    assert titles(client, "en", q="Quokkagarten") == [page.title]  # the German fallback in /en/


def test_integration_management_edits_synonyms_and_reviewers_do_not(client, editor):
    reviewer = f.UserFactory(username="quokka-reviewer")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    add_url = "/admin/snippets/site_pages/synonymset/add/"
    client.force_login(editor)
    response = client.post(
        add_url, {"terms": "Quokkakita, Quokkagarten", "locale": Locale.get_default().pk}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SynonymSet.objects.filter(terms="Quokkakita, Quokkagarten").exists()
    client.force_login(reviewer)
    assert client.get(add_url).status_code == 302  # to the dashboard: no permission
    assert client.get("/admin/snippets/site_pages/synonymset/").status_code == 302


def test_the_demo_has_synonym_sets_in_german_english_and_arabic():
    sets = SynonymSet.objects.filter(terms__icontains="Kindergarten")
    assert {s.locale.language_code for s in sets} == {"de", "en"}
    assert SynonymSet.objects.filter(locale__language_code="ar").count() == 5
