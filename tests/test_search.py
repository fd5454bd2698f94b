"""Public search: language-aware matching, facets, pagination, and nothing private leaks.

Each test builds the pages it searches for with the factories, inside the demo's tree, and
names them with words no demo page uses ("Quokka" and its compounds), so what a search finds
is exactly what the test made. Dates are counted from today, the day the search runs.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site

from site_pages import factories as f
from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german, translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend_kind")]


def api(client, locale: str = "de", **params) -> dict:
    """Call the JSON endpoint and return its body (asserting a 200)."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def titles(body: dict) -> list[str]:
    """Result titles of an API response."""
    return [hit["title"] for hit in body["results"]]


def offer(title: str, **fields) -> m.OfferPage:
    """A published offer in the demo's catalogue, searchable at once."""
    page = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), title=title, publish=True, **fields
    )
    refresh_engine()
    return page


def funding(title: str, *windows: m.FundingDeadline, **fields) -> m.FundingSourcePage:
    """A published funding source with application `windows`, searchable at once."""
    page = f.FundingSourcePageFactory(
        parent=german(m.FundingIndexPage).get(),
        title=title,
        deadlines=list(windows),
        publish=True,
        **fields,
    )
    refresh_engine()
    return page


def window(opens: int | None, closes: int) -> m.FundingDeadline:
    """A one-off application window opening and closing that many days from today."""
    today = timezone.localdate()
    return m.FundingDeadline(
        opens_on=None if opens is None else today + timedelta(days=opens),
        closes_on=today + timedelta(days=closes),
    )


def measure(title: str, field_number: int = 1, **fields) -> m.MeasurePage:
    """A published measure under one of the demo's action fields, searchable at once."""
    page = f.MeasurePageFactory(
        parent=german(m.ActionFieldPage).get(number=field_number),
        title=title,
        publish=True,
        **fields,
    )
    refresh_engine()
    return page


def in_arabic(page: Page, title: str, summary: str) -> Page:
    """The page's published Arabic translation with the given texts, searchable at once."""
    translation = translate(page, "ar", title=title, summary=summary)
    refresh_engine()
    return translation


