"""What search needs to know about each page: its kind and the values of every facet.

Facets are computed from the database for the pages the text search matched, the same way
for every search backend. Relations (districts, target groups, action fields) come from the
German source page, like everywhere else on the site, and are identified by the source
object's id, so a facet link means the same thing in every language.

Facet values are read as plain rows (`values_list`), never as page objects: a search without
words matches every page of a locale, and building thousands of model instances only to count
them was the slow part. Page objects are loaded by `attach_pages` for the hits shown.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Locale, Page

from site_pages import models as m
from site_pages.choices import Cost, FundingStatus
from site_pages.funding_windows import ApplicationWindow, funding_status, next_deadline

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
    """One searchable page with its facet values; `page` is loaded only for shown hits."""

    page_id: int
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
    page: Page | None = None

    def deadline_within(self, today: date, days: int = DEADLINE_SOON_DAYS) -> bool:
        """Whether the next deadline falls within `days` from `today`."""
        return self.next_deadline is not None and self.next_deadline <= today + timedelta(days)


def relation_ids(model: type[models.Model], name: str, owner_ids: Iterable[int]) -> dict:
    """owner id → ids related through the many-to-many field `name`; one query."""
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    owner, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
    related: dict[int, set[int]] = defaultdict(set)
    rows = through.objects.filter(**{f"{owner}_id__in": list(owner_ids)}).values_list(
        f"{owner}_id", f"{target}_id"
    )
    for owner_id, target_id in rows:
        related[owner_id].add(target_id)
    return related


def source_ids(model: type[Page], pages: dict[int, dict]) -> dict[int, int]:
    """page id → id of its German source page (itself when German); at most one query."""
    default_locale_id = Locale.get_default().pk
    sources = {pk: pk for pk, row in pages.items() if row["locale_id"] == default_locale_id}
    keys = {row["translation_key"] for pk, row in pages.items() if pk not in sources}
    if keys:
        by_key = dict(
            model.objects.filter(translation_key__in=keys, locale_id=default_locale_id).values_list(
                "translation_key", "pk"
            )
        )
        for pk, row in pages.items():
            if pk not in sources and row["translation_key"] in by_key:
                sources[pk] = by_key[row["translation_key"]]
    return sources


def _offers(pages: dict[int, dict], documents: dict[int, SearchDocument]) -> None:
    """Facet values of offers: relations of the source, own languages, cost and access."""
    sources = source_ids(m.OfferPage, pages)
    relations = {
        name: relation_ids(m.OfferPage, name, set(sources.values()))
        for name in ("related_action_fields", "target_groups", "districts")
    }
    rows = m.OfferPage.objects.filter(pk__in=pages).values_list(
        "pk", "languages", "cost", "barrier_free"
    )
    for pk, languages, cost, barrier_free in rows:
        source = sources.get(pk, pk)
        documents[pk] = SearchDocument(
            page_id=pk,
            kind="offer",
            published=pages[pk]["first_published_at"],
            action_fields=relations["related_action_fields"].get(source, set()),
            target_groups=relations["target_groups"].get(source, set()),
            districts=relations["districts"].get(source, set()),
            languages=set(languages or []),
            free=cost == Cost.FREE,
            barrier_free=barrier_free,
        )


def _funding(pages: dict[int, dict], documents: dict[int, SearchDocument], today: date) -> None:
    """Facet values of funding sources, with "open now" and the next deadline as of `today`."""
    windows: dict[int, list[ApplicationWindow]] = defaultdict(list)
    for owner, opens, closes, yearly in m.FundingDeadline.objects.filter(
        funding_source_id__in=pages
    ).values_list("funding_source_id", "opens_on", "closes_on", "recurs_yearly"):
        windows[owner].append(ApplicationWindow(closes=closes, opens=opens, recurs_yearly=yearly))
    rows = m.FundingSourcePage.objects.filter(pk__in=pages).values_list(
        "pk", "funder_level", "funding_type", "eligible_applicants", "rolling_applications"
    )
    for pk, level, funding_type, applicants, rolling in rows:
        own = windows.get(pk, [])
        documents[pk] = SearchDocument(
            page_id=pk,
            kind="funding",
            published=pages[pk]["first_published_at"],
            funder_level=level,
            funding_type=funding_type,
            applicants=set(applicants or []),
            open_now=funding_status(own, rolling, today) == FundingStatus.OPEN,
            next_deadline=next_deadline(own, today),
        )


def _measures(pages: dict[int, dict], documents: dict[int, SearchDocument]) -> None:
    """Facet values of measures: the source's action field (its parent) and relations."""
    sources = source_ids(m.MeasurePage, pages)
    source_paths = dict(Page.objects.filter(pk__in=set(sources.values())).values_list("pk", "path"))
    parent_paths = {pk: path[: -Page.steplen] for pk, path in source_paths.items()}
    fields_by_path = dict(
        m.ActionFieldPage.objects.filter(path__in=set(parent_paths.values())).values_list(
            "path", "pk"
        )
    )
    relations = {
        name: relation_ids(m.MeasurePage, name, set(sources.values()))
        for name in ("target_groups", "districts")
    }
    for pk, row in pages.items():
        source = sources.get(pk, pk)
        field_id = fields_by_path.get(parent_paths.get(source, ""))
        documents[pk] = SearchDocument(
            page_id=pk,
            kind="measure",
            published=row["first_published_at"],
            action_fields={field_id} if field_id else set(),
            target_groups=relations["target_groups"].get(source, set()),
            districts=relations["districts"].get(source, set()),
        )


def _action_fields(pages: dict[int, dict], documents: dict[int, SearchDocument]) -> None:
    """An action field is its own (source's) value of the action field facet."""
    sources = source_ids(m.ActionFieldPage, pages)
    for pk, row in pages.items():
        documents[pk] = SearchDocument(
            page_id=pk,
            kind="action_field",
            published=row["first_published_at"],
            action_fields={sources.get(pk, pk)},
        )


def build_documents(page_ids: list[int], today: date) -> dict[int, SearchDocument]:
    """The facet values of the pages `page_ids`; a constant number of queries, no page objects."""
    if not page_ids:
        return {}
    kinds = {
        ContentType.objects.get_for_model(model).pk: kind for model, kind in KIND_BY_MODEL.items()
    }
    by_kind: dict[str, dict[int, dict]] = defaultdict(dict)
    rows = Page.objects.filter(id__in=page_ids).values(
        "pk", "content_type_id", "locale_id", "translation_key", "first_published_at"
    )
    for row in rows:
        if row["content_type_id"] in kinds:
            by_kind[kinds[row["content_type_id"]]][row["pk"]] = row

    documents: dict[int, SearchDocument] = {}
    if by_kind["offer"]:
        _offers(by_kind["offer"], documents)
    if by_kind["funding"]:
        _funding(by_kind["funding"], documents, today)
    if by_kind["measure"]:
        _measures(by_kind["measure"], documents)
    if by_kind["action_field"]:
        _action_fields(by_kind["action_field"], documents)
    for pk, row in by_kind["facts"].items():
        documents[pk] = SearchDocument(
            page_id=pk, kind="facts", published=row["first_published_at"]
        )
    return documents


def attach_pages(documents: list[SearchDocument]) -> list[SearchDocument]:
    """Load the specific page of each document (the hits shown); one query per page type."""
    pages = Page.objects.filter(pk__in=[doc.page_id for doc in documents]).specific()
    by_id = {page.pk: page for page in pages}
    for doc in documents:
        doc.page = by_id.get(doc.page_id)
    return [doc for doc in documents if doc.page is not None]
