"""The links in a digest: mark reviewed in one step, expiry, misuse, preferences, unsubscribe."""

import contextlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from types import SimpleNamespace
from unittest import mock
from urllib.parse import quote

import pytest
from django.core import signing
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from reviews.models import ReminderPreference, ReviewLog
from reviews.services import AlreadyReviewed, NotResponsible, complete_review
from reviews.tokens import make_preferences_token, make_review_token, read_review_token
from site_pages import models as m
from site_pages.factories import UserFactory
from tests.reviewing import NOW, add_measure


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


def preferences_url(user) -> str:
    """The preferences (unsubscribe) link a digest would carry."""
    return f"/reminders/preferences/{make_preferences_token(user.pk)}/"


@contextlib.contextmanager
def signing_clock(moment: datetime) -> Iterator[None]:
    """Django's signing takes `moment` as the time: links are made or opened then."""
    with mock.patch("django.core.signing.time", SimpleNamespace(time=moment.timestamp)):
        yield


def reassign(measure, **people) -> None:
    """Give `measure` another owner or deputy, as an editor would."""
    m.MeasurePage.objects.filter(pk=measure.pk).update(**people)


def test_one_click_marks_reviewed_without_login(client, measure, owner):
    url = review_url(measure, owner)
    page = client.get(url)
    assert page.status_code == 200
    assert b"9.51" in page.content and b'value="confirmed"' in page.content
    due_before = measure.next_review_due
    done = client.post(url, {"outcome": "confirmed"})
    assert done.status_code == 200
    log = ReviewLog.objects.get(page=measure)
    assert (log.reviewed_by, log.outcome, log.was_due) == (owner, "confirmed", due_before)
    measure.refresh_from_db()
    assert measure.next_review_due > due_before
    # The link was for that due date only: using it again records nothing.
    again = client.post(url, {"outcome": "confirmed"})
    assert again.status_code == 200 and b"9.51" in again.content
    assert ReviewLog.objects.filter(page=measure).count() == 1


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


def test_review_link_expires_after_the_configured_days(client, measure, owner, settings):
    with signing_clock(NOW):
        url = review_url(measure, owner)
    settings.REVIEW_LINK_MAX_AGE_DAYS = 30
    with signing_clock(NOW + timedelta(days=29)):
        assert client.get(url).status_code == 200
    with signing_clock(NOW + timedelta(days=31)):
        expired = client.get(url)
    assert expired.status_code == 302 and expired["Location"].startswith("/admin/login/")
    settings.REVIEW_LINK_MAX_AGE_DAYS = 32  # the setting, nothing else, decides
    with signing_clock(NOW + timedelta(days=31)):
        assert client.get(url).status_code == 200
    assert not ReviewLog.objects.exists()


def test_a_link_stops_working_once_the_measure_is_reassigned(client, measure, owner):
    url = review_url(measure, owner)
    reassign(measure, measure_owner=UserFactory(username="nachfolge"))
    form = client.get(url)
    assert form.status_code == 403
    assert b"9.51" in form.content and b'name="outcome"' not in form.content
    assert client.post(url, {"outcome": "confirmed"}).status_code == 403
    assert not ReviewLog.objects.exists()


def test_a_deputy_relieved_of_the_measure_cannot_record_its_review(client, measure):
    deputy = UserFactory(username="vertretung")
    reassign(measure, deputy=deputy)
    url = review_url(measure, deputy)
    assert client.get(url).status_code == 200
    reassign(measure, deputy=None)
    assert client.post(url, {"outcome": "confirmed"}).status_code == 403
    assert not ReviewLog.objects.exists()


def test_the_coordinators_link_records_the_review(client, field, measure):
    """Escalations go to the action field's coordinator, with links they may use."""
    response = client.post(review_url(measure, field.coordinator), {"outcome": "confirmed"})
    assert response.status_code == 200
    assert ReviewLog.objects.get(page=measure).reviewed_by == field.coordinator


def test_the_fallback_group_may_use_links_only_while_no_coordinator_is_reachable(
    client, field, measure, admin_user
):
    """The demo admin is in the fallback group, which hears about a measure only without one."""
    url = review_url(measure, admin_user)
    assert client.get(url).status_code == 403
    field.coordinator = None
    field.save()
    assert client.post(url, {"outcome": "confirmed"}).status_code == 200
    assert ReviewLog.objects.get(page=measure).reviewed_by == admin_user


def test_complete_review_checks_the_due_date_on_the_locked_row(measure, owner):
    """A submission that loaded the measure before another one was recorded records nothing."""
    link = read_review_token(make_review_token(measure.pk, owner.pk, measure.next_review_due))
    loaded_before = m.MeasurePage.objects.get(pk=measure.pk)
    complete_review(measure, owner, NOW, link=link)
    with pytest.raises(AlreadyReviewed) as refusal:
        complete_review(loaded_before, owner, NOW, link=link)
    assert refusal.value.page.next_review_due == measure.next_review_due != link.due_date
    assert ReviewLog.objects.filter(page=measure).count() == 1


def test_complete_review_checks_the_reviewer_on_the_locked_row(measure, owner):
    """A submission that loaded the measure before it was reassigned records nothing."""
    link = read_review_token(make_review_token(measure.pk, owner.pk, measure.next_review_due))
    loaded_before = m.MeasurePage.objects.get(pk=measure.pk)
    reassign(measure, measure_owner=UserFactory(username="nachfolge"))
    with pytest.raises(NotResponsible):
        complete_review(loaded_before, owner, NOW, link=link)
    assert not ReviewLog.objects.exists()


def test_preference_form_needs_the_csrf_token(owner):
    """Another site cannot switch reminders back on with someone's preferences link."""
    ReminderPreference.objects.create(user=owner, due_soon_reminders=False)
    client = Client(enforce_csrf_checks=True)
    url = preferences_url(owner)
    forged = client.post(url, {"due_soon_reminders": "on"})
    assert forged.status_code == 403
    assert not ReminderPreference.objects.get(user=owner).due_soon_reminders
    csrf_token = client.get(url).context["csrf_token"]
    saved = client.post(url, {"due_soon_reminders": "on", "csrfmiddlewaretoken": str(csrf_token)})
    assert saved.status_code == 200
    assert ReminderPreference.objects.get(user=owner).due_soon_reminders


def test_one_click_unsubscribe_never_switches_reminders_on(owner):
    ReminderPreference.objects.create(user=owner, due_soon_reminders=False)
    response = Client(enforce_csrf_checks=True).post(
        preferences_url(owner), {"List-Unsubscribe": "One-Click", "due_soon_reminders": "on"}
    )
    assert response.status_code == 200
    assert not ReminderPreference.objects.get(user=owner).due_soon_reminders


def test_preference_link_expires_after_the_configured_days(owner, settings):
    settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS = 90
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    with signing_clock(NOW):
        url = preferences_url(owner)
    with signing_clock(NOW + timedelta(days=89)):
        assert client.get(url).status_code == 200
    with signing_clock(NOW + timedelta(days=91)):
        page = client.get(url)
        one_click = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert page.status_code == 400 and b"This link has expired." in page.content
    assert one_click.status_code == 400
    assert not ReminderPreference.objects.filter(user=owner, due_soon_reminders=False).exists()
    settings.REVIEW_PREFERENCE_LINK_MAX_AGE_DAYS = 92  # the setting, nothing else, decides
    with signing_clock(NOW + timedelta(days=91)):
        assert client.get(url).status_code == 200
