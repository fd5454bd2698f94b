"""Public search: language-aware matching, facets, pagination, and nothing private leaks."""

import json

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from site_pages import models as m
from tests.conftest import refresh_engine
from tests.content import german

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend_kind")]


def api(client, locale: str = "de", **params) -> dict:
    """Call the JSON endpoint and return its body (asserting a 200)."""
    response = client.get(f"/{locale}/suche/api/", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def titles(body: dict) -> list[str]:
    """Result titles of an API response."""
    return [hit["title"] for hit in body["results"]]


def test_search_page_works_without_javascript(client):
    response = client.get("/de/suche/", {"q": "Kaffee"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sprachcafé am Johannisplatz" in body
    assert "<mark>Kaffee</mark>" in body
    assert '<form method="get"' in body


def test_german_word_finds_compounds(client):
    assert "Beratungsangebote für EU-Bürger" in titles(api(client, q="Beratung", type="measure"))
    assert "Vernetzung Sprachkursträger" in titles(api(client, q="Sprachkurs"))


def test_typos_still_find_the_right_result(client):
    body = api(client, q="Fraunratgeber")
    assert "Frauenratgeber" in titles(body)
    assert body["corrected_query"] == "Frauenratgeber"


def test_results_are_in_the_readers_locale_only(client):
    arabic = api(client, "ar", q="استشارة")
    assert arabic["total"] > 0
    for hit in arabic["results"]:
        assert hit["url"].startswith("/ar/")
    german_word = api(client, "ar", q="Migrationsberatung")
    assert all(hit["url"].startswith("/ar/") for hit in german_word["results"])


def test_funding_results_show_the_next_deadline(client):
    body = api(client, q="", type="funding", sort="deadline")
    deadlines = [hit["next_deadline"] for hit in body["results"] if hit["next_deadline"]]
    assert deadlines and deadlines == sorted(deadlines)


def test_facets_count_and_filter(client):
    everything = api(client)
    types = {f["value"]: f["count"] for f in everything["facets"]["type"]}
    assert types["offer"] == 18 and types["funding"] == 9 and types["measure"] == 18
    free = api(client, type="offer", free="1")
    assert free["total"] == next(f["count"] for f in everything["facets"]["free"])
    district = everything["facets"]["district"][0]
    narrowed = api(client, district=district["value"])
    assert narrowed["total"] == district["count"]
    arabic_offers = api(client, type="offer", language="ar")
    assert arabic_offers["total"] > 0
    assert all(hit["type"] == "offer" for hit in arabic_offers["results"])


def test_facet_counts_follow_the_query(client):
    all_types = {f["value"]: f["count"] for f in api(client)["facets"]["type"]}
    some_types = {f["value"]: f["count"] for f in api(client, q="Frauen")["facets"]["type"]}
    assert sum(some_types.values()) < sum(all_types.values())


def test_open_now_and_deadline_soon_are_derived_from_dates(client):
    today = timezone.localdate()
    body = api(client, type="funding", open_now="1")
    open_titles = set(titles(body))
    expected = {s.title for s in german(m.FundingSourcePage).live() if s.status(today) == "open"}
    assert open_titles == expected
    soon = api(client, type="funding", deadline_soon="1")
    for hit in soon["results"]:
        assert hit["next_deadline"] is not None


def test_page_beyond_the_end_gives_the_last_page(client):
    body = api(client, page="99999")
    assert body["page"] == body["pages"]
    assert api(client, page="-5")["page"] == 1


@pytest.mark.parametrize(
    "params",
    [{"district": "abc"}, {"type": "cat"}, {"page": "x"}, {"free": "maybe"}, {"sort": "random"}],
)
def test_malformed_api_parameters_get_a_400(client, params):
    response = client.get("/de/suche/api/", params)
    assert response.status_code == 400
    assert json.loads(response.content)["errors"]


def test_malformed_parameters_on_the_page_give_a_message(client):
    response = client.get("/de/suche/", {"district": "abc", "q": "Eltern"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="notice"' in body
    assert "Elterncafé" in body  # the valid part of the search still ran


def test_unknown_facet_value_gives_an_empty_result(client):
    assert api(client, district="999999")["total"] == 0


def test_drafts_private_and_unpublished_pages_are_not_found(client):
    offer = german(m.OfferPage).get(slug="sprachcafe")
    offer.title = "Sprachcafé Entwurf Zebrastreifen"
    offer.save_revision()  # a draft only
    refresh_engine()
    assert api(client, q="Zebrastreifen")["total"] == 0
    PageViewRestriction.objects.create(page=offer, restriction_type="login")
    assert "Sprachcafé am Johannisplatz" not in titles(api(client, q="Sprachcafé"))
    funding = german(m.FundingSourcePage).get(slug="raumpool-stadt")
    funding.unpublish()
    refresh_engine()
    assert funding.title not in titles(api(client, q="Raumpool"))


def test_newly_published_page_is_found_without_rebuilding_the_index(client):
    index = german(m.OfferIndexPage).get()
    draft = m.OfferPage(title="Schachclub Quokka", summary="Schach für alle.", live=False)
    index.add_child(instance=draft)
    assert api(client, q="Quokka")["total"] == 0  # not live yet
    page = german(m.OfferPage).get(title="Schachclub Quokka")
    page.save_revision().publish()
    refresh_engine()
    assert "Schachclub Quokka" in titles(api(client, q="Quokka"))


def test_owner_and_deputy_are_not_searchable(client):
    measure = german(m.MeasurePage).exclude(measure_owner=None).first()
    owner = measure.measure_owner
    for term in (owner.last_name, owner.email):
        body = api(client, q=term)
        assert measure.title not in titles(body)
        assert owner.email not in json.dumps(body["results"])


def test_autocomplete_suggests_from_two_characters(client):
    response = client.get("/de/suche/vorschlaege/", {"q": "Fr"})
    suggestions = json.loads(response.content)["suggestions"]
    assert any(s["title"].startswith("Frauen") for s in suggestions)
    assert json.loads(client.get("/de/suche/vorschlaege/", {"q": "F"}).content) == {
        "suggestions": []
    }


def test_editors_picks_are_shown_first(client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    offer = german(m.OfferPage).get(slug="frauentreff")
    SearchPromotion.objects.create(query=Query.get("deutschkurs"), page=offer, sort_order=0)
    body = client.get("/de/suche/", {"q": "Deutschkurs"}).content.decode()
    assert body.index(offer.title) < body.index('class="results"')


def test_search_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        api(client, q="Beratung")
    with django_assert_max_num_queries(40):
        api(client)


def test_arabic_search_page_is_right_to_left(client):
    body = client.get("/ar/suche/", {"q": "استشارة"}).content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert Locale.objects.get(language_code="ar")


def test_deleted_page_disappears_from_search(client):
    offer = german(m.OfferPage).get(slug="fussball-fuer-alle")
    assert offer.title in titles(api(client, q="Fußball"))
    offer.delete()
    refresh_engine()
    assert offer.title not in titles(api(client, q="Fußball"))


def test_moved_measure_is_found_under_its_new_action_field(client):
    measure = german(m.MeasurePage).get(code="3.2")
    new_field = german(m.ActionFieldPage).get(number=4)
    measure.move(new_field, pos="last-child")
    refresh_engine()
    body = api(client, q=measure.title, action_field=str(new_field.pk))
    assert measure.title in titles(body)


def test_new_translation_is_found_in_its_language(client):
    offer = german(m.OfferPage).get(slug="bewerbungstraining")
    ukrainian = Locale.objects.get(language_code="uk")
    home = german(m.HomePage).get()
    for page in (home, german(m.OfferIndexPage).get()):
        if not page.has_translation(ukrainian):
            page.copy_for_translation(ukrainian).save_revision().publish()
    translation = offer.copy_for_translation(ukrainian)
    translation.title = "Тренінг із написання резюме"
    translation.save_revision().publish()
    Site.clear_site_root_paths_cache()  # a new language root, as after any new home page
    refresh_engine()
    body = api(client, "uk", q="резюме")
    assert "Тренінг із написання резюме" in titles(body)
    assert all(hit["url"].startswith("/uk/") for hit in body["results"])
