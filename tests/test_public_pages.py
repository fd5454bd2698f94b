"""Every public page type renders, shows its public fields and never the people behind it."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from site_pages import models as m
from tests.content import german

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    m.HomePage,
    m.StandardPage,
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
    for page in page_type.objects.live():
        _, body = _get(client, page)
        leaked = [s for s in people if s in body]
        assert not leaked, f"{page.url} shows {leaked}"


def test_measure_page_shows_its_smart_fields_but_not_owner_or_deputy(client):
    measure = german(m.MeasurePage).exclude(measure_owner=None).exclude(deputy=None).first()
    _, body = _get(client, measure)
    assert measure.code in body
    assert measure.summary in body
    assert measure.specific_goal in body
    assert measure.get_status_display() in body
    for indicator in measure.indicators.all():
        assert indicator.name in body
    for person in (measure.measure_owner, measure.deputy):
        assert person.email not in body
        assert person.last_name not in body


def test_offer_page_shows_place_time_cost_and_languages(client):
    offer = german(m.OfferPage).exclude(opening_hours=None).first()
    _, body = _get(client, offer)
    assert offer.summary in body
    assert offer.street_address in body
    assert offer.get_cost_display() in body
    for name in offer.language_names():
        assert name in body
    slot = offer.opening_hours.first()
    assert f"{slot.opens:%H:%M}" in body


def test_funding_page_shows_status_and_next_deadline(client):
    today = timezone.localdate()
    source = next(
        s for s in german(m.FundingSourcePage).live() if s.next_deadline(today) is not None
    )
    _, body = _get(client, source)
    assert str(source.status(today).label) in body
    assert source.next_deadline(today).strftime("%d.%m.%Y") in body


def test_facts_page_shows_values_with_reference_date_and_source(client):
    page = german(m.FactsPage).live().get()
    _, body = _get(client, page)
    assert "3818" in body.replace(".", "")
    assert "Landesamt für Statistik" in body
    assert "31.12.2019" in body


def test_unpublished_pages_are_not_served(client):
    offer = german(m.OfferPage).live().first()
    url = offer.url
    offer.unpublish()
    assert client.get(url).status_code == 404


def test_unknown_url_gives_a_friendly_404(client):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