def test_search_page_works_without_javascript(client):
    offer("Quokka-Sprachtreff", summary="Bei Kaffee und Quokkakuchen Deutsch sprechen.")
    response = client.get("/de/suche/", {"q": "Quokkakuchen"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Quokka-Sprachtreff" in body
    assert "<mark>Quokkakuchen</mark>" in body
    assert '<form method="get"' in body


def test_a_word_finds_the_compounds_it_begins(client):
    counselling = measure("Quokkaberatungsangebote für Neuzugewanderte")
    network = offer("Vernetzung der Quokkasprachkursträger")
    offer("Quokkaverein")
    assert titles(api(client, q="Quokkaberatung")) == [counselling.title]
    assert titles(api(client, q="Quokkaberatung", type="measure")) == [counselling.title]
    assert titles(api(client, q="Quokkaberatung", type="offer")) == []
    assert titles(api(client, q="Quokkasprachkurs")) == [network.title]


def test_typos_still_find_the_right_result(client):
    guide = offer("Quokkaratgeber für Familien")
    body = api(client, q="Quokaratgeber")
    assert titles(body)[0] == guide.title  # other "…ratgeber" pages may follow
    assert body["suggested_query"] == "Quokkaratgeber"  # offered, not put in its place
    assert body["query"] == "Quokaratgeber"


def test_results_are_in_the_readers_locale_only(client):
    source = offer("Quokkaberatung am Markt", summary="Beratung für Quokkafamilien.")
    arabic = in_arabic(source, "استشارة كوكا في السوق", "استشارة لعائلات كوكا.")
    found = api(client, "ar", q="كوكا")
    assert titles(found) == [arabic.title]
    assert [hit["url"] for hit in found["results"]] == [arabic.url]
    assert arabic.url.startswith("/ar/")
    assert titles(api(client, q="Quokkaberatung")) == [source.title]
    assert api(client, "ar", q="Quokkaberatung")["total"] == 0
    assert api(client, q="كوكا")["total"] == 0


def test_funding_results_are_sorted_by_their_next_deadline(client):
    today = timezone.localdate()
    later = funding("Quokkafonds Später", window(-10, 40))
    soon = funding("Quokkafonds Bald", window(-10, 10))
    last = funding("Quokkafonds Zuletzt", window(None, 70))
    anytime = funding("Quokkafonds Jederzeit", rolling_applications=True)
    body = api(client, q="Quokkafonds", type="funding", sort="deadline")
    assert titles(body) == [soon.title, later.title, last.title, anytime.title]
    assert [hit["next_deadline"] for hit in body["results"]] == [
        (today + timedelta(days=days)).isoformat() for days in (10, 40, 70)
    ] + [None]


def test_facets_count_and_filter(client):
    north, south = f.DistrictFactory(name="Quokkanord"), f.DistrictFactory(name="Quokkasüd")
    free = offer("Quokkatreff offen", cost="free", languages=["de", "ar"], districts=[north])
    paid = offer(
        "Quokkatreff Kurs", cost="fee", cost_note="5 €", languages=["de"], districts=[south]
    )
    grant = funding("Quokkatreff Förderung", window(-5, 20))
    plan = measure("Quokkatreff ausbauen", districts=[north])

    everything = api(client, q="Quokkatreff")
    facets = {
        name: {value["value"]: value["count"] for value in values}
        for name, values in everything["facets"].items()
    }
    assert everything["total"] == 4
    assert facets["type"] == {"offer": 2, "funding": 1, "measure": 1}
    assert facets["free"] == {"1": 1}
    assert facets["district"] == {str(north.pk): 2, str(south.pk): 1}
    assert facets["language"] == {"de": 2, "ar": 1}
    assert titles(api(client, q="Quokkatreff", free="1")) == [free.title]
    assert sorted(titles(api(client, q="Quokkatreff", district=str(north.pk)))) == sorted(
        [free.title, plan.title]
    )
    assert titles(api(client, q="Quokkatreff", language="ar")) == [free.title]
    assert titles(api(client, q="Quokkatreff", type="funding")) == [grant.title]
    assert paid.title in titles(everything)


def test_facet_counts_follow_the_query(client):
    offer("Quokkafrauentreff am Abend")
    all_types = {v["value"]: v["count"] for v in api(client)["facets"]["type"]}
    some_types = {
        v["value"]: v["count"] for v in api(client, q="Quokkafrauentreff")["facets"]["type"]
    }
    assert some_types == {"offer": 1}
    assert all_types["offer"] > 1
    assert sum(all_types.values()) > 1


def test_open_now_and_deadline_soon_are_derived_from_dates(client):
    open_soon = funding("Quokkafonds offen, Frist bald", window(-10, 10))
    open_later = funding("Quokkafonds offen, Frist später", window(-10, 90))
    upcoming = funding("Quokkafonds öffnet bald", window(5, 20))
    funding("Quokkafonds vorbei", window(-40, -5))
    rolling = funding("Quokkafonds jederzeit", rolling_applications=True)
    open_now = api(client, q="Quokkafonds", type="funding", open_now="1")
    assert set(titles(open_now)) == {open_soon.title, open_later.title, rolling.title}
    soon = api(client, q="Quokkafonds", type="funding", deadline_soon="1")
    assert set(titles(soon)) == {open_soon.title, upcoming.title}


def test_page_beyond_the_end_gives_the_last_page(client):
    for number in range(11):
        f.OfferPageFactory(
            parent=german(m.OfferIndexPage).get(), title=f"Quokkakurs {number}", publish=True
        )
    refresh_engine()
    first = api(client, q="Quokkakurs")
    assert (first["total"], first["pages"]) == (11, 2)
    beyond = api(client, q="Quokkakurs", page="99999")
    assert beyond["page"] == 2
    assert len(beyond["results"]) == 1
    assert api(client, q="Quokkakurs", page="-5")["page"] == 1


@pytest.mark.parametrize(
    "params",
    [{"district": "abc"}, {"type": "cat"}, {"page": "x"}, {"free": "maybe"}, {"sort": "random"}],
)
def test_malformed_api_parameters_get_a_400(client, params):
    response = client.get("/de/suche/api/", params)
    assert response.status_code == 400
    assert json.loads(response.content)["errors"]


def test_malformed_parameters_on_the_page_give_a_message(client):
    cafe = offer("Elterncafé Quokkawiese")
    response = client.get("/de/suche/", {"district": "abc", "q": "Quokkawiese"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="notice"' in body
    assert cafe.title in body  # the valid part of the search still ran


def test_unknown_facet_value_gives_an_empty_result(client):
    district = f.DistrictFactory(name="Quokkaviertel")
    offer("Quokkagarten", districts=[district])
    unknown = m.District.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1000
    assert api(client, q="Quokkagarten", district=str(district.pk))["total"] == 1
    assert api(client, q="Quokkagarten", district=str(unknown))["total"] == 0


def test_drafts_private_and_unpublished_pages_are_not_found(client):
    cafe = offer("Quokkacafé am Markt")
    cafe.title = "Quokkacafé Zebrastreifen"
    cafe.save_revision()  # a draft only
    refresh_engine()
    assert titles(api(client, q="Quokkacafé")) == ["Quokkacafé am Markt"]
    assert api(client, q="Zebrastreifen")["total"] == 0
    PageViewRestriction.objects.create(page=cafe, restriction_type="login")
    refresh_engine()
    assert titles(api(client, q="Quokkacafé")) == []
    rooms = funding("Quokkaraumpool")
    assert titles(api(client, q="Quokkaraumpool", type="funding")) == [rooms.title]
    rooms.unpublish()
    refresh_engine()
    assert titles(api(client, q="Quokkaraumpool", type="funding")) == []


def test_newly_published_page_is_found_without_rebuilding_the_index(client):
    draft = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(),
        title="Schachclub Quokka",
        summary="Schach für alle.",
        live=False,
        publish=False,
    )
    refresh_engine()
    assert api(client, q="Quokka")["total"] == 0  # not live yet
    draft.get_latest_revision().publish()
    refresh_engine()
    assert titles(api(client, q="Quokka")) == ["Schachclub Quokka"]


def test_owner_and_deputy_are_not_searchable(client):
    # Names that share no letters' run with the page's words: a typo search for one must
    # not find the page by fuzzy similarity either.
    owner = f.UserFactory(last_name="Zebradingsbums", email="zebradingsbums@eisenach.example")
    deputy = f.UserFactory(last_name="Zebrafrau", email="zebrafrau@eisenach.example")
    pilots = measure("Quokkalotsen im Quartier", measure_owner=owner, deputy=deputy)
    assert titles(api(client, q="Quokkalotsen")) == [pilots.title]
    for term in (owner.last_name, owner.email, deputy.last_name, deputy.email):
        body = api(client, q=term)
        assert pilots.title not in titles(body), term
        assert owner.email not in json.dumps(body["results"])
        assert deputy.email not in json.dumps(body["results"])


def test_autocomplete_suggests_from_two_characters(client):
    course = offer("Xylophonkurs für Kinder")
    response = client.get("/de/suche/vorschlaege/", {"q": "Xy"})
    suggestions = json.loads(response.content)["suggestions"]
    assert [s["title"] for s in suggestions] == [course.title]
    assert json.loads(client.get("/de/suche/vorschlaege/", {"q": "X"}).content) == {
        "suggestions": []
    }


def test_editors_picks_are_shown_first(client):
    picked = offer("Quokka Nähtreff", summary="Nähen und Plaudern.")
    SearchPromotion.objects.create(query=Query.get("deutschkurs"), page=picked, sort_order=0)
    body = client.get("/de/suche/", {"q": "Deutschkurs"}).content.decode()
    assert picked.title in body
    assert body.index(picked.title) < body.index('class="results"')


def test_search_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        api(client, q="Beratung")
    with django_assert_max_num_queries(40):
        api(client)


def test_arabic_search_page_is_right_to_left_and_lists_arabic_results(client):
    arabic = in_arabic(offer("Quokkahilfe"), "مساعدة كوكا", "مساعدة في الحياة اليومية.")
    body = client.get("/ar/suche/", {"q": "كوكا"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert arabic.title in body
    assert f'href="{arabic.url}"' in body


def test_deleted_page_disappears_from_search(client):
    football = offer("Quokkafußball für alle")
    assert titles(api(client, q="Quokkafußball")) == [football.title]
    football.delete()
    refresh_engine()
    assert titles(api(client, q="Quokkafußball")) == []


def test_moved_measure_is_found_under_its_new_action_field(client):
    old_field, new_field = (german(m.ActionFieldPage).get(number=n) for n in (3, 4))
    parents = measure("Quokka-Elternarbeit", field_number=3)
    assert titles(api(client, q="Quokka", action_field=str(old_field.pk))) == [parents.title]
    parents.move(new_field, pos="last-child")
    refresh_engine()
    assert titles(api(client, q="Quokka", action_field=str(new_field.pk))) == [parents.title]
    assert titles(api(client, q="Quokka", action_field=str(old_field.pk))) == []


def test_new_translation_is_found_in_its_language(client):
    training = offer("Quokka-Bewerbungstraining")
    ukrainian = translate(training, "uk", title="Тренінг Квокка", summary="Резюме і співбесіда.")
    Site.clear_site_root_paths_cache()  # a new language root, as after any new home page
    refresh_engine()
    body = api(client, "uk", q="Квокка")
    assert titles(body) == [ukrainian.title]
    assert [hit["url"] for hit in body["results"]] == [ukrainian.url]
    assert ukrainian.url.startswith("/uk/")
