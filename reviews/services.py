"""Completing a review: log it and move the measure's next due date forward."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reviews.models import ReviewLog, ReviewOutcome
from site_pages.dates import add_months
from site_pages.models import MeasurePage


def complete_review(
    measure: MeasurePage,
    user,
    now: datetime,
    outcome: str = ReviewOutcome.CONFIRMED,
    comment: str = "",
) -> ReviewLog:
    """Record a review of `measure` by `user` at `now`; the next one is due an interval later.

    Measures that left the cycle (implemented, discontinued) get no next due date. The
    review fields are written to the page row directly, not through a revision: they are
    bookkeeping, and `MeasurePage.with_content_json` keeps them when a revision is loaded.
    """
    today = timezone.localdate(now)
    with transaction.atomic():
        # A review belongs to the German source measure, also when started from a translation.
        current = MeasurePage.objects.select_for_update().filter(
            translation_key=measure.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first() or MeasurePage.objects.select_for_update().get(pk=measure.pk)
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
