"""Reviewable content: what the one review engine needs to know about each page type.

Measures, offers and funding sources share the rules, planning, the sent-reminder log,
delivery, signed links and views; a `ReviewableKind` says per page type which pages are in
the cycle, when each is due, who is responsible, and how a confirmation is recorded
(measures: `complete_review`; offers and funding sources: `confirm_current`, which sets
`last_checked`). Every method loads what it needs for a whole list of pages in a fixed
number of queries.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from reviews.recipients import Address, Responsibility, contact_responsibility, responsibility
from site_pages.choices import FINISHED_MEASURE_STATUSES
from site_pages.models import ActionFieldPage, FundingSourcePage, MeasurePage, OfferPage


@dataclass
class Entry:
    """What a digest and the checks need of one page: who is told, and its context line."""

    responsibility: Responsibility
    context: str  # e.g. the measure's action field, the offer's provider


class ReviewableKind:
    """The review cycle of one page type; subclasses fill in the page type's specifics."""

    model: type[Page]
    name: str  # "measure", "offer", "funding"
    context_label = ""
    # Fields planning and digests read (pages have many more columns).
    fields: list[str] = []
    related: list[str] = []

    def in_cycle(self) -> QuerySet:
        """The pages of this type that are reviewed: German (source) pages, see subclasses."""
        return self.model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)

    def due_date(self, page) -> date | None:
        """When `page`'s next review or check is due (None: not in the cycle)."""
        raise NotImplementedError

    def current_on(self, today: date) -> Q:
        """Pages still in the cycle on `today` (all, unless a kind says otherwise)."""
        return Q()

    def candidates(self, today: date, horizon: date, selection: Q) -> list:
        """Pages in the cycle on `today` due on or before `horizon`, within `selection`."""
        raise NotImplementedError

    def concerning_user(self, user_id: int) -> Q:
        """A filter for the pages `user_id` is directly responsible for."""
        raise NotImplementedError

    def concerning_address(self, address: Address) -> Q:
        """A filter for the pages whose reminders can go to the bare `address`."""
        return Q(pk__in=[])

    def entries(self, pages: list, fallback_group: list) -> dict[int, Entry]:
        """Page id → who is told and the context line, for all `pages` at once."""
        raise NotImplementedError

    def heading(self, page) -> str:
        """How digests and pages name `page`."""
        return page.title

    def lock(self, page):
        """`page`'s German source, row-locked for the current transaction."""
        manager = self.model.objects.select_for_update()
        return manager.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first() or manager.get(pk=page.pk)


class MeasureKind(ReviewableKind):
    """Measures: due on `next_review_due`; owner and deputy, else coordinator, else the group."""

    model = MeasurePage
    name = "measure"
    context_label = _("Action field")
    fields = ["id", "title", "code", "path", "next_review_due", "status", "measure_owner", "deputy"]
    related = ["measure_owner", "deputy"]

    def in_cycle(self) -> QuerySet:
        """German measures that are still reviewed: not implemented, not discontinued."""
        return (
            super()
            .in_cycle()
            .filter(next_review_due__isnull=False)
            .exclude(status__in=FINISHED_MEASURE_STATUSES)
        )

    def due_date(self, page) -> date | None:
        """The measure's `next_review_due`."""
        return page.next_review_due

    def candidates(self, today: date, horizon: date, selection: Q) -> list:
        """Measures due by `horizon`, most urgent first (one query)."""
        return list(
            self.in_cycle()
            .filter(selection, self.current_on(today), next_review_due__lte=horizon)
            .select_related(*self.related)
            .only(*self.fields)
            .order_by("next_review_due", "code")
        )

    def concerning_user(self, user_id: int) -> Q:
        """Measures owned, deputised or coordinated by `user_id`."""
        condition = Q(measure_owner_id=user_id) | Q(deputy_id=user_id)
        for path in ActionFieldPage.objects.filter(coordinator_id=user_id).values_list(
            "path", flat=True
        ):
            condition |= Q(path__startswith=path)
        return condition

    def entries(self, pages: list, fallback_group: list) -> dict[int, Entry]:
        """Owner/deputy/coordinator chains, with the action fields loaded in one query."""
        fields = action_fields_of(pages)
        result = {}
        for page in pages:
            action_field = fields.get(page.path[: -Page.steplen])
            coordinator = action_field.coordinator if action_field else None
            result[page.pk] = Entry(
                responsibility(page, coordinator, fallback_group),
                action_field.title if action_field else "",
            )
        return result

    def heading(self, page) -> str:
        """ "9.51 Title"."""
        return f"{page.code} {page.title}"


