"""Completing a review: log it and move the page's next due date forward.

Measures are reviewed (`complete_review`: outcome, comment, next due date one interval on);
offers and funding sources are confirmed as still current (`confirm_current`: sets
`last_checked`, so the next check is due an interval later). A review through a digest
link is recorded only while the link still applies: its person is still responsible for
the page and the page is still due on the date the link was made for. Both are checked on
the locked page row, in the transaction that writes the log, so of simultaneous
submissions of one link exactly one is recorded and the others raise `AlreadyReviewed`.
"""

from datetime import datetime

from django.utils import timezone

from reviews.content import kind_of
from reviews.locking import write_transaction
from reviews.models import ReviewLog, ReviewOutcome
from reviews.recipients import Address, fallback_group_members
from reviews.tokens import ReviewToken
from site_pages.dates import add_months
from site_pages.models import MeasurePage
from site_pages.models.progress import record_review_progress


class ReviewRefused(Exception):
    """A review through a link cannot be recorded; `page` is the page as it is now."""

    def __init__(self, page) -> None:
        super().__init__(f"page {page.pk}")
        self.page = page


class AlreadyReviewed(ReviewRefused):
    """The review the link was made for is recorded: the page is due on another date now."""


class NotResponsible(ReviewRefused):
    """The link's person is no longer responsible for the page (it was reassigned)."""


def is_responsible(recipient, page) -> bool:
    """Whether a digest about `page` would go to `recipient` now (reminder or escalation).

    For a measure: its owner or deputy, the coordinator of its action field or, while no
    coordinator can be reached, a member of the fallback group; for an offer or funding
    source: its responsible user or address, or a member of the fallback group. These are
    the people whose digests carry links for it.
    """
    kind = kind_of(page)
    entry = kind.entries([page], list(fallback_group_members()))[page.pk]
    return entry.responsibility.includes(recipient)


def check_link(link: ReviewToken, recipient, page) -> None:
    """Raise NotResponsible or AlreadyReviewed unless `recipient` may still use `link`."""
    if not is_responsible(recipient, page):
        raise NotResponsible(page)
    if kind_of(page).due_date(page) != link.due_date:
        raise AlreadyReviewed(page)


def complete_review(
    measure: MeasurePage,
    user,
    now: datetime,
    outcome: str = ReviewOutcome.CONFIRMED,
    comment: str = "",
    link: ReviewToken | None = None,
) -> ReviewLog:
    """Record a review of `measure` by `user` at `now`; the next one is due an interval later.

    This is the one place where a measure review is completed (digest link, admin button,
    bulk action). With `link` (the digest link `user` followed) it is recorded only while
    `check_link` allows it, checked under the measure's row lock; otherwise it raises
    ReviewRefused. Measures that left the cycle (implemented, discontinued) get no next due
    date. The review fields are written to the page row directly, not through a revision:
    they are bookkeeping, and `MeasurePage.with_content_json` keeps them when a revision is
    loaded.
    """
    today = timezone.localdate(now)
    with write_transaction():
        # A review belongs to the German source measure, also when started from a translation.
        current = kind_of(measure).lock(measure)
        if link is not None:
            check_link(link, user, current)
        next_due = (
            add_months(today, current.review_interval_months)
            if current.is_in_review_cycle
            else None
        )
        log = ReviewLog.objects.create(
            page=current,
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
        measure_review_completed(log, current)
    for page in {measure, current}:
        page.next_review_due, page.last_reviewed_at, page.last_reviewed_by = next_due, now, user
    return log


def measure_review_completed(log: ReviewLog, measure: MeasurePage) -> None:
    """What follows a completed measure review, inside its transaction: its progress log.

    The single hook for follow-ups of a review (the public timeline shows the entry,
    without the reviewer's name).
    """
    record_review_progress(
        measure,
        outcome=log.outcome,
        comment=log.comment,
        user=log.reviewed_by,
        when=log.reviewed_at,
    )


def confirm_current(
    page, reviewer, now: datetime, comment: str = "", link: ReviewToken | None = None
) -> ReviewLog:
    """Record that offer or funding source `page` is still current: `last_checked` is today.

    `reviewer` is a user or an `Address`. The date is set on the German source and all its
    translations (the public pages show it), on the rows directly like a measure review;
    `with_content_json` keeps the later date when a revision is published. With `link` it
    is recorded only while `check_link` allows it, under the page's row lock.
    """
    today = timezone.localdate(now)
    kind = kind_of(page)
    with write_transaction():
        current = kind.lock(page)
        if link is not None:
            check_link(link, reviewer, current)
        was_due = kind.due_date(current)
        is_address = isinstance(reviewer, Address)
        kind.model.objects.filter(translation_key=current.translation_key).update(
            last_checked=today
        )
        current.last_checked = today
        log = ReviewLog.objects.create(
            page=current,
            reviewed_by=None if is_address else reviewer,
            reviewer_address=reviewer.email if is_address else "",
            reviewed_at=now,
            outcome=ReviewOutcome.CONFIRMED,
            comment=comment,
            was_due=was_due,
            next_review_due=kind.due_date(current),
        )
    page.last_checked = today
    return log
