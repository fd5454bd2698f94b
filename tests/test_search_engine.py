"""Engine-only behaviour: language analyzers, per-locale indexes, fallback when it is down."""

import json
import logging

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from cms.search_backends import public_backend_name
from search.backends import EngineState, with_fallback
from site_pages.factories import OfferPageFactory
from site_pages.models import OfferIndexPage
from tests.conftest import engine_unreachable, refresh_engine
from tests.content import german, translate

pytestmark = [pytest.mark.django_db, pytest.mark.service("search_engine")]


def api(client, locale="de", **params) -> dict:
    """Call the JSON endpoint."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200
    return json.loads(response.content)


def analyze(language_code: str, text: str) -> list[str]:
    """Tokens the language's public index makes of `text` with its default analyzer."""
    backend = get_search_backend(public_backend_name(language_code))
    index = f"{backend.index_prefix}wagtailcore_page"
    result = backend.es.indices.analyze(index=index, body={"text": text})
    return [token["token"] for token in result["tokens"]]


@pytest.mark.usefixtures("search_engine")
def test_german_index_stems_german_words():
    assert analyze("de", "Beratungsangebote") == analyze("de", "Beratungsangebot")
    assert analyze("de", "Sprachkurse") == analyze("de", "Sprachkurs")


@pytest.mark.usefixtures("search_engine")
def test_arabic_index_normalises_letter_variants():
    # Alef with hamza above/below and bare alef, and teh marbuta/heh, fold together.
    assert analyze("ar", "أسرة") == analyze("ar", "اسره")
    assert analyze("ar", "إستشارة") == analyze("ar", "استشاره")


@pytest.mark.usefixtures("search_engine")
def test_arabic_query_with_letter_variants_finds_the_page(client):
    source = OfferPageFactory(
        parent=german(OfferIndexPage).get(), title="Quokka-Familienhilfe", publish=True
    )
    # "أكوكة" (alef with hamza, teh marbuta) is a word of this page only.
    arabic = translate(source, "ar", title="خدمة أكوكة للعائلات", summary="مساعدة للعائلات.")
    refresh_engine()
    for query in ("أكوكة", "اكوكه", "إكوكة"):
        body = api(client, "ar", q=query)
        assert [h["url"] for h in body["results"]] == [arabic.url], query


@pytest.mark.usefixtures("search_engine")
def test_each_language_index_holds_only_its_own_locale():
    for code in ("de", "ar"):
        backend = get_search_backend(public_backend_name(code))
        index = f"{backend.index_prefix}wagtailcore_page"
        hits = backend.es.search(index=index, body={"size": 500, "_source": False})
        ids = [int(hit["_id"].split(":")[-1]) for hit in hits["hits"]["hits"]]
        from wagtail.models import Page

        codes = set(Page.objects.filter(pk__in=ids).values_list("locale__language_code", flat=True))
        assert codes == {code}


@pytest.mark.usefixtures("search_engine")
def test_unreachable_engine_falls_back_to_the_database_and_recovers(
    client, settings, caplog, monkeypatch
):
    working = settings.WAGTAILSEARCH_BACKENDS
    broken = engine_unreachable(working, include_admin=False)
    settings.WAGTAILSEARCH_BACKENDS = broken
    settings.SEARCH_RETRY_SECONDS = 30
    EngineState.failed_at = 0.0
    clock = [1000.0]
    monkeypatch.setattr("search.backends.time.monotonic", lambda: clock[0])
    caplog.set_level(logging.WARNING, logger="search.backends")

    def run(backend):
        return list(backend.search("Beratung", backend_query_set())[:5])

    first, kind = with_fallback("de", run)
    assert kind == "database" and first
    clock[0] += 5
    _, kind = with_fallback("de", run)
    assert kind == "database"
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1, "one warning per interval, not one per request"
    assert api(client, q="Beratung")["total"] > 0  # the public page keeps answering

    settings.WAGTAILSEARCH_BACKENDS = working  # the engine is back
    clock[0] += 31
    _, kind = with_fallback("de", run)
    assert kind == "engine"
    assert EngineState.failed_at == 0.0


def backend_query_set():
    """Live German pages, the base of every public search."""
    from wagtail.models import Locale, Page

    return Page.objects.live().filter(locale=Locale.objects.get(language_code="de"))


@pytest.mark.usefixtures("search_engine")
def test_health_reports_degraded_search_while_the_engine_is_down(client, settings):
    assert client.get("/healthz/").json()["search"] == "ok"
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "URLS": ["http://127.0.0.1:9"]},
    }
    body = client.get("/healthz/").json()
    assert body["search"] == "degraded"
    assert body["status"] == "degraded"


@pytest.mark.usefixtures("search_engine")
def test_settings_configure_one_backend_per_language():
    for code, _name in settings.LANGUAGES:
        assert public_backend_name(code) in settings.WAGTAILSEARCH_BACKENDS


@pytest.mark.usefixtures("search_engine")
def test_updates_made_while_the_engine_is_down_are_replayed_when_it_is_back(settings):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search.models import PendingIndexUpdate
    from search.replay import replay_pending_updates
    from site_pages.models import OfferPage

    working = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = engine_unreachable(working)
    offer = german(OfferPage).order_by("pk").first()
    offer.title = "Replayprobe Nähcafé"
    offer.save_revision().publish()  # the engine is down: the page is saved all the same
    pending = PendingIndexUpdate.objects.filter(object_id=str(offer.pk))
    assert pending.exists()
    assert replay_pending_updates() == 0  # still down: the note stays
    assert pending.exists()

    settings.WAGTAILSEARCH_BACKENDS = working  # the engine is back
    assert replay_pending_updates() >= 1
    assert not PendingIndexUpdate.objects.exists()
    refresh_engine()
    live_german = Page.objects.live().filter(locale=offer.locale)
    hits = get_search_backend("public_de").search("Replayprobe", live_german)
    assert offer.pk in [page.pk for page in hits]
