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
