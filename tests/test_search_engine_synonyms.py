"""Synonym sets in the engine's search analyzer: live on change, without reindexing.

Issue 12, point 5 (the analyzer part). Query-time widening is switched off in these tests
(`search.synonyms.with_synonyms` is bypassed by asking the engine backend directly), so a
page found through a synonym was found by the analyzer.
"""

import logging

import pytest
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.search_backends import public_backend_name
from search.engine import LANGUAGE_ANALYZERS
from search.engine_synonyms import (
    SYNONYM_FILTER,
    synonym_rules,
    update_engine_synonyms,
    update_engine_synonyms_quietly,
)
from site_pages import factories as f
from site_pages import models as m
from tests.conftest import engine_unreachable, refresh_engine
from tests.content import german

pytestmark = [pytest.mark.django_db, pytest.mark.service("search_engine")]

# Words of each language that are in no demo synonym set, with an inflection or two.
SAMPLES = {
    "de": "Die Beratungsangebote für Familien mit Kindern, Öffnungszeiten und Ärztinnen",
    "en": "The city's welcoming services for families, running courses and meetings",
    "ar": "الاستشارات للعائلات في المدينة وأوقات الدورات ١٢٣",
    "uk": "Консультації для родин у місті та мовні курси",
    "ru": "Консультации для семей в городе и языковые курсы",
    "tr": "Şehirdeki ailelerin danışmanlık hizmetleri ve İstanbul'daki kurslar",
    "fa": "مشاوره\u200cها برای خانواده\u200cها در شهر و کلاس\u200cهای زبان ۱۲۳",
    "pl": "Porady dla rodzin w mieście i kursy językowe",
    "ro": "Consilierea familiilor din oraș și cursurile de limbă",
}


def backend(language_code: str):
    """The language's public engine backend."""
    return get_search_backend(public_backend_name(language_code))


def index_name(language_code: str) -> str:
    """The alias public searches of the language read."""
    return backend(language_code).get_index_for_model(Page).name


def concrete_indexes(language_code: str) -> list[str]:
    """The index(es) behind the language's alias."""
    client = backend(language_code).es
    return sorted(client.indices.get_alias(name=index_name(language_code)))


def tokens(language_code: str, text: str, **analyzer) -> list[str]:
    """What the language's index makes of `text` with `analyzer` (by name or type)."""
    result = backend(language_code).es.indices.analyze(
        index=index_name(language_code), body={"text": text, **analyzer}
    )
    return [token["token"] for token in result["tokens"]]


def engine_titles(language_code: str, query: str) -> list[str]:
    """Titles the engine finds for `query` itself (no query-time synonyms, no word forms)."""
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code=language_code))
    return [page.title for page in backend(language_code).search(query, pages, operator="or")]


@pytest.fixture
def engine_synonyms_restored(search_engine):
    """Put the database's (demo) synonym sets back into the engine after the test."""
    yield
    m.SynonymSet.objects.filter(terms__icontains="quokka").delete()
    update_engine_synonyms("de")


@pytest.mark.usefixtures("search_engine")
@pytest.mark.parametrize("language_code", sorted(SAMPLES))
def test_the_search_analyzer_is_the_language_analyzer_plus_synonyms(language_code):
    builtin = LANGUAGE_ANALYZERS[language_code] or "standard"
    expected = tokens(language_code, SAMPLES[language_code], analyzer=builtin)
    assert len(expected) >= 5
    assert tokens(language_code, SAMPLES[language_code], analyzer="default_search") == expected


@pytest.mark.usefixtures("search_engine")
def test_a_new_index_is_created_with_the_languages_synonym_sets():
    rules = synonym_rules("de")
    assert any("kindergarten" in rule for rule in rules)  # the demo's "Kita, Kindergarten, …"
    (index,) = concrete_indexes("de")
    stored = backend("de").es.indices.get_settings(index=index)[index]["settings"]["index"]
    assert stored["analysis"]["filter"][SYNONYM_FILTER]["synonyms"] == rules
    kindergarten = tokens("de", "Kindergarten", analyzer="german")
    assert set(kindergarten) < set(tokens("de", "Kita", analyzer="default_search"))


def test_a_changed_set_reaches_the_engine_at_once_without_reindexing(
    engine_synonyms_restored, django_capture_on_commit_callbacks
):
    offer = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), title="Wombatberatung am Markt", publish=True
    )
    refresh_engine()
    before = concrete_indexes("de")
    assert engine_titles("de", "Quokkahilfe") == []

    with django_capture_on_commit_callbacks(execute=True):
        synonyms = f.SynonymSetFactory(terms="Quokkahilfe, Wombatberatung")
    assert engine_titles("de", "Quokkahilfe") == [offer.title]
    assert engine_titles("de", "Wombatberatungen") == [offer.title]  # stemmed as before

    with django_capture_on_commit_callbacks(execute=True):
        synonyms.terms = "Quokkahilfe, Wombathaus"
        synonyms.save()
    assert engine_titles("de", "Quokkahilfe") == []

    with django_capture_on_commit_callbacks(execute=True):
        synonyms.terms = "Quokkahilfe, Wombatberatung"
        synonyms.save()
    assert engine_titles("de", "Quokkahilfe") == [offer.title]
    with django_capture_on_commit_callbacks(execute=True):
        synonyms.delete()
    assert engine_titles("de", "Quokkahilfe") == []
    assert concrete_indexes("de") == before  # the same index: nothing was rebuilt


def test_other_languages_keep_their_own_sets(
    engine_synonyms_restored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        f.SynonymSetFactory(terms="Quokkahilfe, Wombatberatung")
    assert "wombatberatung" in tokens("de", "Quokkahilfe", analyzer="default_search")
    assert tokens("en", "Quokkahilfe", analyzer="default_search") == ["quokkahilf"]


def test_rule_syntax_in_a_set_is_neither_interpreted_nor_fatal(
    engine_synonyms_restored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        f.SynonymSetFactory(terms="Quokka => Hilfe, # Wombat \\ , Quokkahaus")
    assert "quokka hilfe, wombat, quokkahaus" in synonym_rules("de")
    found = tokens("de", "Quokkahaus", analyzer="default_search")
    assert {"quokkahaus", "wombat"} <= set(found)


def test_an_unreachable_engine_does_not_stop_an_editor_saving_a_set(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.WAGTAILSEARCH_BACKENDS = engine_unreachable(settings.WAGTAILSEARCH_BACKENDS)
    with caplog.at_level(logging.ERROR, logger="search.engine_synonyms"):
        with django_capture_on_commit_callbacks(execute=True):
            f.SynonymSetFactory(terms="Quokkahilfe, Wombatberatung")
        update_engine_synonyms_quietly("de")
    assert m.SynonymSet.objects.filter(terms__startswith="Quokkahilfe").exists()
    assert "Could not put the synonyms of de into the engine" in caplog.text
