"""Who is told about a measure's review: owner and deputy, else coordinator, else the group.

Kept apart from the rules (when) and delivery (how): it maps already loaded measures and
coordinators to users and never queries per measure.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet


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
    """Who hears about one measure: reminders go to `recipients`, escalations to `escalate_to`."""

    recipients: list = field(default_factory=list)
    escalate_to: list = field(default_factory=list)
    no_recipient: bool = False  # neither owner nor deputy can be reached


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
