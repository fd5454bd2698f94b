"""Helpers for the review reminder tests: the demo day's run time and test measures."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from site_pages import models as m
from tests.conftest import DEMO_DAY
from tests.content import german

NOW = datetime.combine(DEMO_DAY, time(7, 0), tzinfo=ZoneInfo("Europe/Berlin"))


def field_with_coordinator(coordinator) -> m.ActionFieldPage:
    """The demo's action field 9, with a new coordinator (codes 9.50+ are free for tests)."""
    action_field = german(m.ActionFieldPage).get(number=9)
    action_field.coordinator = coordinator
    action_field.save()
    return action_field


def add_measure(action_field, code: str, due_in_days: int, **fields) -> m.MeasurePage:
    """A measure under `action_field`, due `due_in_days` after the demo day."""
    measure = m.MeasurePage(
        title=f"Maßnahme {code}",
        code=code,
        summary="Kurz.",
        specific_goal="Ziel.",
        next_review_due=DEMO_DAY + timedelta(days=due_in_days),
        locale=action_field.locale,
        **fields,
    )
    action_field.add_child(instance=measure)
    return measure


def digest_for(plan, user):
    """The digest `user` gets in `plan`, or None."""
    return next((d for d in plan.digests if d.recipient.pk == user.pk), None)


def create_racing_site(owner_count: int) -> dict:
    """`owner_count` owners with one measure each, overdue on the demo day, in action field 9.

    For tests whose servers and workers run in other processes: the caller commits it (a
    connection or process of its own) and removes it with `remove_racing_site`. Action field
    9 is the demo's when loaded, else a new one; the first owner reads English. Returns the
    ids as plain data (JSON).
    """
    from django.contrib.auth import get_user_model
    from wagtail.models import Page
    from wagtail.users.models import UserProfile

    from site_pages.factories import UserFactory

    due = DEMO_DAY - timedelta(days=3)
    field = german(m.ActionFieldPage).filter(number=9).first()
    created_field = field is None
    if created_field:
        field = Page.get_first_root_node().add_child(
            instance=m.ActionFieldPage(title="Wettlauf", slug="wettlauf", number=9)
        )
    owners, measures = [], []
    for number in range(owner_count):
        owner = UserFactory(username=f"wettlauf{number}")
        code = f"9.{60 + number}"
        measure = field.add_child(
            instance=m.MeasurePage(
                title=f"Maßnahme {code}",
                slug=f"massnahme-{60 + number}",
                code=code,
                summary="Kurz.",
                specific_goal="Ziel.",
                next_review_due=due,
                review_interval_months=12,
                measure_owner=owner,
            )
        )
        owners.append(owner)
        measures.append(measure)
    profile = UserProfile.get_for_user(owners[0])
    profile.preferred_language = "en"
    profile.save()
    successor = get_user_model().objects.create_user("wettlauf-nachfolge", "n@eisenach.example")
    return {
        "field": field.pk if created_field else None,
        "owners": [owner.pk for owner in owners],
        "emails": sorted(owner.email for owner in owners),
        "measures": [measure.pk for measure in measures],
        "successor": successor.pk,
        "due": due.isoformat(),
    }


def remove_racing_site(site: dict) -> None:
    """Delete what `create_racing_site` made (and, with its measures, their logs)."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    made = [site["field"]] if site["field"] else site["measures"]  # a new field: with them
    for page in Page.objects.filter(pk__in=made):
        page.delete()
    get_user_model().objects.filter(pk__in=[*site["owners"], site["successor"]]).delete()
