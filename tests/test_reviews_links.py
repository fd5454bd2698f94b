"""The links in a digest: mark reviewed in one step, expiry, misuse, preferences, unsubscribe."""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core import signing
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from reviews.models import ReminderPreference, ReviewLog
from reviews.tokens import make_preferences_token, make_review_token
from site_pages import models as m
from site_pages.factories import UserFactory
from tests.reviewing import add_measure


@pytest.fixture
def owner(db):
    """A measure owner."""
    return UserFactory(username="eigner")


@pytest.fixture
def measure(field, owner):
    """An overdue measure of `owner`."""
    return add_measure(field, "9.51", -3, measure_owner=owner, review_interval_months=12)


def review_url(measure, user) -> str:
    """The "mark reviewed" link a digest would carry."""
    return f"/reminders/review/{make_review_token(measure.pk, user.pk, measure.next_review_due)}/"


def test_one_click_marks_reviewed_without_login(client, measure, owner):
    url = review_url(measure, owner)
    page = client.get(url)
    assert page.status_code == 200
    assert b"9.51" in page.content and b'value="confirmed"' in page.content
    due_before = measure.next_review_due
    done = client.post(url, {"outcome": "confirmed"})
    assert done.status_code == 200
    log = ReviewLog.objects.get(measure=measure)
    assert (log.reviewed_by, log.outcome, log.was_due) == (owner, "confirmed", due_before)
    measure.refresh_from_db()
    assert measure.next_review_due > due_before
    # The link was for that due date only: using it again records nothing.
    again = client.post(url, {"outcome": "confirmed"})
    assert again.status_code == 200 and b"9.51" in again.content
    assert ReviewLog.objects.filter(measure=measure).count() == 1


def test_get_never_changes_anything(client, measure, owner):
    """Mail scanners open links: only the form's POST records a review."""
    client.get(review_url(measure, owner))
    assert not ReviewLog.objects.exists()


def test_expired_link_asks_to_log_in_then_review_in_the_admin(client, measure, owner, settings):
    url = review_url(measure, owner)
    settings.REVIEW_LINK_MAX_AGE_DAYS = -1  # every token is older than that
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert f"reviews%2Fmeasure%2F{measure.pk}" in response["Location"]
    assert not ReviewLog.objects.exists()


def test_a_token_for_another_purpose_is_refused(client, measure, owner):
    preferences_token = make_preferences_token(owner.pk)
    response = client.post(f"/reminders/review/{preferences_token}/", {"outcome": "confirmed"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ReviewLog.objects.exists()


def test_inactive_user_cannot_use_an_old_link(client, measure, owner):
    owner.is_active = False
    owner.save()
    response = client.post(review_url(measure, owner), {"outcome": "confirmed"})
    assert response.status_code == 302
    assert not ReviewLog.objects.exists()


def test_invalid_outcome_is_a_clear_400(client, measure, owner):
    response = client.post(review_url(measure, owner), {"outcome": "nonsense"})
    assert response.status_code == 400
    assert not ReviewLog.objects.exists()


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(token=st.text(max_size=300))
def test_any_garbage_token_is_never_a_500(db, token):
    from django.test import Client

    for path in ("review", "preferences"):
        response = Client().get(f"/reminders/{path}/{quote(token, safe='') or 'x'}/")
        assert response.status_code in {301, 302, 400, 404}
    assert not ReviewLog.objects.exists()


def test_preferences_page_switches_due_soon_off_and_on(client, owner):
    url = f"/reminders/preferences/{make_preferences_token(owner.pk)}/"
    assert client.get(url).status_code == 200
    client.post(url, {})  # unchecked box
    assert not ReminderPreference.objects.get(user=owner).due_soon_reminders
    client.post(url, {"due_soon_reminders": "on"})
    assert ReminderPreference.objects.get(user=owner).due_soon_reminders


def test_one_click_unsubscribe_post_needs_no_csrf_token(owner):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = f"/reminders/preferences/{make_preferences_token(owner.pk)}/"
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not ReminderPreference.objects.get(user=owner).due_soon_reminders


def test_tampered_preferences_token_is_a_400(client, owner):
    token = make_preferences_token(owner.pk)
    response = client.get(f"/reminders/preferences/{token[:-2]}xx/")
    assert response.status_code == 400
    forged = signing.dumps(owner.pk, salt="something else")
    assert client.get(f"/reminders/preferences/{forged}/").status_code == 400


def test_review_link_expires_after_the_configured_days(measure, owner, settings):
    from reviews.tokens import read_review_token

    token = make_review_token(measure.pk, owner.pk, measure.next_review_due)
    assert read_review_token(token).measure_id == measure.pk
    with pytest.raises(signing.SignatureExpired):
        read_review_token(token, max_age=timedelta(seconds=-1))
    assert m.MeasurePage.objects.filter(pk=measure.pk).exists()
