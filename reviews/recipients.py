"""Who is told about a review: the fallback chains, and recipients without a user account.

Kept apart from the rules (when) and delivery (how): it maps already loaded pages and
people to recipients and never queries per page. A recipient is a user or an `Address` (an
organisation's mailbox for an offer or funding source without a responsible user); both
have `pk` (None for an address), `email` and a stable `recipient_key`.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class Address:
    """A recipient without a user account: just a (lower-case) email address."""

    email: str
    pk = None  # not a user
    is_active = True

    @property
    def username(self) -> str:
        """What the greeting shows for an address without a name."""
        return self.email

    def get_full_name(self) -> str:
        """An address has no name."""
        return ""


def address(email: str) -> Address:
    """The `Address` recipient for `email` (normalised to lower case)."""
    return Address(email.strip().lower())


def recipient_key(recipient) -> str:
    """ "user:<id>" or "address:<email>": one key per recipient for logs, locks and plans."""
    if isinstance(recipient, Address):
        return f"address:{recipient.email}"
    return f"user:{recipient.pk}"


def sent_to(recipient) -> Q:
    """A SentReminder filter for the reminders sent to `recipient`."""
    if isinstance(recipient, Address):
        return Q(recipient__isnull=True, address=recipient.email)
    return Q(recipient=recipient)


def is_reachable(user) -> bool:
    """Whether `user` can receive mail: an active account with an address."""
    return user is not None and user.is_active and bool(user.email)


def fallback_group_members() -> QuerySet:
    """Active members with an email of the integration management group (settings)."""
    return (
        get_user_model()
        .objects.filter(groups__name=settings.REVIEW_FALLBACK_GROUP, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .distinct()
    )


@dataclass
class Responsibility:
    """Who hears about one page: reminders go to `recipients`, escalations to `escalate_to`."""

    recipients: list = field(default_factory=list)
    escalate_to: list = field(default_factory=list)
    no_recipient: bool = False  # nobody directly responsible can be reached

    def includes(self, recipient) -> bool:
        """Whether a digest about the page would go to `recipient` (reminder or escalation)."""
        key = recipient_key(recipient)
        return any(recipient_key(r) == key for r in [*self.recipients, *self.escalate_to])


def responsibility(measure, coordinator, fallback_group: list) -> Responsibility:
    """Apply the fallback chain for `measure` whose action field has `coordinator`."""
    direct = []
    for user in (measure.measure_owner, measure.deputy):
        if is_reachable(user) and user not in direct:
            direct.append(user)
    escalate_to = [coordinator] if is_reachable(coordinator) else list(fallback_group)
    if direct:
        return Responsibility(recipients=direct, escalate_to=escalate_to)
    return Responsibility(recipients=escalate_to, escalate_to=escalate_to, no_recipient=True)


def contact_responsibility(page, organisation, fallback_group: list) -> Responsibility:
    """The chain for an offer or funding source: its responsible user, else an address.

    The address is the page's internal `responsible_email`, else the public email of its
    `organisation` (provider or funder). With neither, the fallback group is told and the
    page is marked "no recipient". Escalations go to the fallback group.
    """
    escalate_to = list(fallback_group)
    if is_reachable(page.responsible_user):
        return Responsibility(recipients=[page.responsible_user], escalate_to=escalate_to)
    email = page.responsible_email or (organisation.contact_email if organisation else "")
    if email:
        return Responsibility(recipients=[address(email)], escalate_to=escalate_to)
    return Responsibility(recipients=escalate_to, escalate_to=escalate_to, no_recipient=True)
