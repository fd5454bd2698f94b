"""Editors see the review cycle: dashboard panels, the measure listing, bulk and single review."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import formats, timezone, translation

from reviews.models import ReviewLog
from site_pages import models as m
from site_pages.factories import UserFactory
from tests.reviewing import add_measure


@pytest.fixture
def owner(db):
    """An editor who owns measures."""
    user = UserFactory(username="eigner", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def due_from_today(measure, days: int) -> m.MeasurePage:
    """Move `measure`'s due date relative to the real today (the admin uses the clock)."""
    measure.next_review_due = timezone.localdate() + timedelta(days=days)
    m.MeasurePage.objects.filter(pk=measure.pk).update(next_review_due=measure.next_review_due)
    return measure


def test_my_reviews_panel_lists_the_users_due_measures(client, field, owner):
    overdue = due_from_today(add_measure(field, "9.51", 0, measure_owner=owner), -2)
    later = due_from_today(add_measure(field, "9.52", 0, measure_owner=owner), 60)
    client.force_login(owner)
    with _english(client):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "My reviews" in html
    assert overdue.title in html and later.title not in html
    assert reverse("reviews_admin:review", args=[overdue.pk]) in html
    assert "Overdue measures" not in html  # owners are not coordinators


def test_coordinators_see_all_overdue_measures_marked_without_recipient(client, field):
    orphan = due_from_today(add_measure(field, "9.51", 0), -5)
    coordinator = field.coordinator
    coordinator.is_staff = True
    coordinator.save()
    coordinator.groups.add(Group.objects.get(name="Editors"))
    client.force_login(coordinator)
    with _english(client):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Overdue measures" in html
    assert orphan.title in html and "no recipient" in html


def test_measure_listing_filters_by_review_state(client, field, admin_user):
    overdue = due_from_today(add_measure(field, "9.51", 0), -3)
    soon = due_from_today(add_measure(field, "9.52", 0), 5)
    done = add_measure(field, "9.53", 0, status="implemented")
    client.force_login(admin_user)
    url = reverse("measures:index")
    everything = client.get(url).content.decode()
    assert overdue.title in everything and soon.title in everything
    filtered = client.get(url, {"review_state": "overdue"}).content.decode()
    assert overdue.title in filtered and soon.title not in filtered
    assert done.title not in filtered
    out = client.get(url, {"review_state": "out_of_cycle"}).content.decode()
    assert done.title in out and overdue.title not in out
    assert client.get(url, {"review_state": "bogus"}).status_code == 200


def test_bulk_action_marks_measures_reviewed(client, field, admin_user):
    first = due_from_today(add_measure(field, "9.51", 0), -3)
    second = due_from_today(add_measure(field, "9.52", 0), -1)
    client.force_login(admin_user)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "mark_reviewed"))
        + f"?id={first.pk}&id={second.pk}"
    )
    confirm = client.get(url)
    assert confirm.status_code == 200 and first.title in confirm.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert ReviewLog.objects.filter(page__in=[first, second], reviewed_by=admin_user).count() == 2


def test_bulk_action_refuses_pages_that_are_not_measures(client, field, admin_user, demo_home):
    client.force_login(admin_user)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "mark_reviewed"))
        + f"?id={demo_home.pk}"
    )
    client.post(url)
    assert not ReviewLog.objects.exists()


def test_edit_view_has_a_review_button_and_the_form_records(client, field, owner):
    measure = due_from_today(add_measure(field, "9.51", 0, measure_owner=owner), -3)
    client.force_login(owner)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[measure.pk])).content.decode()
    review_url = reverse("reviews_admin:review", args=[measure.pk])
    assert review_url in edit
    assert client.get(review_url).status_code == 200
    response = client.post(review_url, {"outcome": "updated", "comment": "Neue Zahlen"})
    assert response.status_code == 302
    log = ReviewLog.objects.get(page=measure)
    assert (log.outcome, log.comment, log.reviewed_by) == ("updated", "Neue Zahlen", owner)
    assert client.post(review_url, {"outcome": "??"}).status_code == 400


def test_review_form_refuses_users_without_rights(client, field):
    """Who neither owns, deputises nor may edit the measure is sent back to the dashboard.

    (Wagtail's admin answers PermissionDenied that way to users with admin access.)
    """
    measure = add_measure(field, "9.51", -3)
    stranger = UserFactory(username="fremd", is_staff=True)
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    url = reverse("reviews_admin:review", args=[measure.pk])
    for response in (client.get(url), client.post(url, {"outcome": "confirmed"})):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not ReviewLog.objects.exists()


class _english:
    """Show the admin in English for assertions on labels."""

    def __init__(self, client) -> None:
        self.client = client

    def __enter__(self):
        from wagtail.users.models import UserProfile

        user_id = self.client.session.get("_auth_user_id")
        profile = UserProfile.objects.get_or_create(user_id=user_id)[0]
        profile.preferred_language = "en"
        profile.save()
        return self

    def __exit__(self, *exc) -> None:
        return None


def test_account_settings_switch_due_soon_reminders_off(client, owner):
    from reviews.models import ReminderPreference

    client.force_login(owner)
    url = reverse("wagtailadmin_account")
    page = client.get(url).content.decode()
    assert 'name="review_reminders-due_soon_reminders"' in page
    form = {
        "name_email-first_name": owner.first_name,
        "name_email-last_name": owner.last_name,
        "name_email-email": owner.email,
        "locale-preferred_language": "de",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not ReminderPreference.objects.get(user=owner).due_soon_reminders


def table_row_cells(html: str, text: str) -> list[str]:
    """The text of each cell of the (one) table row of `html` that contains `text`."""
    (row,) = [row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if text in row]
    cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def test_measure_listing_shows_code_due_date_status_and_action_field(client, field, admin_user):
    measure = due_from_today(add_measure(field, "9.51", 0, status="delayed"), 4)
    client.force_login(admin_user)
    with _english(client):
        html = client.get(reverse("measures:index"), {"review_state": "due_soon"}).content.decode()
    with translation.override("en"):
        due = formats.date_format(measure.next_review_due)
    cells = table_row_cells(html, measure.title)
    assert {"9.51", due, "delayed", field.title} <= set(cells), cells


def test_a_review_started_on_a_translation_is_recorded_on_the_german_measure(field, admin_user):
    from wagtail.models import Locale

    from reviews.services import complete_review

    measure = add_measure(field, "9.51", -3)
    english = measure.copy_for_translation(Locale.objects.get(language_code="en"))
    complete_review(english, admin_user, timezone.now())
    assert ReviewLog.objects.get().page_id == measure.pk
    measure.refresh_from_db()
    assert measure.next_review_due > timezone.localdate()
