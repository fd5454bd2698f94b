"""Plan a reminder run: which recipient gets which pages to review, in which language.

One engine for all reviewable content (`reviews.content.KINDS`: measures, offers, funding
sources). The plan is computed from a fixed number of queries whatever the number of pages
(per kind its pages and their context, then the fallback group, sent reminders,
preferences, languages), and leaves out every reminder the log says was already sent, so a
run can be repeated.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.users.models import UserProfile

from reviews.content import KINDS, MeasureKind, ReviewableKind
from reviews.models import AddressPreference, ReminderPreference, SentReminder
from reviews.recipients import Address, fallback_group_members, recipient_key
from reviews.rules import (
    ReminderRules,
    ReviewState,
    Stage,
    escalation_stage,
    reminder_stage,
)

STATE_ORDER = [ReviewState.OVERDUE, ReviewState.DUE_TODAY, ReviewState.DUE_SOON]


@dataclass
class DigestItem:
    """One page in a digest (measure, offer, funding source), with the stages it stands for."""

    page: object
    kind: ReviewableKind
    context: str
    due_date: date
    state: ReviewState
    stages: list[str] = field(default_factory=list)
    no_recipient: bool = False
    escalation_stages: set[str] = field(default_factory=set)

    @property
    def escalated(self) -> bool:
        """Whether one of the item's stages is an escalation to the coordinator or group."""
        return any(stage in self.escalation_stages for stage in self.stages)

    @property
    def heading(self) -> str:
        """How the digest names the page."""
        return self.kind.heading(self.page)

    @property
    def is_measure(self) -> bool:
        """Measures are reviewed; offers and funding sources are confirmed as current."""
        return isinstance(self.kind, MeasureKind)


@dataclass
class Digest:
    """Everything one recipient (a user or an `Address`) is told in one run."""

    recipient: object
    language: str
    items: list[DigestItem] = field(default_factory=list)

    def groups(self) -> list[tuple[ReviewState, list[DigestItem]]]:
        """Items grouped by state, most urgent first, each group by due date."""
        grouped = defaultdict(list)
        for item in self.items:
            grouped[item.state].append(item)
        return [
            (state, sorted(grouped[state], key=lambda i: (i.due_date, i.heading)))
            for state in STATE_ORDER
            if grouped[state]
        ]

    @property
    def reminder_keys(self) -> list[tuple[int, str, date]]:
        """(page id, stage, due date) of every reminder this digest delivers."""
        return [(i.page.pk, s, i.due_date) for i in self.items for s in i.stages]

    @property
    def only_measures(self) -> bool:
        """Whether every item is a measure (the digest then reads as before offers existed)."""
        return all(item.is_measure for item in self.items)


@dataclass
class RunPlan:
    """The digests of one run, and pages nobody at all can be told about."""

    now: datetime
    today: date
    digests: list[Digest]
    unreachable: list = field(default_factory=list)


def digest_language(preferred: str | None) -> str:
    """`preferred` (a user's profile setting) if the site offers it, else German."""
    offered = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in offered else settings.LANGUAGE_CODE


def measures_in_cycle() -> QuerySet:
    """German (source) measures that are still reviewed: not implemented, not discontinued."""
    return MeasureKind().in_cycle()


def concerning(
    kind: ReviewableKind, user_id: int | None, address: Address | None, fallback_group: list
) -> Q:
    """A filter for the pages of `kind` one recipient can be told about (all without one).

    Members of the fallback group can hear about any page, so nothing is filtered out.
    """
    if address is not None:
        return kind.concerning_address(address)
    if user_id is None or any(member.pk == user_id for member in fallback_group):
        return Q()
    return kind.concerning_user(user_id)


def _sent_reminders(page_ids: list[int]) -> set[tuple[int, str, str, date]]:
    """(page id, recipient key, stage, due date) of every reminder sent about `page_ids`."""
    rows = SentReminder.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "recipient_id", "address", "stage", "due_date"
    )
    return {
        (page_id, f"user:{user_id}" if user_id else f"address:{email}", stage, due)
        for page_id, user_id, email, stage, due in rows
    }


@dataclass
class DueItems:
    """What is due for whom on one day, before the sent-reminder log and opt-outs are read.

    The digests (`plan_run`) and the personal dashboard panel both read this, so they
    never disagree about what is due.
    """

    items: dict[str, dict[int, DigestItem]]  # recipient key → page id → item
    recipients: dict[str, object]  # recipient key → user or Address
    unreachable: list


