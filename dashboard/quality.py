"""What the dashboard counts: measures by status, and the data-quality rules per action field.

Every rule is one function of `today`, and the same function feeds the dashboard's count and
the filtered list behind it, so a count and its list can never disagree. Measure rules are
database filters (`measure_problem_filter`); the offer and funding rule needs month arithmetic
(each page's own freshness interval) and reads `reviews.content`'s kinds, as the review
cycle and its listings do.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, Left, Length, TruncDate
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from reviews.content import KINDS, FreshnessKind
from reviews.rules import ReminderRules, ReviewState, review_state
from site_pages.choices import FINISHED_MEASURE_STATUSES, MeasureStatus
from site_pages.dates import add_months
from site_pages.models import ActionFieldPage, MeasureIndicator, MeasurePage

CURRENT_VALUE_MONTHS = 12
REVIEW_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Problem:
    """One data-quality rule: its URL key, column heading and explanation."""

    key: str
    label: str
    description: str
    kind: str = "measure"  # "measure", "offer" or "funding"


PROBLEMS = [
    Problem(
        "no_target",
        _("No indicator target"),
        _("Active measures without any indicator that has a target value."),
    ),
    Problem(
        "no_current_value",
        _("No current value in 12 months"),
        _("Active measures without an indicator value measured in the last 12 months."),
    ),
    Problem(
        "no_owner",
        _("No owner"),
        _("Active measures without an owner, or whose owner's account is deactivated."),
    ),
    Problem(
        "not_reviewed",
        _("Not reviewed in 180 days"),
        _(
            "Active measures whose last review (or, if never reviewed, first publication) "
            "lies more than 180 days back."
        ),
    ),
    Problem(
        "stale_offers",
        _("Offers not confirmed"),
        _("Current offers whose check is overdue: not confirmed within their interval."),
        kind="offer",
    ),
    Problem(
        "stale_funding",
        _("Funding not confirmed"),
        _("Funding sources whose check is overdue: not confirmed within their interval."),
        kind="funding",
    ),
]
PROBLEMS_BY_KEY = {problem.key: problem for problem in PROBLEMS}
FRESHNESS_KINDS: dict[str, FreshnessKind] = {
    kind.name: kind for kind in KINDS if isinstance(kind, FreshnessKind)
}


def german_action_fields() -> QuerySet:
    """The action fields of the source language, in their numbered order."""
    return ActionFieldPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "number", "path"
    )


def german_measures() -> QuerySet:
    """The measures editors work on: German sources, no alias copies."""
    return MeasurePage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )


def active_measures() -> QuerySet:
    """German measures still being worked on (not implemented, not discontinued)."""
    return german_measures().exclude(status__in=FINISHED_MEASURE_STATUSES)


def in_field(action_field: ActionFieldPage) -> Q:
    """Measures below `action_field`."""
    return Q(path__startswith=action_field.path, depth=action_field.depth + 1)


def measure_problem_filter(problem: str, today: date) -> Q:
    """The measures (among `active_measures`) that break rule `problem` on `today`."""
    indicators = MeasureIndicator.objects.filter(measure=OuterRef("pk"))
    if problem == "no_target":
        return ~Q(Exists(indicators.filter(target__isnull=False)))
    if problem == "no_current_value":
        since = add_months(today, -CURRENT_VALUE_MONTHS)
        current = indicators.filter(current_value__isnull=False, as_of__gte=since)
        return ~Q(Exists(current))
    if problem == "no_owner":
        return Q(measure_owner__isnull=True) | Q(measure_owner__is_active=False)
    if problem == "not_reviewed":
        limit = today - timedelta(days=REVIEW_MAX_AGE_DAYS)
        return Q(review_reference__isnull=True) | Q(review_reference__lt=limit)
    raise KeyError(problem)


def with_review_reference(measures: QuerySet) -> QuerySet:
    """Annotate the local day of the last review, else of the first publication."""
    return measures.annotate(
        review_reference=TruncDate(Coalesce("last_reviewed_at", "first_published_at"))
    )


def measures_with_problem(problem: str, today: date) -> QuerySet:
    """The active German measures breaking measure rule `problem` on `today`."""
    return with_review_reference(active_measures()).filter(measure_problem_filter(problem, today))


def stale_pages(kind: FreshnessKind, today: date) -> list:
    """Live, current German pages of `kind` whose check is overdue on `today` (one query).

    The same selection as the review listings' "overdue" freshness filter.
    """
    rules = ReminderRules.from_settings()
    pages = kind.in_cycle().filter(kind.current_on(today)).only(*kind.fields)
    return [
        page
        for page in pages
        if review_state(kind.due_date(page), today, rules) == ReviewState.OVERDUE
    ]


def field_links(kind_name: str, page_ids: list[int]) -> dict[int, set[int]]:
    """Page id → ids of the (German) action fields an offer or funding source belongs to.

    An offer belongs to the fields it names and to those of the measures naming it; a
    funding source to those of the measures naming it. Two queries at most.
    """
    links: dict[int, set[int]] = defaultdict(set)
    if not page_ids:
        return links
    field_by_path = dict(german_action_fields().values_list("path", "pk"))
    relation = "related_offers" if kind_name == "offer" else "related_funding_sources"
    through = getattr(MeasurePage, relation).through
    target = "offerpage_id" if kind_name == "offer" else "fundingsourcepage_id"
    rows = through.objects.filter(**{f"{target}__in": page_ids}).values_list(
        target, "measurepage__path"
    )
    for page_id, measure_path in rows:
        field_id = field_by_path.get(measure_path[: -Page.steplen])
        if field_id:
            links[page_id].add(field_id)
    if kind_name == "offer":
        from site_pages.models import OfferPage

        direct = OfferPage.related_action_fields.through.objects.filter(
            offerpage_id__in=page_ids, actionfieldpage_id__in=field_by_path.values()
        ).values_list("offerpage_id", "actionfieldpage_id")
        for page_id, field_id in direct:
            links[page_id].add(field_id)
    return links


def stale_by_field(kind_name: str, today: date) -> tuple[list, dict[int, set[int]]]:
    """The stale pages of one kind, and page id → the action fields it belongs to."""
    stale = stale_pages(FRESHNESS_KINDS[kind_name], today)
    return stale, field_links(kind_name, [page.pk for page in stale])


def pages_with_problem(
    problem: Problem, today: date, action_fields: list[ActionFieldPage] | None
) -> QuerySet:
    """The pages breaking `problem`, within `action_fields` (None: the whole concept)."""
    if problem.kind == "measure":
        measures = measures_with_problem(problem.key, today)
        if action_fields is not None:
            within = Q(pk__in=[])
            for action_field in action_fields:
                within |= in_field(action_field)
            measures = measures.filter(within)
        return measures
    stale, links = stale_by_field(problem.kind, today)
    wanted = None if action_fields is None else {f.pk for f in action_fields}
    ids = [page.pk for page in stale if wanted is None or links.get(page.pk, set()) & wanted]
    return FRESHNESS_KINDS[problem.kind].model.objects.filter(pk__in=ids)


@dataclass
class QualityRow:
    """One line of the data-quality panel: an action field (or the total) and its counts."""

    action_field: ActionFieldPage | None  # None: the whole concept
    counts: dict[str, int] = field(default_factory=dict)
    active: int = 0


def quality_rows(action_fields: list[ActionFieldPage], today: date, total: bool) -> list:
    """Counts of every rule per action field (and for the whole concept if `total`).

    A fixed number of queries whatever the number of measures: one grouped count of the
    measure rules, and per freshness kind its pages plus their links to the fields.
    """
    measure_keys = [p.key for p in PROBLEMS if p.kind == "measure"]
    counts = (
        with_review_reference(active_measures())
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .values("parent_path")
        .annotate(
            active=Count("pk"),
            **{key: Count("pk", filter=measure_problem_filter(key, today)) for key in measure_keys},
        )
        .order_by()
    )
    by_path = {row["parent_path"]: row for row in counts}
    rows = []
    for action_field in action_fields:
        found = by_path.get(action_field.path, {})
        rows.append(
            QualityRow(
                action_field,
                {key: found.get(key, 0) for key in measure_keys},
                found.get("active", 0),
            )
        )
    summary = QualityRow(None)
    if total:
        field_paths = set(german_action_fields().values_list("path", flat=True))
        in_fields = [row for path, row in by_path.items() if path in field_paths]
        summary.counts = {key: sum(row[key] for row in in_fields) for key in measure_keys}
        summary.active = sum(row["active"] for row in in_fields)
    for kind_name in FRESHNESS_KINDS:
        key = next(p.key for p in PROBLEMS if p.kind == kind_name)
        stale, links = stale_by_field(kind_name, today)
        for row in rows:
            row.counts[key] = sum(1 for page in stale if row.action_field.pk in links[page.pk])
        summary.counts[key] = len(stale)
    return [*rows, summary] if total else rows


def status_counts(action_fields: list[ActionFieldPage]) -> list[tuple[ActionFieldPage, dict]]:
    """(action field, status → number of its German measures) for `action_fields`; one query."""
    grouped = (
        german_measures()
        .annotate(parent_path=Left("path", Length("path") - Page.steplen))
        .values("parent_path", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    by_path: dict[str, dict[str, int]] = defaultdict(dict)
    for row in grouped:
        by_path[row["parent_path"]][row["status"]] = row["number"]
    return [
        (
            action_field,
            {status: by_path[action_field.path].get(status, 0) for status in MeasureStatus.values},
        )
        for action_field in action_fields
    ]
