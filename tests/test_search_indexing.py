"""Rebuilding the search indexes: in bulk, with progress, without a gap or a lost change."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageLogEntry
from wagtail.search.backends import get_search_backend

from cms.search_backends import index_settings, search_backends_from_url
from search.backends import EngineState
from search.documents import SEARCHABLE_MODELS, index_documents
from search.replay import replay_pages_changed_since
from site_pages import factories as f
from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german

pytestmark = pytest.mark.django_db


def add_offers(count: int, prefix: str) -> list[m.OfferPage]:
    """`count` published German offers, each with two districts and two target groups."""
    districts = list(m.District.objects.filter(locale__language_code="de")[:2])
    groups = list(m.TargetGroup.objects.filter(locale__language_code="de")[:2])
    parent = german(m.OfferIndexPage).get()
    return [
        f.OfferPageFactory(
            parent=parent,
            title=f"{prefix} {n}",
            districts=districts,
            target_groups=groups,
            publish=True,
        )
        for n in range(count)
    ]


def database_backend_name() -> str:
    """The database backend's name: "default" without an engine, "database" beside one."""
    return "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"


def queries_of_update_index(backend_name: str) -> int:
    """SQL queries one `update_index` of `backend_name` costs (caches warmed by a first run)."""
    call_command("update_index", backend_name=backend_name, verbosity=0)
    with CaptureQueriesContext(connection) as queries:
        call_command("update_index", backend_name=backend_name, verbosity=0)
    return len(queries.captured_queries)


def engine_documents(language_code: str) -> int:
    """How many documents the public index of a language holds (through its alias)."""
    backend = get_search_backend(f"public_{language_code}")
    refresh_engine()
    return backend.es.count(index=f"{backend.index_prefix}wagtailcore_page")["count"]


def public_german_pages() -> int:
    """How many live, public, searchable German pages the database holds."""
    pages = Page.objects.type(*SEARCHABLE_MODELS).filter(locale__language_code="de")
    return len(index_documents(pages.values_list("pk", flat=True), timezone.localdate()))


@pytest.mark.parametrize("backend_name", ["database", "facets"])
def test_indexing_costs_the_same_queries_for_few_and_many_pages(backend_name):
    name = database_backend_name() if backend_name == "database" else backend_name
    add_offers(2, "Wenigindex")
    few = queries_of_update_index(name)
    add_offers(15, "Vielindex")  # 135 pages more, with their aliases in eight languages
    many = queries_of_update_index(name)
    assert few > 0
    if name == "facets":
        # Its batched DELETEs skip a batch that finds no rows; one query per page would
        # add 135 or more.
        assert many - few < 10
    else:
        assert many == few


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_engine_indexing_costs_the_same_queries_for_few_and_many_pages():
    add_offers(2, "Wenigindex")
    few = queries_of_update_index("public_de")
    add_offers(15, "Vielindex")
    many = queries_of_update_index("public_de")
    assert many == few
    assert engine_documents("de") == public_german_pages()


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_update_index_shows_progress_and_reports_objects_per_second():
    out, err = StringIO(), StringIO()
    call_command("update_index", backend_name="public_de", stdout=out, stderr=err, verbosity=2)
    summary = out.getvalue().strip().splitlines()[-1]
    german_pages = Page.objects.type(*SEARCHABLE_MODELS).filter(locale__language_code="de")
    assert summary.startswith(f"public_de: {german_pages.count()} objects in ")
    assert summary.endswith(" objects/s)")
    progress = err.getvalue()
    assert "public_de: site_pages.OfferPage" in progress
    assert "100%" in progress
    # The public index holds the searchable types only, not every page type or snippet.
    assert "site_pages.HomePage" not in progress
    assert "wagtailimages" not in progress
    assert engine_documents("de") == public_german_pages()  # drafts and private pages: none


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_a_page_changed_during_a_rebuild_is_indexed_again_after_the_switch():
    (offer,) = add_offers(1, "Umbauwombat")
    # The rebuild started before the change was logged: as if an editor published meanwhile.
    PageLogEntry.objects.filter(page_id=offer.pk).update(
        timestamp=timezone.now() + timedelta(hours=1)
    )
    out = StringIO()
    call_command("update_index", backend_name="public_de", stdout=out)
    assert "1 pages changed meanwhile indexed again" in out.getvalue()


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_replaying_changes_puts_back_what_the_old_index_received(client):
    (offer,) = add_offers(1, "Umbauquokka")
    since = timezone.now() - timedelta(minutes=1)
    backend = get_search_backend("public_de")
    index = backend.get_index_for_model(m.OfferPage)
    # The update reached the old index only; the new one, now behind the alias, lacks it.
    backend.es.delete(index=index.name, id=str(offer.pk))
    refresh_engine()
    assert client.get("/de/suche/api/", {"q": "Umbauquokka"}).json()["results"] == []

    assert replay_pages_changed_since(since) >= 1
    refresh_engine()
    urls = [
        hit["url"] for hit in client.get("/de/suche/api/", {"q": "Umbauquokka"}).json()["results"]
    ]
    assert urls == [offer.url]


