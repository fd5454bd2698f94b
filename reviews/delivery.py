"""Sending a digest: render it in the reader's language, send it, then record it, once.

Exactly once: a lock row per recipient serialises workers (row lock on PostgreSQL, the write
lock on SQLite, taken when the transaction begins so that a losing process waits instead of
failing with "database is locked", see `reviews.locking`); inside it the sent-reminder log is
read again, the message goes to the mail server, and only after the server accepted it are
the reminders recorded and the transaction committed. A failure before acceptance records
nothing, so a retry sends it; the remaining window (server accepted, process killed before
the commit) can repeat one digest, never lose one.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from reviews.locking import write_transaction
from reviews.models import DeliveryLock, SentReminder
from reviews.planning import Digest
from reviews.recipients import Address, recipient_key, sent_to
from reviews.rules import ReminderRules
from reviews.tokens import make_preferences_token, make_review_token

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    """`path` on the site's public base URL (settings.BASE_URL), always https in production.

    In production (settings.IS_PRODUCTION) an ``http://`` BASE_URL is upgraded to https for
    every digest link instead of failing the run: RFC 8058 wants the one-click
    ``List-Unsubscribe`` URL to be https, and production redirects http to https anyway
    (SECURE_SSL_REDIRECT), which would turn a mail provider's unsubscribe POST into a GET.
    """
    base = settings.BASE_URL
    if settings.IS_PRODUCTION and base.startswith("http://"):
        base = "https://" + base.removeprefix("http://")
    return f"{base}{path}"


def token_subject(recipient) -> int | str:
    """What signed links name as their person: a user id or an address."""
    return recipient.email if isinstance(recipient, Address) else recipient.pk


def digest_context(digest: Digest) -> dict:
    """What the digest templates show, with the links of every page."""
    groups = []
    person = token_subject(digest.recipient)
    for state, items in digest.groups():
        rows = []
        for item in items:
            token = make_review_token(item.page.pk, person, item.due_date)
            rows.append(
                {
                    "item": item,
                    "context_label": item.kind.context_label,
                    "edit_url": absolute(reverse("wagtailadmin_pages:edit", args=[item.page.pk])),
                    "review_url": absolute(reverse("reviews:mark_reviewed", args=[token])),
                }
            )
        groups.append({"state": state, "label": state.label, "rows": rows})
    return {
        "recipient": digest.recipient,
        "groups": groups,
        "count": len(digest.items),
        "only_measures": digest.only_measures,
        "has_account": not isinstance(digest.recipient, Address),
        "preferences_url": absolute(
            reverse("reviews:preferences", args=[make_preferences_token(person)])
        ),
        "dashboard_url": absolute(reverse("wagtailadmin_home")),
        "escalate_after_days": ReminderRules.from_settings().escalate_after_days,
    }


def digest_subject(digest: Digest) -> str:
    """The subject: how many measures (or entries), and whether any is overdue."""
    count = len(digest.items)
    overdue = sum(1 for item in digest.items if item.state == "overdue")
    if not digest.only_measures:
        if overdue:
            return ngettext(
                "teilhabe: %(count)d entry needs checking (%(overdue)d overdue)",
                "teilhabe: %(count)d entries need checking (%(overdue)d overdue)",
                count,
            ) % {"count": count, "overdue": overdue}
        return ngettext(
            "teilhabe: is %(count)d entry still current?",
            "teilhabe: are %(count)d entries still current?",
            count,
        ) % {"count": count}
    if overdue:
        return ngettext(
            "teilhabe: %(count)d measure needs your review (%(overdue)d overdue)",
            "teilhabe: %(count)d measures need your review (%(overdue)d overdue)",
            count,
        ) % {"count": count, "overdue": overdue}
    return ngettext(
        "teilhabe: %(count)d measure is due for review",
        "teilhabe: %(count)d measures are due for review",
        count,
    ) % {"count": count}


def render_digest(digest: Digest) -> EmailMultiAlternatives:
    """The digest as a plain-text mail with an HTML part, in the recipient's language."""
    with translation.override(digest.language):
        context = digest_context(digest)
        context["direction"] = "rtl" if translation.get_language_bidi() else "ltr"
        context["language"] = digest.language
        message = EmailMultiAlternatives(
            subject=digest_subject(digest),
            body=render_to_string("reviews/email/digest.txt", context),
            to=[digest.recipient.email],
            headers={
                "List-Unsubscribe": f"<{context['preferences_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": digest.language,
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(
            render_to_string("reviews/email/digest.html", context), "text/html"
        )
    return message


def _lock(key: str, now: datetime) -> None:
    """Take the recipient's lock row for the current transaction (created on first use)."""
    try:
        with transaction.atomic():
            DeliveryLock.objects.get_or_create(key=key)
    except IntegrityError:  # another worker created it at the same moment
        pass
    DeliveryLock.objects.filter(key=key).update(locked_at=now)


def deliver(digest: Digest, now: datetime, connection=None) -> int:
    """Send `digest` unless another worker already did; return how many reminders it recorded."""
    recipient = digest.recipient
    is_address = isinstance(recipient, Address)
    with write_transaction():
        _lock(recipient_key(recipient), now)
        keys = digest.reminder_keys
        already = set(
            SentReminder.objects.filter(
                sent_to(recipient), page_id__in={k[0] for k in keys}
            ).values_list("page_id", "stage", "due_date")
        )
        for item in digest.items:  # another worker may have sent some stages meanwhile
            item.stages = [
                s for s in item.stages if (item.page.pk, s, item.due_date) not in already
            ]
        digest.items = [item for item in digest.items if item.stages]
        if not digest.items:
            return 0
        message = render_digest(digest)
        message.connection = connection or get_connection()
        message.send(fail_silently=False)  # raises unless the server accepted the message
        SentReminder.objects.bulk_create(
            SentReminder(
                page_id=page_id,
                recipient=None if is_address else recipient,
                address=recipient.email if is_address else "",
                stage=stage,
                due_date=due,
                sent_at=now,
            )
            for page_id, stage, due in digest.reminder_keys
        )
    logger.info(
        "review digest sent to %s: %d pages",
        "an address" if is_address else f"user {recipient.pk}",
        len(digest.items),
    )
    return len(digest.reminder_keys)


def describe(digest: Digest) -> str:
    """One line per digest for the command's output (no message bodies)."""
    states = ", ".join(f"{len(items)} {state.value}" for state, items in digest.groups())
    return f"{digest.recipient.email} [{digest.language}]: {states}"
