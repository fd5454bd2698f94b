"""Search at scale: one facet registry, work in the engine or in SQL, constant costs.

Runs on the database backend (facet store in SQL) and on the real engine, like
`tests/test_search.py`, whose helpers build the pages ("Quokka" words no demo page uses).
"""

from datetime import date, timedelta
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from search.documents import expand_windows, index_documents
from search.facets import FACETS, STORED_FACETS, Accepts
from search.params import parse_params
from search.service import run_search
from site_pages import factories as f
from site_pages import models as m
from site_pages.funding_windows import ApplicationWindow
from tests.conftest import refresh_engine
from tests.content import german
from tests.test_search import api, funding, measure, offer, titles, window

pytestmark = pytest.mark.django_db
both_backends = pytest.mark.usefixtures("search_backend_kind")


def _valid_value(facet) -> str:
    """A value the facet's parameter accepts."""
    if facet.accepts is Accepts.FLAG:
        return "1"
    if facet.accepts is Accepts.ID:
        return "7"
    return facet.vocabulary()[0]


@both_backends
def test_every_facet_is_read_from_its_one_definition(client):
    """Parsing, stored values, counts and labels all follow the registry's entries."""
    district, group = f.DistrictFactory(name="Quokkastadt"), f.TargetGroupFactory()
    field = german(m.ActionFieldPage).get(number=2)
    pages = [
        offer(
            "Quokkatreff",
            cost="free",
            barrier_free=True,
            languages=["ar"],
            districts=[district],
            target_groups=[group],
            related_action_fields=[field],
        ),
        funding(
            "Quokkafonds",
            window(-3, 10),
            funder_level="state",
            funding_type="grant",
            eligible_applicants=["associations"],
        ),
        measure("Quokkamaßnahme", field_number=2),
    ]
    for facet in FACETS:
        params, errors = parse_params(QueryDict(f"{facet.name}={_valid_value(facet)}"))
        assert errors == [], facet.name
        assert params.filters == {facet.name: [_valid_value(facet)]}
    documents = index_documents([page.pk for page in pages], timezone.localdate())
    stored = {name for doc in documents.values() for name in doc.values}
    assert stored == {facet.name for facet in STORED_FACETS}  # each filled, nothing else
    body = api(client, q="Quokkatreff Quokkafonds Quokkamaßnahme")
    assert set(body["facets"]) == {facet.name for facet in FACETS}
    for facet in FACETS:
        for value in body["facets"][facet.name]:
            assert value["label"] != value["value"] or facet.accepts is Accepts.CHOICE


@both_backends
def test_a_facet_of_a_translation_follows_its_source_when_the_source_changes(client):
    """Facet values come from the German source: publishing it re-indexes its translations."""
    from tests.content import translate

    north, south = f.DistrictFactory(name="Quokkanord"), f.DistrictFactory(name="Quokkasüd")
    source = offer("Quokkahaus", districts=[north])
    translate(source, "ar", title="بيت كوكا", summary="لقاء.")
    refresh_engine()
    assert api(client, "ar", q="كوكا", district=str(north.pk))["total"] == 1
    source = m.OfferPage.objects.get(pk=source.pk)
    source.districts = [south]
    source.save_revision().publish()
    refresh_engine()
    assert api(client, "ar", q="كوكا", district=str(north.pk))["total"] == 0
    assert api(client, "ar", q="كوكا", district=str(south.pk))["total"] == 1


def test_time_dependent_facets_follow_the_day_without_reindexing(search_backend_kind):
    """ "Open now" and "deadline soon" compare stored windows with the day of the search."""
    today = timezone.localdate()
    upcoming = funding("Quokkafonds demnächst", window(5, 20))
    yearly = funding(
        "Quokkafonds jährlich",
        m.FundingDeadline(
            opens_on=today - timedelta(days=380),
            closes_on=today - timedelta(days=350),
            recurs_yearly=True,
        ),
    )
    locale = Locale.objects.get(language_code="de")

    def found(day: date, **filters: str) -> set[str]:
        """Titles of the Quokka funding found on `day` with the given filters."""
        params, errors = parse_params(QueryDict(urlencode({"q": "Quokkafonds", **filters})))
        assert errors == []
        return {hit.page.title for hit in run_search(params, locale, day).hits}

    assert found(today) == {upcoming.title, yearly.title}
    assert found(today, open_now="1") == {yearly.title}  # this year's window: −15 … +15 days
    assert found(today + timedelta(days=6), open_now="1") == {upcoming.title, yearly.title}
    assert found(today + timedelta(days=16), open_now="1") == {upcoming.title}
    assert found(today + timedelta(days=16), deadline_soon="1") == {upcoming.title}
    in_two_years = today + timedelta(days=2 * 365)
    assert found(in_two_years, open_now="1") == {yearly.title}  # no reindex since


def test_yearly_windows_are_expanded_ten_years_ahead():
    today = date(2026, 6, 1)
    windows = expand_windows(
        [ApplicationWindow(opens=date(2024, 3, 1), closes=date(2024, 3, 31), recurs_yearly=True)],
        today,
    )
    assert windows[0] == (date(2024, 3, 1), date(2024, 3, 31))
    assert windows[-1] == (date(2036, 3, 1), date(2036, 3, 31))
    assert len(windows) == 13
    leap = expand_windows([ApplicationWindow(closes=date(2028, 2, 29), recurs_yearly=True)], today)
    assert (None, date(2029, 2, 28)) in leap


def _costs(client) -> list[int]:
    """SQL queries of a word search with facets, a search without words, and a sorted one."""
    requests = [
        {"q": "Quokkabreite", "free": "1", "type": "offer"},
        {"district": "1"},
        {"q": "Quokkabreite", "sort": "deadline", "page": "2"},
    ]
    costs = []
    for params in requests:
        with CaptureQueriesContext(connection) as queries:
            assert api(client, **params)["total"] >= 0
        costs.append(len(queries))
    return costs


def _offers(count: int, start: int) -> None:
    """`count` live offers with a common word (created as `add_child` leaves them)."""
    parent = german(m.OfferIndexPage).get()
    for number in range(start, start + count):
        f.OfferPageFactory(
            parent=parent,
            title=f"Quokkabreite {number}",
            cost="free" if number % 2 else "fee",
            cost_note="" if number % 2 else "3 €",
            districts=[m.District.objects.order_by("pk").first()],
        )
    refresh_engine()


@both_backends
def test_sql_queries_per_search_do_not_grow_with_the_documents(client):
    _offers(10, 0)
    api(client, q="Quokkabreite")  # per-process caches (the locale's synonyms) filled first
    small = _costs(client)
    _offers(490, 10)
    assert api(client, q="Quokkabreite")["total"] == 500
    assert _costs(client) == small


@pytest.mark.usefixtures("search_engine")
def test_the_engine_answers_a_search_in_one_request(client):
    _offers(12, 0)
    client_class = type(get_search_backend("public_de").es)
    with mock.patch.object(
        client_class, "search", autospec=True, side_effect=client_class.search
    ) as engine_search:
        body = api(client, q="Quokkabreite", free="1", district="1", sort="newest")
    assert engine_search.call_count == 1
    assert body["total"] == 6
    assert set(body["facets"]) >= {"type", "free", "district", "language"}
    assert {v["value"]: v["count"] for v in body["facets"]["free"]} == {"1": 6}
    assert len(titles(body)) == 6
