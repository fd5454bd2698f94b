"""What search needs to know about each page: its kind and the values of every facet.

Facets are computed from the database for the pages the text search matched, the same way
for every search backend. Relations (districts, target groups, action fields) come from the
German source page, like everywhere else on the site, and are identified by the source
object's id, so a facet link means the same thing in every language.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import prefetch_related_objects
from wagtail.models import Locale, Page

from site_pages import models as m
from site_pages.choices import FundingStatus

KIND_BY_MODEL = {
    m.OfferPage: "offer",
    m.FundingSourcePage: "funding",
    m.MeasurePage: "measure",
    m.ActionFieldPage: "action_field",
    m.FactsPage: "facts",
}
SEARCHABLE_MODELS = list(KIND_BY_MODEL)
DEADLINE_SOON_DAYS = 30


@dataclass
class SearchDocument:
    """One searchable page with its facet values."""

    page: Page
    kind: str
    published: datetime | None
    action_fields: set[int] = field(default_factory=set)
    target_groups: set[int] = field(default_factory=set)
    districts: set[int] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    free: bool = False
    barrier_free: bool = False
    funder_level: str = ""
    funding_type: str = ""
    applicants: set[str] = field(default_factory=set)
    open_now: bool = False
    next_deadline: date | None = None

    def deadline_within(self, today: date, days: int = DEADLINE_SOON_DAYS) -> bool:
        """Whether the next deadline falls within `days` from `today`."""
        return self.next_deadline is not None and self.next_deadline <= today + timedelta(days)


def _sources(pages: list[Page], model, prefetch: list) -> dict:
    """translation_key → German source page of `model`, with relations prefetched.

    German pages are their own source: their relations are prefetched in place instead of
    loading them a second time.
    """
    default = Locale.get_default()
    own = [page for page in pages if page.locale_id == default.pk]
    if prefetch:
        prefetch_related_objects(own, *prefetch)
    sources = {page.translation_key: page for page in own}
    others = {page.translation_key for page in pages if page.locale_id != default.pk}
    if others:
        for source in model.objects.filter(
            translation_key__in=others, locale=default
        ).prefetch_related(*prefetch):
            sources[source.translation_key] = source
    return sources


def relation_ids(manager) -> set[int]:
    """The ids of a (prefetched) relation."""
    return {obj.pk for obj in manager.all()}


def build_documents(page_ids: list[int], today: date) -> dict[int, SearchDocument]:
    """Load the pages `page_ids` with their facet values; a constant number of queries."""
    documents: dict[int, SearchDocument] = {}
    if not page_ids:
        return documents
    by_model: dict[type, list[Page]] = {}
    for page in Page.objects.filter(id__in=page_ids).specific(defer=False):
        if type(page) in KIND_BY_MODEL:
            by_model.setdefault(type(page), []).append(page)

    offers = by_model.get(m.OfferPage, [])
    if offers:
        sources = _sources(
            offers, m.OfferPage, ["target_groups", "districts", "related_action_fields"]
        )
        for page in offers:
            source = sources.get(page.translation_key, page)
            documents[page.pk] = SearchDocument(
                page=page,
                kind="offer",
                published=page.first_published_at,
                action_fields=relation_ids(source.related_action_fields),
                target_groups=relation_ids(source.target_groups),
                districts=relation_ids(source.districts),
                languages=set(page.languages or []),
                free=page.is_free,
                barrier_free=page.barrier_free,
            )

    funding = by_model.get(m.FundingSourcePage, [])
    if funding:
        prefetch_related_objects(funding, "deadlines")
        for page in funding:
            documents[page.pk] = SearchDocument(
                page=page,
                kind="funding",
                published=page.first_published_at,
                funder_level=page.funder_level,
                funding_type=page.funding_type,
                applicants=set(page.eligible_applicants or []),
                open_now=page.status(today) == FundingStatus.OPEN,
                next_deadline=page.next_deadline(today),
            )

    measures = by_model.get(m.MeasurePage, [])
    if measures:
        sources = _sources(measures, m.MeasurePage, ["target_groups", "districts"])
        source_parents = {
            source.translation_key: source.path[: -Page.steplen] for source in sources.values()
        }
        fields_by_path = {
            field.path: field.pk
            for field in m.ActionFieldPage.objects.filter(path__in=set(source_parents.values()))
        }
        for page in measures:
            source = sources.get(page.translation_key, page)
            field_id = fields_by_path.get(source_parents.get(page.translation_key, ""))
            documents[page.pk] = SearchDocument(
                page=page,
                kind="measure",
                published=page.first_published_at,
                action_fields={field_id} if field_id else set(),
                target_groups=relation_ids(source.target_groups),
                districts=relation_ids(source.districts),
            )

    fields = by_model.get(m.ActionFieldPage, [])
    if fields:
        sources = _sources(fields, m.ActionFieldPage, [])
        for page in fields:
            source = sources.get(page.translation_key, page)
            documents[page.pk] = SearchDocument(
                page=page,
                kind="action_field",
                published=page.first_published_at,
                action_fields={source.pk},
            )

    for page in by_model.get(m.FactsPage, []):
        documents[page.pk] = SearchDocument(
            page=page, kind="facts", published=page.first_published_at
        )
    return documents
