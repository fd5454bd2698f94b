"""Completing a review: log it and move the measure's next due date forward.

A review through a digest's "mark reviewed" link is recorded only while the link still
applies: its person is still responsible for the measure and the measure is still due on the
date the link was made for. Both are checked on the locked measure row, in the transaction
that writes the log, so of simultaneous submissions of one link exactly one is recorded and
the others raise `AlreadyReviewed`.
"""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from reviews.locking import write_transaction
from reviews.models import ReviewLog, ReviewOutcome
from reviews.recipients import fallback_group_members, responsibility
from reviews.tokens import ReviewToken
from site_pages.dates import add_months
from site_pages.models import ActionFieldPage, MeasurePage


class ReviewRefused(Exception):
    """A review through a link cannot be recorded; `measure` is the measure as it is now."""

    def __init__(self, measure: MeasurePage) -> None:
        super().__init__(f"measure {measure.pk}")
        self.measure = measure


class AlreadyReviewed(ReviewRefused):
    """The review the link was made for is recorded: the measure is due on another date now."""


class NotResponsible(ReviewRefused):
    """The link's person is no longer responsible for the measure (it was reassigned)."""


def is_responsible(user, measure: MeasurePage) -> bool:
    """Whether a digest about `measure` would go to `user` now (reminder or escalation).

    That is its owner or deputy, the coordinator of its action field or, while no coordinator
    can be reached, a member of the fallback group: the people whose digests carry "mark
    reviewed" links for it.
    """
    action_field = (
        ActionFieldPage.objects.filter(path=measure.path[: -Page.steplen])
        .select_related("coordinator")
        .first()
    )
    coordinator = action_field.coordinator if action_field else None
    who = responsibility(measure, coordinator, list(fallback_group_members()))
    return user in who.recipients or user in who.escalate_to


def check_link(link: ReviewToken, user, measure: MeasurePage) -> None:
    """Raise NotResponsible or AlreadyReviewed unless `user` may still use `link` on `measure`."""
    if not is_responsible(user, measure):
        raise NotResponsible(measure)
    if measure.next_review_due != link.due_date:
        raise AlreadyReviewed(measure)


def complete_review(
    measure: MeasurePage,
    user,
    now: datetime,
    outcome: str = ReviewOutcome.CONFIRMED,
    comment: str = "",
    link: ReviewToken | None = None,
) -> ReviewLog:
    """Record a review of `measure` by `user` at `now`; the next one is due an interval later.

    With `link` (the digest link `user` followed) it is recorded only while `check_link`
    allows it, checked under the measure's row lock; otherwise it raises ReviewRefused.
    Measures that left the cycle (implemented, discontinued) get no next due date. The
    review fields are written to the page row directly, not through a revision: they are
    bookkeeping, and `MeasurePage.with_content_json` keeps them when a revision is loaded.
    """
    today = timezone.localdate(now)
    with write_transaction():
        # A review belongs to the German source measure, also when started from a translation.
        current = MeasurePage.objects.select_for_update().filter(
            translation_key=measure.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first() or MeasurePage.objects.select_for_update().get(pk=measure.pk)
        if link is not None:
            check_link(link, user, current)
        next_due = (
            add_months(today, current.review_interval_months)
            if current.is_in_review_cycle
            else None
        )
        log = ReviewLog.objects.create(
            measure=current,
            reviewed_by=user,
            reviewed_at=now,
            outcome=outcome,
            comment=comment,
            was_due=current.next_review_due,
            next_review_due=next_due,
        )
        MeasurePage.objects.filter(pk=current.pk).update(
            next_review_due=next_due, last_reviewed_at=now, last_reviewed_by=user
        )
    for page in {measure, current}:
        page.next_review_due, page.last_reviewed_at, page.last_reviewed_by = next_due, now, user
    return log
