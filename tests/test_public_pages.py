"""Every public page type renders, shows its public fields and never the people behind it."""

import html
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from site_pages import factories as f
from site_pages import models as m
from site_pages.choices import FundingStatus, MeasureStatus
from tests.content import german

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    m.HomePage,
    m.StandardPage,
    m.AccessibilityStatementPage,
    m.ActionFieldIndexPage,
    m.ActionFieldPage,
    m.MeasurePage,
    m.OfferIndexPage,
    m.OfferPage,
    m.FundingIndexPage,
    m.FundingSourcePage,
    m.FactsPage,
]


def _get(client, page):
    """Fetch a page's public URL and return (response, unescaped HTML)."""
    response = client.get(page.url)
    return response, html.unescape(response.content.decode())


def _people_strings() -> set[str]:
    """Names and emails of every user, none of which may appear on a public page."""
    strings = set()
    for user in get_user_model().objects.all():
        strings |= {user.email, user.get_full_name(), user.last_name}
    return {s for s in strings if s and len(s) > 3}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_every_page_type_renders_for_the_public(client, page_type):
    page = german(page_type).live().first()
    assert page is not None, f"the demo has no {page_type.__name__}"
    response, body = _get(client, page)
    assert response.status_code == 200
    assert page.title in body
    assert '<html lang="de" dir="ltr">' in body


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_no_public_page_shows_names_or_emails_of_users(client, page_type):
    people = _people_strings()
    pages = list(page_type.objects.live())
    assert people, "the demo has no users to look for"
    assert pages, f"the demo has no live {page_type.__name__}"
    for page in pages:
        _, body = _get(client, page)
        leaked = [s for s in people if s in body]
        assert not leaked, f"{page.url} shows {leaked}"


def test_measure_page_shows_its_smart_fields_but_not_owner_or_deputy(client):
    owner = f.UserFactory(first_name="Quirin", last_name="Quokkamann")
    deputy = f.UserFactory(first_name="Dora", last_name="Quokkafeld")
    measure = f.MeasurePageFactory(
        parent=german(m.ActionFieldPage).get(number=6),
        title="Quokka-Nachbarschaftslotsen",
        summary="Lotsinnen begleiten Neuzugewanderte durch den Stadtteil.",
        specific_goal="Bis Jahresende begleiten zwölf Lotsinnen je fünf Familien.",
        status=MeasureStatus.IN_PROGRESS,
        measure_owner=owner,
        deputy=deputy,
        indicators=[
            m.MeasureIndicator(
                name="Begleitete Familien",
                unit="Familien",
                target=Decimal(60),
                current_value=Decimal(24),
                as_of=timezone.localdate(),
            )
        ],
        publish=True,
    )
    _, body = _get(client, measure)
    assert measure.code in body
    assert measure.summary in body
    assert measure.specific_goal in body
    assert measure.get_status_display() in body
    assert "Begleitete Familien" in body
    for person in (owner, deputy):
        assert person.email not in body
        assert person.last_name not in body


def test_offer_page_shows_place_time_cost_and_languages(client):
    offer = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(),
        title="Quokka-Nähstube",
        summary="Gemeinsam nähen und Deutsch sprechen.",
        street_address="Quokkagasse 7",
        postal_code="99817",
        locality="Eisenach",
        cost="fee",
        cost_note="2 € pro Treffen",
        languages=["de", "uk"],
        opening_hours=[m.OpeningHours(weekday=2, opens=time(9, 30), closes=time(12, 0))],
        publish=True,
    )
    _, body = _get(client, offer)
    assert offer.summary in body
    assert "Quokkagasse 7" in body
    assert offer.get_cost_display() in body
    assert "2 € pro Treffen" in body
    names = offer.language_names()
    assert len(names) == 2
    for name in names:
        assert name in body
    assert "09:30" in body


def test_funding_page_shows_status_and_next_deadline(client):
    today = timezone.localdate()
    deadline = today + timedelta(days=20)
    source = f.FundingSourcePageFactory(
        parent=german(m.FundingIndexPage).get(),
        title="Quokkafonds für Nachbarschaften",
        deadlines=[
            m.FundingDeadline(opens_on=today - timedelta(days=10), closes_on=deadline),
            m.FundingDeadline(closes_on=today + timedelta(days=200)),
        ],
        publish=True,
    )
    assert source.status(today) == FundingStatus.OPEN
    _, body = _get(client, source)
    assert str(FundingStatus.OPEN.label) in body
    assert deadline.strftime("%d.%m.%Y") in body


def test_facts_page_shows_values_with_reference_date_and_source(client):
    page = f.FactsPageFactory(
        parent=german(m.HomePage).get(),
        title="Quokka-Zahlen",
        facts=[
            m.Fact(
                label="Zugezogene Familien",
                value=Decimal(3818),
                unit="Personen",
                reference_date=date(2019, 12, 31),
                source="Quokka-Statistikamt",
            )
        ],
        publish=True,
    )
    _, body = _get(client, page)
    assert "Zugezogene Familien" in body
    assert "3818" in body.replace(".", "")
    assert "Quokka-Statistikamt" in body
    assert "31.12.2019" in body


def test_demo_facts_page_shows_the_seeds_figures(client):
    page = german(m.FactsPage).live().get(slug="daten-und-fakten")
    _, body = _get(client, page)
    assert "3818" in body.replace(".", "")
    assert "Landesamt für Statistik" in body
    assert "31.12.2019" in body


def test_unpublished_pages_are_not_served(client):
    offer = f.OfferPageFactory(
        parent=german(m.OfferIndexPage).get(), title="Quokka-Spieletreff", publish=True
    )
    url = offer.url
    assert client.get(url).status_code == 200
    offer.unpublish()
    assert client.get(url).status_code == 404


def test_unknown_url_gives_a_friendly_404(client):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


# The home page's budget today (51 for the demo in de): site chrome, language links, the
# sections, the status mix, deadlines, newest offers and facts, each read in bulk, but also one
# query per `.public()` and per localized offer type. Issue 14 asks for 12 on every page.
HOME_QUERIES = 55


def test_the_home_page_costs_the_same_queries_with_many_more_items(
    client, django_assert_max_num_queries
):
    home = german(m.HomePage).get()
    client.get(home.url)  # warm caches (site root paths, locales, settings)
    with django_assert_max_num_queries(HOME_QUERIES) as demo:
        assert client.get(home.url).status_code == 200
    field = german(m.ActionFieldPage).get(number=5)
    offers = german(m.OfferIndexPage).get()
    funding = german(m.FundingIndexPage).get()
    today = timezone.localdate()
    for number in range(20):
        for page in (
            f.MeasurePageFactory(parent=field, title=f"Zusatzmaßnahme {number}"),
            f.OfferPageFactory(parent=offers, title=f"Zusatzangebot {number}"),
        ):
            page.save_revision().publish()
        source = f.FundingSourcePageFactory(parent=funding, title=f"Zusatzfonds {number}")
        source.deadlines = [
            m.FundingDeadline(
                opens_on=today - timedelta(days=1),
                closes_on=today + timedelta(days=1),
                locale=source.locale,
            )
        ]
        source.save_revision().publish()
    with django_assert_max_num_queries(len(demo.captured_queries)):
        response = client.get(home.url)
    body = response.content.decode()
    assert "Zusatzangebot 19" in body  # the new offers are the newest shown
    assert "Zusatzfonds 0" in body  # and the soonest deadline
