"""Editors get clear validation errors instead of inconsistent content."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from site_pages import models as m
from tests.content import german


def test_action_field_numbers_are_unique_per_locale(db):
    existing = german(m.ActionFieldPage).get(number=4)
    clone = m.ActionFieldPage(title="Doppelt", number=4, locale=existing.locale)
    with pytest.raises(ValidationError) as error:
        clone.clean()
    assert "number" in error.value.message_dict


def test_action_field_number_must_be_between_one_and_nine(db):
    field = german(m.ActionFieldPage).get(number=1)
    field.number = 10
    with pytest.raises(ValidationError) as error:
        field.full_clean()
    assert "number" in error.value.message_dict


@pytest.mark.parametrize("code", ["3", "3.", "x.1", "3.1.2", "10.1", "3.0"])
def test_measure_code_must_look_like_field_dot_number(db, code):
    measure = german(m.MeasurePage).get(code="3.1")
    measure.code = code
    with pytest.raises(ValidationError) as error:
        measure.clean()
    assert "code" in error.value.message_dict


def test_measure_codes_are_unique_per_locale(db):
    measure = german(m.MeasurePage).get(code="3.1")
    measure.code = "3.2"
    with pytest.raises(ValidationError) as error:
        measure.clean()
    assert "code" in error.value.message_dict


def test_measure_cannot_end_before_it_starts(db):
    measure = german(m.MeasurePage).get(code="3.1")
    measure.planned_start, measure.planned_end = date(2024, 1, 1), date(2023, 1, 1)
    with pytest.raises(ValidationError) as error:
        measure.clean()
    assert "planned_end" in error.value.message_dict


def _new_measure_post(code: str) -> dict:
    """POST data for the admin's "add measure" form with the given code."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": f"Neue Maßnahme {code}",
            "slug": f"neue-massnahme-{code.replace('.', '-')}",
            "code": code,
            "summary": "Kurz gesagt.",
            "specific_goal": "Ein messbares Ziel.",
            "description": streamfield([]),
            "indicators": inline_formset([]),
            "comments": inline_formset([]),
            "status": "planned",
            "priority": "medium",
            "review_interval_months": 12,
        }
    )


@pytest.mark.parametrize(("code", "accepted"), [("3.9", True), ("4.9", False)])
def test_admin_accepts_only_codes_of_the_parent_action_field(client, admin_user, code, accepted):
    from django.urls import reverse

    client.force_login(admin_user)
    field = german(m.ActionFieldPage).get(number=3)
    url = reverse("wagtailadmin_pages:add", args=["site_pages", "measurepage", field.pk])
    response = client.post(url, _new_measure_post(code))
    created = german(m.MeasurePage).filter(code=code).exists()
    assert created is accepted
    if not accepted:
        assert response.status_code == 200
        assert "Die Kennziffer muss mit 3. beginnen" in response.content.decode()


def test_offer_with_a_fee_needs_a_note(db):
    offer = german(m.OfferPage).first()
    offer.cost, offer.cost_note = "fee", ""
    with pytest.raises(ValidationError) as error:
        offer.clean()
    assert "cost_note" in error.value.message_dict


def test_offer_languages_must_be_known_iso_codes(db):
    offer = german(m.OfferPage).first()
    offer.languages = ["de", "xx"]
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "languages" in error.value.message_dict


def test_opening_hours_must_close_after_they_open(db):
    slot = m.OpeningHours(weekday=0, opens=time(14), closes=time(9))
    with pytest.raises(ValidationError):
        slot.clean()


def test_funding_minimum_cannot_exceed_maximum(db):
    source = german(m.FundingSourcePage).first()
    source.amount_min, source.amount_max = Decimal(5000), Decimal(100)
    with pytest.raises(ValidationError) as error:
        source.clean()
    assert "amount_max" in error.value.message_dict


def test_funding_window_must_close_after_it_opens(db):
    window = m.FundingDeadline(opens_on=date(2027, 5, 1), closes_on=date(2027, 4, 1))
    with pytest.raises(ValidationError):
        window.clean()