def action_fields_of(measures: list) -> dict[str, ActionFieldPage]:
    """Parent path → action field (with its coordinator) for `measures`; one query."""
    paths = {measure.path[: -Page.steplen] for measure in measures}
    if not paths:
        return {}
    fields = ActionFieldPage.objects.filter(path__in=paths).select_related("coordinator")
    return {action_field.path: action_field for action_field in fields}


class FreshnessKind(ReviewableKind):
    """Offers and funding sources: due an interval after `last_checked`; a contact is asked."""

    organisation_field = ""  # "provider" or "funder"
    fields = [
        "id",
        "title",
        "path",
        "translation_key",
        "last_checked",
        "first_published_at",
        "freshness_interval_months",
        "responsible_email",
        "responsible_user",
    ]

    def in_cycle(self) -> QuerySet:
        """Live German pages (drafts and unpublished pages are not public, nothing goes stale)."""
        return super().in_cycle().filter(live=True)

    def due_date(self, page) -> date | None:
        """An interval after the last check (or the first publication)."""
        return page.freshness_due()

    def candidates(self, today: date, horizon: date, selection: Q) -> list:
        """Pages due by `horizon` (one query; the due date needs month arithmetic, done here)."""
        organisation = self.organisation_field
        pages = (
            self.in_cycle()
            .filter(selection, self.current_on(today))
            .select_related("responsible_user", organisation)
            .only(*self.fields, f"{organisation}__name", f"{organisation}__contact_email")
        )
        due = [(self.due_date(page), page) for page in pages]
        return [
            page
            for when, page in sorted(due, key=lambda d: (d[0] or date.max, d[1].title))
            if when is not None and when <= horizon
        ]

    def concerning_user(self, user_id: int) -> Q:
        """Pages `user_id` is the responsible person of."""
        return Q(responsible_user_id=user_id)

    def concerning_address(self, address: Address) -> Q:
        """Pages without a responsible user whose internal or organisation address it is."""
        organisation_email = f"{self.organisation_field}__contact_email__iexact"
        return Q(responsible_email__iexact=address.email) | Q(
            responsible_email="", **{organisation_email: address.email}
        )

    def entries(self, pages: list, fallback_group: list) -> dict[int, Entry]:
        """Responsible user, else address, else the group; the organisation as context."""
        result = {}
        for page in pages:
            organisation = getattr(page, self.organisation_field)
            result[page.pk] = Entry(
                contact_responsibility(page, organisation, fallback_group),
                organisation.name if organisation else "",
            )
        return result


class OfferKind(FreshnessKind):
    """Offers: every 6 months by default; offers that ended leave the cycle."""

    model = OfferPage
    name = "offer"
    context_label = _("provider")
    organisation_field = "provider"
    fields = [*FreshnessKind.fields, "valid_until"]

    def current_on(self, today: date) -> Q:
        """Offers that have not ended by `today`."""
        return Q(valid_until__isnull=True) | Q(valid_until__gte=today)


class FundingKind(FreshnessKind):
    """Funding sources: every 3 months by default."""

    model = FundingSourcePage
    name = "funding"
    context_label = _("funder")
    organisation_field = "funder"


KINDS: list[ReviewableKind] = [MeasureKind(), OfferKind(), FundingKind()]


def kind_of(page) -> ReviewableKind | None:
    """The kind of a (specific) page, or None if it is not reviewable."""
    return kind_for_model(type(page))


def kind_for_model(model: type) -> ReviewableKind | None:
    """The registered kind of a page model (or of one of its subclasses), None if none."""
    return next((kind for kind in KINDS if issubclass(model, kind.model)), None)
