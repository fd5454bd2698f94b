"""What public search stores about each page: its kind, dates and the values of every facet.

Built when a page is indexed (`search.store` for the database, `search.engine` for the engine's
per-language indexes), in a constant number of queries however many pages, from plain rows
(`values_list`), never page objects. Relations (districts, target groups, action fields) come
from the German source page, like everywhere else on the site, and are identified by the
source object's id, so a facet link means the same thing in every language. The stored facets
are named as in `search.facets`; "open now" and "deadline soon" depend on the day of the
search, so the application windows are stored instead (yearly ones expanded
`WINDOW_YEARS_AHEAD` years ahead) and compared with that day when searching.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Locale, Page, PageViewRestriction

from search.facets import KIND_LABELS
from site_pages import models as m
from site_pages.choices import Cost
from site_pages.funding_windows import ApplicationWindow, current_occurrence, next_deadline

KIND_BY_MODEL = {
    m.OfferPage: "offer",
    m.FundingSourcePage: "funding",
    m.MeasurePage: "measure",
    m.ActionFieldPage: "action_field",
    m.FactsPage: "facts",
}
assert set(KIND_BY_MODEL.values()) == set(KIND_LABELS)
SEARCHABLE_MODELS = list(KIND_BY_MODEL)
WINDOW_YEARS_AHEAD = 10


@dataclass
class IndexDocument:
    """One searchable page as search stores it: stored facet values and application windows."""

    page_id: int
    locale_id: int
    kind: str
    published: datetime | None
    values: dict[str, set[str]] = field(default_factory=dict)
    windows: list[tuple[date | None, date]] = field(default_factory=list)
    rolling: bool = False

    def add(self, facet: str, values: Iterable) -> None:
        """Store `values` (ids or codes; empty ones skipped) for the facet named `facet`."""
        kept = {str(v) for v in values if v not in (None, "", False)}
        if kept:
            self.values.setdefault(facet, set()).update(kept)


@dataclass
class SearchHit:
    """One result shown: its page (specific), kind, and next deadline for funding."""

    page: Page
    kind: str
    next_deadline: date | None = None


def expand_windows(windows: Iterable[ApplicationWindow], today: date) -> list[tuple]:
    """Every occurrence (opens, closes) of `windows` up to `WINDOW_YEARS_AHEAD` years ahead."""
    horizon = today.year + WINDOW_YEARS_AHEAD
    occurrences = []
    for window in windows:
        occurrences.append((window.opens, window.closes))
        if not window.recurs_yearly:
            continue
        day = window.closes
        while day.year < horizon:
            day = date(day.year + 1, 1, 1)  # the first day of the next year…
            shifted = current_occurrence(window, day)  # …whose occurrence closes that year
            if shifted is None or shifted.closes.year > horizon:
                break
            occurrences.append((shifted.opens, shifted.closes))
            day = shifted.closes
    return sorted(set(occurrences), key=lambda w: (w[1], w[0] or date.min))


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


def _document(pk: int, row: dict, kind: str) -> IndexDocument:
    """The bare document of a page row, before its facet values."""
    return IndexDocument(
        page_id=pk, locale_id=row["locale_id"], kind=kind, published=row["first_published_at"]
    )


def _offers(pages: dict[int, dict], documents: dict[int, IndexDocument]) -> None:
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
        doc = documents[pk] = _document(pk, pages[pk], "offer")
        doc.add("action_field", relations["related_action_fields"].get(source, ()))
        doc.add("target_group", relations["target_groups"].get(source, ()))
        doc.add("district", relations["districts"].get(source, ()))
        doc.add("language", languages or ())
        doc.add("free", ["1"] if cost == Cost.FREE else ())
        doc.add("barrier_free", ["1"] if barrier_free else ())


def _funding(pages: dict[int, dict], documents: dict[int, IndexDocument], today: date) -> None:
    """Facet values of funding sources and their application windows (as of `today`)."""
    windows: dict[int, list[ApplicationWindow]] = defaultdict(list)
    for owner, opens, closes, yearly in m.FundingDeadline.objects.filter(
        funding_source_id__in=pages
    ).values_list("funding_source_id", "opens_on", "closes_on", "recurs_yearly"):
        windows[owner].append(ApplicationWindow(closes=closes, opens=opens, recurs_yearly=yearly))
    rows = m.FundingSourcePage.objects.filter(pk__in=pages).values_list(
        "pk", "funder_level", "funding_type", "eligible_applicants", "rolling_applications"
    )
    for pk, level, funding_type, applicants, rolling in rows:
        doc = documents[pk] = _document(pk, pages[pk], "funding")
        doc.add("funder_level", [level])
        doc.add("funding_type", [funding_type])
        doc.add("applicant", applicants or ())
        doc.windows = expand_windows(windows.get(pk, []), today)
        doc.rolling = rolling


def _measures(pages: dict[int, dict], documents: dict[int, IndexDocument]) -> None:
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
        doc = documents[pk] = _document(pk, row, "measure")
        doc.add("action_field", [field_id])
        doc.add("target_group", relations["target_groups"].get(source, ()))
        doc.add("district", relations["districts"].get(source, ()))


def _action_fields(pages: dict[int, dict], documents: dict[int, IndexDocument]) -> None:
    """An action field is its own (source's) value of the action field facet."""
    sources = source_ids(m.ActionFieldPage, pages)
    for pk, row in pages.items():
        doc = documents[pk] = _document(pk, row, "action_field")
        doc.add("action_field", [sources.get(pk, pk)])


def restricted_paths() -> list[str]:
    """Paths of the pages with a view restriction (their subtrees are not public); one query."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def index_documents(page_ids: Iterable[int], today: date) -> dict[int, IndexDocument]:
    """Documents of the live, public, searchable pages among `page_ids`; constant queries.

    Pages missing from the answer do not belong in public search (drafts, private pages, other
    types): an index drops them.
    """
    page_ids = list(page_ids)
    if not page_ids:
        return {}
    kinds = {
        ContentType.objects.get_for_model(model).pk: kind for model, kind in KIND_BY_MODEL.items()
    }
    private = restricted_paths()
    by_kind: dict[str, dict[int, dict]] = defaultdict(dict)
    rows = Page.objects.filter(id__in=page_ids, live=True, content_type_id__in=kinds).values(
        "pk", "path", "content_type_id", "locale_id", "translation_key", "first_published_at"
    )
    for row in rows:
        if not any(row["path"].startswith(path) for path in private):
            by_kind[kinds[row["content_type_id"]]][row["pk"]] = row

    documents: dict[int, IndexDocument] = {}
    if by_kind["offer"]:
        _offers(by_kind["offer"], documents)
    if by_kind["funding"]:
        _funding(by_kind["funding"], documents, today)
    if by_kind["measure"]:
        _measures(by_kind["measure"], documents)
    if by_kind["action_field"]:
        _action_fields(by_kind["action_field"], documents)
    for pk, row in by_kind["facts"].items():
        documents[pk] = _document(pk, row, "facts")
    for doc in documents.values():
        doc.add("type", [doc.kind])
    return documents


def load_hits(ranked: list[tuple[int, str]], today: date) -> list[SearchHit]:
    """The specific pages of the hits shown (page id, kind), with funding's next deadline.

    One query per page type plus two; a page gone, unpublished or restricted since it was
    indexed (an engine that was down missed it) is left out.
    """
    private = restricted_paths()
    pages = Page.objects.live().filter(pk__in=[pk for pk, _kind in ranked]).specific()
    by_id = {
        page.pk: page for page in pages if not any(page.path.startswith(path) for path in private)
    }
    windows: dict[int, list[ApplicationWindow]] = defaultdict(list)
    funding = [pk for pk, kind in ranked if kind == "funding"]
    if funding:
        for owner, opens, closes, yearly in m.FundingDeadline.objects.filter(
            funding_source_id__in=funding
        ).values_list("funding_source_id", "opens_on", "closes_on", "recurs_yearly"):
            windows[owner].append(
                ApplicationWindow(closes=closes, opens=opens, recurs_yearly=yearly)
            )
    return [
        SearchHit(by_id[pk], kind, next_deadline(windows[pk], today) if pk in windows else None)
        for pk, kind in ranked
        if pk in by_id
    ]
