"""Scheduled publishing: beat runs Wagtail's `publish_scheduled`, pages go live and expire.

Each test builds its own German offer with the factories, with a go-live or expiry time one
hour from now, and runs the beat job twice: "now" (nothing is due yet, so the test could
fail) and with Django's clock moved two hours on (`clock_at`), as beat would find it then.
The offers' words ("Wombat…") are used by no demo page.
"""

import contextlib
import json
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.celery import app
from cms.search_backends import public_backend_name
from search.models import PendingIndexUpdate
from search.replay import replay_pending_updates
from site_pages import factories as f
from site_pages import models as m
from site_pages.tasks import RUN_LOCK_KEY, publish_scheduled
from tests.conftest import engine_unreachable, refresh_engine
from tests.content import german, translate
from tests.test_language_fallback import OTHER_LANGUAGES, in_locale
from tests.test_sitemaps import entries

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


@contextlib.contextmanager
def clock_at(moment: datetime):
    """Django's clock (`timezone.now`, which Wagtail reads) shows `moment` meanwhile."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def run_beat_job(at: datetime | None = None) -> None:
    """Run the beat job as the worker does (through Celery), at `at` or now."""
    with clock_at(at or timezone.now()):
        result = publish_scheduled.apply()
    assert result.successful(), result.traceback
    assert result.get() is True, "the run was skipped"
    refresh_engine()


def fresh(page: Page) -> Page:
    """`page` as the database has it now."""
    return type(page).objects.get(pk=page.pk)


def fallbacks(page: Page) -> list[Page]:
    """The German page's aliases in the other languages (its fallbacks there)."""
    return list(Page.objects.filter(alias_of=page).order_by("locale__language_code"))


def found(client, language_code: str, word: str) -> list[str]:
    """URLs the public search API of `language_code` returns for `word`."""
    response = client.get(f"/{language_code}/suche/api/", {"q": word})
    assert response.status_code == 200
    return [hit["url"] for hit in json.loads(response.content)["results"]]


def offer(title: str, **fields) -> m.OfferPage:
    """A German offer in the demo's catalogue, published the way an editor does."""
    page = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), title=title, publish=True, **fields
    )
    refresh_engine()
    return fresh(page)


def test_beat_schedules_publishing_with_a_task_the_worker_registers():
    app.loader.import_default_modules()  # what a worker does on start: autodiscovery
    entry = app.conf.beat_schedule["publish-scheduled"]
    assert entry["task"] == "site_pages.publish_scheduled"
    assert entry["schedule"] == float(settings.SCHEDULED_PUBLISHING_SECONDS)
    unregistered = {
        name: job["task"]
        for name, job in app.conf.beat_schedule.items()
        if job["task"] not in app.tasks
    }
    assert unregistered == {}


def test_scheduled_page_goes_live_with_its_fallbacks_when_its_time_has_come(client):
    now = timezone.now()
    page = offer("Wombatsprechstunde", live=False, go_live_at=now + HOUR)
    assert not page.live
    assert client.get(page.url).status_code == 404

    run_beat_job()  # not yet due
    assert not fresh(page).live

    run_beat_job(at=now + 2 * HOUR)
    page = fresh(page)
    assert page.live
    assert page.last_published_at == now + 2 * HOUR
    assert client.get(page.url).status_code == 200
    aliases = fallbacks(page)
    assert len(aliases) == len(OTHER_LANGUAGES)
    assert [alias for alias in aliases if not alias.live] == []
    assert client.get(in_locale(page, "uk").url).status_code == 200


def test_fallbacks_of_a_scheduled_page_stay_offline_until_it_goes_live(client):
    # Wagtail publishes the aliases of a never-published page as soon as it is scheduled
    # (wagtail/wagtail#11344): the German text would be public under /uk/, /fa/, … early.
    page = offer("Wombatvorschau", live=False, go_live_at=timezone.now() + HOUR)
    assert not page.live
    assert [alias.locale.language_code for alias in fallbacks(page) if alias.live] == []
    assert client.get(in_locale(page, "uk").url).status_code == 404
    assert found(client, "uk", "Wombatvorschau") == []


def test_expired_page_leaves_the_site_in_every_language(client):
    now = timezone.now()
    page = offer("Wombatwerkstatt", expire_at=now + HOUR)
    listing = german(m.OfferIndexPage).get()
    urls = [page.url] + [alias.url for alias in fallbacks(page)]
    assert len(urls) == 1 + len(OTHER_LANGUAGES)
    assert page.url in client.get(listing.url).content.decode()

    run_beat_job()  # not yet expired
    assert [url for url in urls if client.get(url).status_code != 200] == []

    run_beat_job(at=now + 2 * HOUR)
    page = fresh(page)
    assert not page.live
    assert page.expired
    assert [alias.locale.language_code for alias in fallbacks(page) if alias.live] == []
    assert [url for url in urls if client.get(url).status_code != 404] == []
    assert page.url not in client.get(listing.url).content.decode()


