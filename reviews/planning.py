"""Plan a reminder run: which recipient gets which measures, in which language.

The plan is computed from a fixed number of queries whatever the number of measures
(measures, their action fields, the fallback group, sent reminders, preferences, languages),
and leaves out every reminder the log says was already sent, so a run can be repeated.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from reviews.models import ReminderPreference, SentReminder
from reviews.recipients import fallback_group_members, responsibility
from reviews.rules import (
    ReminderRules,
    ReviewState,
    Stage,
    escalation_stage,
    reminder_stage,
)
from site_pages.choices import MeasureStatus
from site_pages.models import ActionFieldPage, MeasurePage

# What planning and the digest read of a measure (pages have many more columns).
DIGEST_FIELDS = [
    "id",
    "title",
    "code",
    "path",
    "next_review_due",
    "status",
    "measure_owner",
    "deputy",
]
STATE_ORDER = [ReviewState.OVERDUE, ReviewState.DUE_TODAY, ReviewState.DUE_SOON]


@dataclass
class DigestItem:
    """One measure in a digest, with the reminder stages it stands for."""

    measure: MeasurePage
    action_field: ActionFieldPage | None
    due_date: date
    state: ReviewState
    stages: list[str] = field(default_factory=list)
    escalated: bool = False
    no_recipient: bool = False


@dataclass
class Digest:
    """Everything one recipient is told in one run."""

    recipient: object
    language: str
    items: list[DigestItem] = field(default_factory=list)

    def groups(self) -> list[tuple[ReviewState, list[DigestItem]]]:
        """Items grouped by state, most urgent first, each group by due date."""
        grouped = defaultdict(list)
        for item in self.items:
            grouped[item.state].append(item)
        return [
            (state, sorted(grouped[state], key=lambda i: (i.due_date, i.measure.code)))
            for state in STATE_ORDER
            if grouped[state]
        ]

    @property
    def reminder_keys(self) -> list[tuple[int, str, date]]:
        """(measure id, stage, due date) of every reminder this digest delivers."""
        return [(i.measure.pk, s, i.due_date) for i in self.items for s in i.stages]


@dataclass
class RunPlan:
    """The digests of one run, and measures nobody at all can be told about."""

    now: datetime
    today: date
    digests: list[Digest]
    unreachable: list[MeasurePage] = field(default_factory=list)


def digest_language(preferred: str | None) -> str:
    """`preferred` (a user's profile setting) if the site offers it, else German."""
    offered = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in offered else settings.LANGUAGE_CODE


def measures_in_cycle() -> QuerySet:
    """German (source) measures that are still reviewed: not implemented, not discontinued."""
    return MeasurePage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, next_review_due__isnull=False
    ).exclude(status__in=[MeasureStatus.IMPLEMENTED, MeasureStatus.DISCONTINUED])


def action_fields_of(measures: list[MeasurePage]) -> dict[str, ActionFieldPage]:
    """Parent path → action field (with its coordinator) for `measures`; one query."""
    paths = {measure.path[: -Page.steplen] for measure in measures}
    fields = ActionFieldPage.objects.filter(path__in=paths).select_related("coordinator")
    return {action_field.path: action_field for action_field in fields}


def concerning(user_id: int) -> Q:
    """A filter for the measures `user_id` can be told about: owned, deputised, coordinated.

    Members of the fallback group can hear about any measure, so nothing is filtered out.
    """
    if fallback_group_members().filter(pk=user_id).exists():
        return Q()
    condition = Q(measure_owner_id=user_id) | Q(deputy_id=user_id)
    for path in ActionFieldPage.objects.filter(coordinator_id=user_id).values_list(
        "path", flat=True
    ):
        condition |= Q(path__startswith=path)
    return condition


def plan_run(
    now: datetime,
    rules: ReminderRules | None = None,
    only_email: str | None = None,
    recipient_id: int | None = None,
) -> RunPlan:
    """The digests due at `now`, without reminders already sent; optionally for one person.

    With `recipient_id` (a delivery task) only that person's measures are loaded, so each
    of a run's per-recipient tasks costs what that person's digest needs.
    """
    rules = rules or ReminderRules.from_settings()
    today = timezone.localdate(now)
    candidates = (
        measures_in_cycle()
        .filter(concerning(recipient_id) if recipient_id is not None else Q())
        .filter(next_review_due__lte=rules.horizon(today))
        .select_related("measure_owner", "deputy")
        .only(*DIGEST_FIELDS)
        .order_by("next_review_due", "code")
    )
    measures = list(candidates)
    fields = action_fields_of(measures)
    fallback_group = list(fallback_group_members())
    sent = set(
        SentReminder.objects.filter(measure__in=candidates.values("pk")).values_list(
            "measure_id", "recipient_id", "stage", "due_date"
        )
    )

    items: dict[int, dict[int, DigestItem]] = defaultdict(dict)  # user id → measure id → item
    users: dict[int, object] = {}
    unreachable = []

    def add(user, measure, action_field, stage: Stage, no_recipient: bool) -> None:
        """Put `stage` of `measure` into `user`'s digest unless it was sent already."""
        due = measure.next_review_due
        if (measure.pk, user.pk, stage.key, due) in sent:
            return
        users[user.pk] = user
        item = items[user.pk].get(measure.pk)
        if item is None:
            item = items[user.pk][measure.pk] = DigestItem(
                measure, action_field, due, stage.state, no_recipient=no_recipient
            )
        item.stages.append(stage.key)
        item.escalated = item.escalated or stage.escalation

    for measure in measures:
        action_field = fields.get(measure.path[: -Page.steplen])
        coordinator = action_field.coordinator if action_field else None
        who = responsibility(measure, coordinator, fallback_group)
        if not who.recipients:
            unreachable.append(measure)
            continue
        due = measure.next_review_due
        stage = reminder_stage(due, today, rules)
        if stage:
            for user in who.recipients:
                add(user, measure, action_field, stage, who.no_recipient)
        escalation = escalation_stage(due, today, rules)
        if escalation:
            for user in who.escalate_to:
                add(user, measure, action_field, escalation, who.no_recipient)

    if only_email:
        users = {pk: u for pk, u in users.items() if u.email.lower() == only_email.lower()}
    if recipient_id is not None:
        users = {pk: u for pk, u in users.items() if pk == recipient_id}
    opted_out = set(
        ReminderPreference.objects.filter(
            user_id__in=list(users), due_soon_reminders=False
        ).values_list("user_id", flat=True)
    )
    languages = dict(
        UserProfile.objects.filter(user_id__in=list(users)).values_list(
            "user_id", "preferred_language"
        )
    )
    digests = []
    for pk, user in users.items():
        wanted = [
            item
            for item in items[pk].values()
            if not (pk in opted_out and item.state == ReviewState.DUE_SOON)
        ]
        if wanted:
            language = digest_language(languages.get(pk))
            digests.append(Digest(recipient=user, language=language, items=wanted))
    digests.sort(key=lambda d: d.recipient.pk)
    return RunPlan(now=now, today=today, digests=digests, unreachable=unreachable)