def due_items(
    today: date,
    rules: ReminderRules,
    recipient_id: int | None = None,
    only_address: Address | None = None,
) -> DueItems:
    """Every reminder and escalation stage reached on `today`, per recipient.

    With `recipient_id` or `only_address` only that recipient's pages are loaded (others
    who are told about the same pages are in the result too: callers pick their key).
    """
    fallback_group = list(fallback_group_members())
    loaded = []  # (kind, page, entry)
    for kind in KINDS:
        selection = concerning(kind, recipient_id, only_address, fallback_group)
        pages = kind.candidates(today, rules.horizon(today), selection)
        entries = kind.entries(pages, fallback_group)
        loaded.extend((kind, page, entries[page.pk]) for page in pages)
    due = DueItems(items=defaultdict(dict), recipients={}, unreachable=[])

    def add(recipient, kind, page, entry, due_date: date, stage: Stage) -> None:
        """Put `stage` of `page` into `recipient`'s items."""
        key = recipient_key(recipient)
        due.recipients[key] = recipient
        item = due.items[key].get(page.pk)
        if item is None:
            item = due.items[key][page.pk] = DigestItem(
                page,
                kind,
                entry.context,
                due_date,
                stage.state,
                no_recipient=entry.responsibility.no_recipient,
            )
        item.stages.append(stage.key)
        if stage.escalation:
            item.escalation_stages.add(stage.key)

    for kind, page, entry in loaded:
        who = entry.responsibility
        if not who.recipients:
            due.unreachable.append(page)
            continue
        due_date = kind.due_date(page)
        stage = reminder_stage(due_date, today, rules)
        if stage:
            for recipient in who.recipients:
                add(recipient, kind, page, entry, due_date, stage)
        escalation = escalation_stage(due_date, today, rules)
        if escalation:
            for recipient in who.escalate_to:
                add(recipient, kind, page, entry, due_date, escalation)
    return due


def due_for_user(user, today: date, rules: ReminderRules | None = None) -> list[DigestItem]:
    """Everything whose reminder or escalation on `today` goes to `user`, most urgent first.

    The same selection as the user's digest, whether or not the mail was sent already or the
    user switched early reminders off.
    """
    rules = rules or ReminderRules.from_settings()
    items = due_items(today, rules, recipient_id=user.pk).items.get(recipient_key(user), {})
    order = {state: n for n, state in enumerate(STATE_ORDER)}
    return sorted(items.values(), key=lambda i: (order[i.state], i.due_date, i.page.pk))


def plan_run(
    now: datetime,
    rules: ReminderRules | None = None,
    only_email: str | None = None,
    recipient_id: int | None = None,
    recipient_address: str | None = None,
) -> RunPlan:
    """The digests due at `now`, without reminders already sent; optionally for one recipient.

    With `recipient_id` or `recipient_address` (a delivery task) only that recipient's pages
    are loaded, so each of a run's per-recipient tasks costs what that digest needs.
    """
    rules = rules or ReminderRules.from_settings()
    today = timezone.localdate(now)
    only_address = Address(recipient_address.lower()) if recipient_address else None
    due = due_items(today, rules, recipient_id, only_address)
    page_ids = {page_id for per_page in due.items.values() for page_id in per_page}
    sent = _sent_reminders(sorted(page_ids))
    items: dict[str, dict[int, DigestItem]] = defaultdict(dict)
    for key, per_page in due.items.items():
        for page_id, item in per_page.items():
            unsent = [s for s in item.stages if (page_id, key, s, item.due_date) not in sent]
            if unsent:
                items[key][page_id] = replace(item, stages=unsent)
    recipients = {key: due.recipients[key] for key in items}
    unreachable = due.unreachable

    if only_email:
        recipients = {k: r for k, r in recipients.items() if r.email.lower() == only_email.lower()}
    if recipient_id is not None:
        recipients = {k: r for k, r in recipients.items() if k == f"user:{recipient_id}"}
    if only_address is not None:
        recipients = {k: r for k, r in recipients.items() if k == recipient_key(only_address)}
    user_ids = [r.pk for r in recipients.values() if not isinstance(r, Address)]
    emails = [r.email for r in recipients.values() if isinstance(r, Address)]
    opted_out = {
        f"user:{pk}"
        for pk in ReminderPreference.objects.filter(
            user_id__in=user_ids, due_soon_reminders=False
        ).values_list("user_id", flat=True)
    }
    opted_out |= {
        f"address:{email}"
        for email in AddressPreference.objects.filter(
            address__in=emails, due_soon_reminders=False
        ).values_list("address", flat=True)
    }
    languages = dict(
        UserProfile.objects.filter(user_id__in=user_ids).values_list(
            "user_id", "preferred_language"
        )
    )
    digests = []
    for key, recipient in recipients.items():
        wanted = [
            item
            for item in items[key].values()
            if not (key in opted_out and item.state == ReviewState.DUE_SOON)
        ]
        if wanted:
            language = digest_language(languages.get(recipient.pk))
            digests.append(Digest(recipient=recipient, language=language, items=wanted))
    digests.sort(key=lambda d: (d.recipient.pk is None, d.recipient.pk or 0, d.recipient.email))
    return RunPlan(now=now, today=today, digests=digests, unreachable=unreachable)
