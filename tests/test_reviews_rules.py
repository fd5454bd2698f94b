"""Reminder rules: pure functions of the due date, the day of the run and the settings."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviews.rules import (
    ReminderRules,
    ReviewState,
    escalation_stage,
    reminder_stage,
    review_state,
)

DUE = date(2026, 12, 15)
RULES = ReminderRules()  # the defaults the issue names: 14/3 before, 1/7 after, every 14


@pytest.mark.parametrize(
    ("days_before_due", "stage"),
    [
        (20, None),
        (15, None),
        (14, "soon-14"),
        (10, "soon-14"),
        (3, "soon-3"),
        (1, "soon-3"),
        (0, "today"),
        (-1, "overdue-1"),
        (-6, "overdue-1"),
        (-7, "overdue-7"),
        (-20, "overdue-7"),
        (-21, "overdue-21"),
        (-34, "overdue-21"),
        (-35, "overdue-35"),
        (-100, "overdue-91"),
    ],
)
def test_stage_is_the_latest_threshold_reached(days_before_due, stage):
    today = DUE - timedelta(days=days_before_due)
    found = reminder_stage(DUE, today, RULES)
    assert (found.key if found else None) == stage


def test_escalation_after_thirty_days_overdue_only():
    assert escalation_stage(DUE, DUE + timedelta(days=29), RULES) is None
    stage = escalation_stage(DUE, DUE + timedelta(days=30), RULES)
    assert stage.key == "escalation-30" and stage.escalation
    assert escalation_stage(DUE, DUE + timedelta(days=200), RULES).key == "escalation-30"


def test_review_states():
    assert review_state(None, DUE, RULES) is None
    assert review_state(DUE, DUE - timedelta(days=30), RULES) == ReviewState.NOT_DUE
    assert review_state(DUE, DUE - timedelta(days=14), RULES) == ReviewState.DUE_SOON
    assert review_state(DUE, DUE, RULES) == ReviewState.DUE_TODAY
    assert review_state(DUE, DUE + timedelta(days=1), RULES) == ReviewState.OVERDUE


def test_rules_come_from_settings(settings):
    settings.REVIEW_REMINDERS = {
        "due_soon_days": [5],
        "overdue_days": [2],
        "overdue_repeat_days": 0,
        "escalate_after_days": 10,
    }
    rules = ReminderRules.from_settings()
    assert reminder_stage(DUE, DUE - timedelta(days=14), rules) is None
    assert reminder_stage(DUE, DUE - timedelta(days=5), rules).key == "soon-5"
    assert reminder_stage(DUE, DUE + timedelta(days=1), rules) is None
    assert reminder_stage(DUE, DUE + timedelta(days=60), rules).key == "overdue-2"
    assert escalation_stage(DUE, DUE + timedelta(days=10), rules).key == "escalation-10"


@given(
    soon=st.lists(st.integers(1, 60), min_size=1, max_size=4, unique=True),
    overdue=st.lists(st.integers(1, 60), min_size=1, max_size=4, unique=True),
    repeat=st.integers(0, 30),
)
def test_day_by_day_each_stage_appears_once_and_in_order(soon, overdue, repeat):
    """Walking day by day from before the due date, stages only move forward."""
    rules = ReminderRules(tuple(sorted(soon, reverse=True)), tuple(sorted(overdue)), repeat, 30)
    seen: list[str] = []
    for offset in range(-70, 200):
        stage = reminder_stage(DUE, DUE + timedelta(days=offset), rules)
        if stage and (not seen or seen[-1] != stage.key):
            assert stage.key not in seen, f"{stage.key} came back after {seen}"
            seen.append(stage.key)
    expected_start = [f"soon-{d}" for d in sorted(soon, reverse=True)] + ["today"]
    assert seen[: len(expected_start)] == expected_start
    assert seen[len(expected_start)] == f"overdue-{min(overdue)}"