def engine_live_flags(language_code: str, word: str) -> dict[int, bool]:
    """Page id → the `live` flag stored in the language's engine index, for pages with `word`.

    Read from the index itself, which holds live pages only: a page leaving the site leaves
    it (searches also re-check the hits shown in the database).
    """
    backend = get_search_backend(public_backend_name(language_code))
    hits = backend.es.search(
        index=f"{backend.index_prefix}wagtailcore_page",
        body={"query": {"simple_query_string": {"query": word}}},
    )["hits"]["hits"]
    return {int(hit["_id"].split(":")[-1]): hit["_source"]["live_filter"] for hit in hits}


@pytest.mark.parametrize("language_code", ["de", "uk"])
def test_expired_page_leaves_the_public_search(client, search_backend_kind, language_code):
    now = timezone.now()
    page = offer("Wombatberatung", expire_at=now + HOUR)
    shown = in_locale(page, language_code)  # the page itself, or its German fallback
    assert found(client, language_code, "Wombatberatung") == [shown.url]
    if search_backend_kind == "engine":
        assert engine_live_flags(language_code, "Wombatberatung") == {shown.pk: True}

    run_beat_job(at=now + 2 * HOUR)
    # Nothing matches the word any more, so the typo try may show similar pages; not this one.
    assert shown.url not in found(client, language_code, "Wombatberatung")
    assert shown.url not in found(client, language_code, "Wombatber")  # autocomplete neither
    if search_backend_kind == "engine":
        refresh_engine()
        assert engine_live_flags(language_code, "Wombatberatung") == {}


@pytest.mark.usefixtures("search_engine")
def test_expiry_while_the_engine_is_down_reaches_it_by_the_replay(client, settings):
    now = timezone.now()
    page = offer("Wombatreparatur", expire_at=now + HOUR)
    working = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = engine_unreachable(working)
    with clock_at(now + 2 * HOUR):  # the engine is down: the page expires all the same
        assert publish_scheduled.apply().get() is True
    assert not fresh(page).live
    pending = PendingIndexUpdate.objects.filter(object_id=str(page.pk))
    assert pending.exists()

    settings.WAGTAILSEARCH_BACKENDS = working  # the engine is back, still holding it live
    assert engine_live_flags("de", "Wombatreparatur") == {page.pk: True}
    assert found(client, "de", "Wombatreparatur") == []  # the database check keeps it out
    assert replay_pending_updates() >= 1
    refresh_engine()
    assert not pending.exists()
    assert engine_live_flags("de", "Wombatreparatur") == {}


def test_expired_page_leaves_the_sitemap(client):
    now = timezone.now()
    page = offer("Wombatcafé", expire_at=now + HOUR)
    english = translate(page, "en", title="Wombat café")
    cache.clear()
    location = f"http://127.0.0.1:8766{page.url}"
    urls = entries(client)
    assert location in urls

    run_beat_job(at=now + 2 * HOUR)
    cache.clear()  # the sitemap is cached for SITEMAP_CACHE_SECONDS; this is a fresh one
    entries_after = entries(client)
    assert location not in entries_after
    listing_it = [
        loc for loc, alternates in entries_after.items() if location in alternates.values()
    ]
    assert listing_it == []
    english_location = f"http://127.0.0.1:8766{english.url}"
    assert english_location in urls
    # The translation was made while the German page had its expiry time, and Wagtail copied
    # it (wagtail-localize does not synchronise it later): it expired at the same time.
    assert fresh(english).expire_at == page.expire_at
    assert english_location not in entries_after


def test_expired_organisation_is_unpublished():
    now = timezone.now()
    organisation = f.OrganisationFactory(name="Wombat e. V.", expire_at=now + HOUR)
    assert organisation.live

    run_beat_job()  # not yet expired
    assert fresh(organisation).live

    run_beat_job(at=now + 2 * HOUR)
    organisation = fresh(organisation)
    assert not organisation.live
    assert organisation.expired


def test_scheduled_organisation_goes_live_when_its_time_has_come():
    now = timezone.now()
    organisation = f.OrganisationFactory(name="Wombat gGmbH", live=False, go_live_at=now + HOUR)
    organisation.save_revision().publish()
    assert not fresh(organisation).live

    run_beat_job()  # not yet due
    assert not fresh(organisation).live

    run_beat_job(at=now + 2 * HOUR)
    assert fresh(organisation).live


def test_a_run_while_another_is_at_work_is_skipped():
    now = timezone.now()
    page = offer("Wombattreff", expire_at=now + HOUR)
    cache.add(RUN_LOCK_KEY, True, 60)  # another worker is running the job
    try:
        with clock_at(now + 2 * HOUR):
            assert publish_scheduled.apply().get() is False
        assert fresh(page).live
    finally:
        cache.delete(RUN_LOCK_KEY)

    run_beat_job(at=now + 2 * HOUR)
    assert not fresh(page).live