def _rebuild_in_thread(errors: list) -> None:
    """Rebuild the German public index on its own database connection."""
    try:
        call_command("update_index", backend_name="public_de", verbosity=0)
    except Exception as error:  # reported by the test
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_search_answers_throughout_a_rebuild(client, monkeypatch):
    failures: list = []  # an engine error would make the search answer from the database
    monkeypatch.setattr(
        EngineState, "record_failure", classmethod(lambda cls, error, now: failures.append(error))
    )
    backend = get_search_backend("public_de")
    alias = f"{backend.index_prefix}wagtailcore_page"
    before = set(backend.es.indices.get_alias(name=alias))
    expected = client.get("/de/suche/api/", {"q": "Migrationsberatung"}).json()["results"]
    assert expected

    errors: list = []
    rebuild = threading.Thread(target=_rebuild_in_thread, args=(errors,))
    rebuild.start()
    answers = []
    while rebuild.is_alive():
        answers.append(client.get("/de/suche/api/", {"q": "Migrationsberatung"}).json())
    rebuild.join()
    answers.append(client.get("/de/suche/api/", {"q": "Migrationsberatung"}).json())

    assert errors == []
    assert failures == []
    after = set(backend.es.indices.get_alias(name=alias))
    assert after.isdisjoint(before)  # a new index is behind the alias, the old one is gone
    assert len(answers) >= 3  # searches ran while the rebuild did
    assert [a["results"][0]["url"] for a in answers] == [expected[0]["url"]] * len(answers)


def test_shards_and_replicas_reach_every_engine_index():
    backends = search_backends_from_url(
        "opensearch://search.example:9200", ["de", "ar"], shards=3, replicas=1
    )
    wanted = index_settings(shards=3, replicas=1)["settings"]["index"]
    for name in ("default", "public_de", "public_ar"):
        assert backends[name]["ATOMIC_REBUILD"] is True
        assert backends[name]["INDEX_SETTINGS"]["settings"]["index"] == wanted


def test_the_language_analyzer_stays_beside_the_shard_settings():
    from search.engine import LocaleElasticsearch8Backend

    config = search_backends_from_url("elasticsearch://es.example:9200", ["de"], shards=2)
    params = {k: v for k, v in config["public_de"].items() if k != "BACKEND"}
    backend_settings = LocaleElasticsearch8Backend(params).settings["settings"]
    assert backend_settings["index"]["number_of_shards"] == 2
    assert backend_settings["index"]["number_of_replicas"] == 0
    assert backend_settings["analysis"]["analyzer"]["default"] == {"type": "german"}
    assert "edgengram_analyzer" in backend_settings["analysis"]["analyzer"]


@pytest.mark.service("search_engine")
@pytest.mark.usefixtures("search_engine")
def test_a_rebuild_creates_the_index_with_the_configured_shards(settings, client):
    name = "public_de"
    configured = dict(settings.WAGTAILSEARCH_BACKENDS)
    two_shards = {**configured[name], "INDEX_SETTINGS": index_settings(shards=2, replicas=0)}
    try:
        settings.WAGTAILSEARCH_BACKENDS = {**configured, name: two_shards}
        call_command("update_index", backend_name=name, verbosity=0)
        backend = get_search_backend(name)
        alias = f"{backend.index_prefix}wagtailcore_page"
        (index_settings_now,) = backend.es.indices.get_settings(index=alias).values()
        assert index_settings_now["settings"]["index"]["number_of_shards"] == "2"
        assert index_settings_now["settings"]["index"]["number_of_replicas"] == "0"
        refresh_engine()
        assert client.get("/de/suche/api/", {"q": "Migrationsberatung"}).json()["results"]
    finally:
        settings.WAGTAILSEARCH_BACKENDS = configured
        call_command("update_index", backend_name=name, verbosity=0)  # back to one shard
