"""Celery tasks: the daily run plans digests and hands each recipient's to its own task.

One task per recipient keeps a failing mailbox from holding up the others; SMTP and
connection errors retry with exponential backoff. Every task re-plans from the database for
the run's `now`, so a retried or duplicated task sends only what the log does not hold yet.
"""

import logging
import smtplib
from datetime import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from reviews.delivery import deliver
from reviews.planning import plan_run
from reviews.recipients import Address

logger = logging.getLogger(__name__)


def _parse_now(now_iso: str | None) -> datetime:
    """The run's moment: the given ISO timestamp, or the current time."""
    return datetime.fromisoformat(now_iso) if now_iso else timezone.now()


@shared_task(name="reviews.send_review_reminders")
def send_review_reminders(now_iso: str | None = None) -> int:
    """Plan today's run (beat calls this daily) and queue one delivery per recipient."""
    now = _parse_now(now_iso)
    plan = plan_run(now)
    for page in plan.unreachable:
        logger.warning("page %s (%s): nobody to remind", page.pk, page.title)
    for digest in plan.digests:
        if isinstance(digest.recipient, Address):
            deliver_review_digest.delay(None, now.isoformat(), address=digest.recipient.email)
        else:
            deliver_review_digest.delay(digest.recipient.pk, now.isoformat())
    return len(plan.digests)


@shared_task(
    name="reviews.deliver_review_digest",
    autoretry_for=(smtplib.SMTPException, ConnectionError, OSError, OperationalError),
    retry_backoff=60,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=8,
)
def deliver_review_digest(recipient_id: int | None, now_iso: str, address: str = "") -> int:
    """Send one recipient's digest (a user, or a bare `address`) for the run at `now_iso`.

    Nothing is sent that was sent already.
    """
    now = _parse_now(now_iso)
    if address:
        plan = plan_run(now, recipient_address=address)
    else:
        plan = plan_run(now, recipient_id=recipient_id)
    return sum(deliver(digest, now) for digest in plan.digests)
