"""When a measure's review earns a reminder: the rules, apart from recipients and delivery.

Every rule takes `today` (the run's local date) as a parameter, so tests and the command's
`--now` choose the day. A stage is the latest threshold a due date has crossed; with the
sent-reminder log keyed by stage, a run that was missed sends the stage late, once, rather
than never.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReviewState(models.TextChoices):
    """Where a measure's review stands on a given day."""

    OVERDUE = "overdue", _("overdue")
    DUE_TODAY = "due_today", _("due today")
    DUE_SOON = "due_soon", _("due soon")
    NOT_DUE = "not_due", _("not due yet")


@dataclass(frozen=True)
class ReminderRules:
    """Thresholds in days; read from settings.REVIEW_REMINDERS, never hard-coded."""

    due_soon_days: tuple[int, ...] = (14, 3)
    overdue_days: tuple[int, ...] = (1, 7)
    overdue_repeat_days: int = 14
    escalate_after_days: int = 30

    @classmethod
    def from_settings(cls) -> "ReminderRules":
        """The rules configured in settings.REVIEW_REMINDERS."""
        config = settings.REVIEW_REMINDERS
        return cls(
            due_soon_days=tuple(sorted(config["due_soon_days"], reverse=True)),
            overdue_days=tuple(sorted(config["overdue_days"])),
            overdue_repeat_days=config["overdue_repeat_days"],
            escalate_after_days=config["escalate_after_days"],
        )

    @property
    def horizon_days(self) -> int:
        """How far ahead of its due date a measure can earn a reminder."""
        return max(self.due_soon_days, default=0)

    def horizon(self, today: date) -> date:
        """The latest due date that can earn a reminder on `today`."""
        return today + timedelta(days=self.horizon_days)


@dataclass(frozen=True)
class Stage:
    """One reminder step for a due date, e.g. "soon-14", "today", "overdue-7"."""

    key: str
    state: ReviewState
    escalation: bool = False

    @property
    def can_opt_out(self) -> bool:
        """Only the early reminders can be switched off."""
        return self.state == ReviewState.DUE_SOON


def review_state(due: date | None, today: date, rules: ReminderRules) -> ReviewState | None:
    """The state of a review due on `due`, as of `today` (None: not in the cycle)."""
    if due is None:
        return None
    days = (due - today).days
    if days < 0:
        return ReviewState.OVERDUE
    if days == 0:
        return ReviewState.DUE_TODAY
    if days <= rules.horizon_days:
        return ReviewState.DUE_SOON
    return ReviewState.NOT_DUE


def review_state_filter(state: ReviewState, today: date, rules: ReminderRules) -> Q:
    """`review_state` as a database filter on `next_review_due` (same boundaries)."""
    if state == ReviewState.OVERDUE:
        return Q(next_review_due__lt=today)
    if state == ReviewState.DUE_TODAY:
        return Q(next_review_due=today)
    if state == ReviewState.DUE_SOON:
        return Q(next_review_due__gt=today, next_review_due__lte=rules.horizon(today))
    return Q(next_review_due__gt=rules.horizon(today))


def reminder_stage(due: date, today: date, rules: ReminderRules) -> Stage | None:
    """The latest reminder stage for owners that `due` has reached by `today`, if any."""
    days = (due - today).days
    if days > 0:
        reached = [d for d in rules.due_soon_days if d >= days]
        return Stage(f"soon-{min(reached)}", ReviewState.DUE_SOON) if reached else None
    if days == 0:
        return Stage("today", ReviewState.DUE_TODAY)
    overdue = -days
    reached = [d for d in rules.overdue_days if d <= overdue]
    if not reached:
        return None
    last = max(reached)
    final = max(rules.overdue_days)
    if last == final and rules.overdue_repeat_days > 0:
        last = final + (overdue - final) // rules.overdue_repeat_days * rules.overdue_repeat_days
    return Stage(f"overdue-{last}", ReviewState.OVERDUE)


def escalation_stage(due: date, today: date, rules: ReminderRules) -> Stage | None:
    """The coordinator's stage once a review is `escalate_after_days` overdue."""
    if (today - due).days >= rules.escalate_after_days:
        return Stage(f"escalation-{rules.escalate_after_days}", ReviewState.OVERDUE, True)
    return None
