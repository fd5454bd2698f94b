"""Database search's facet store: filters, facet counts, sorting and pages in SQL.

`FacetStoreBackend` is a search backend in ``WAGTAILSEARCH_BACKENDS`` ("facets") that stores
no text: Wagtail keeps it current like any other backend (saving, publishing, deleting,
``update_index``), and it writes each live, public, searchable page's `IndexDocument` as rows
(`SearchEntry`, `SearchFacetValue`, `SearchWindow`). The database's text search (SQLite FTS5
or PostgreSQL) finds the pages matching the words; `search_store` then filters, counts every
facet (each ignoring its own selection), sorts and cuts the page in a constant number of SQL
queries, the same on SQLite and PostgreSQL, with no work per matched page in Python.
"""

import functools
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    Func,
    IntegerField,
    Min,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from modelsearch.backends.base import BaseIndex, BaseSearchBackend

from search.documents import SEARCHABLE_MODELS, index_documents
from search.facets import FACETS_BY_NAME, Facet, Window
from search.models import SearchEntry, SearchFacetValue, SearchWindow


def write_entries(page_ids: list[int], today: date | None = None) -> int:
    """(Re)write the entries of `page_ids`; pages not (or no longer) public lose theirs."""
    today = today or timezone.localdate()
    documents = index_documents(page_ids, today)
    now = timezone.now()
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=page_ids).delete()
        SearchEntry.objects.bulk_create(
            SearchEntry(
                page_id=doc.page_id,
                locale_id=doc.locale_id,
                kind=doc.kind,
                published=doc.published,
                rolling=doc.rolling,
                indexed_at=now,
            )
            for doc in documents.values()
        )
        SearchFacetValue.objects.bulk_create(
            SearchFacetValue(entry_id=doc.page_id, facet=facet, value=value)
            for doc in documents.values()
            for facet, values in doc.values.items()
            for value in values
        )
        SearchWindow.objects.bulk_create(
            SearchWindow(entry_id=doc.page_id, opens=opens, closes=closes)
            for doc in documents.values()
            for opens, closes in doc.windows
        )
    return len(documents)


class FacetStoreIndex(BaseIndex):
    """The facet store as a Wagtail search index: one row set per public searchable page."""

    def add_items(self, model, items) -> None:
        """Write the entries of `items` (only the searchable page types are looked at)."""
        if model in SEARCHABLE_MODELS:
            write_entries([item.pk for item in items])

    def delete_item(self, item) -> None:
        """Drop the entry of `item` (a deleted page's rows also go by cascade)."""
        SearchEntry.objects.filter(page_id=item.pk).delete()

    def reset(self) -> None:
        """Empty the store."""
        SearchEntry.objects.all().delete()


class FacetStoreRebuilder:
    """`update_index`: rewrite every entry, then drop the ones not rewritten; never empty."""

    def __init__(self, index: FacetStoreIndex):
        self.index = index
        self.started = timezone.now()

    def start(self) -> FacetStoreIndex:
        """Begin the rebuild (entries stay searchable meanwhile)."""
        self.started = timezone.now()
        return self.index

    def finish(self) -> None:
        """Remove entries of pages the rebuild did not write (gone or no longer public)."""
        SearchEntry.objects.filter(indexed_at__lt=self.started).delete()


class FacetStoreBackend(BaseSearchBackend):
    """A search backend that only keeps the facet store current; it answers no text query."""

    index_class = FacetStoreIndex
    rebuilder_class = FacetStoreRebuilder

    def __init__(self, params):
        super().__init__(params)

    def search(self, *args, **kwargs):
        """Text search is the database backend's job, not the store's."""
        raise NotImplementedError("The facet store answers no text queries; see search.store.")

    autocomplete = search


SearchBackend = FacetStoreBackend


@dataclass
class StoreAnswer:
    """What the store found: the total, the page's hits (page id, kind) and facet counts."""

    total: int
    matched_total: int
    page_number: int
    hits: list[tuple[int, str]]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _satisfies(facet: Facet, values: list[str], today: date) -> Q:
    """The condition on `SearchEntry` for matching the selection `values` of `facet`."""
    if facet.stored:
        chosen = SearchFacetValue.objects.filter(facet=facet.name, value__in=values)
        return Q(pk__in=chosen.values("entry_id"))
    low, high = facet.window_bounds(today)
    windows = SearchWindow.objects.filter(closes__gte=low)
    if high is not None:
        windows = windows.filter(closes__lte=high)
    if facet.window is Window.OPEN_ON:
        windows = windows.filter(Q(opens__isnull=True) | Q(opens__lte=today))
        return Q(rolling=True) | Q(pk__in=windows.values("entry_id"))
    return Q(pk__in=windows.values("entry_id"))


def _all_but(conditions: dict[str, Q], name: str | None) -> Q:
    """Every active condition except the one of facet `name`."""
    combined = Q()
    for other, condition in conditions.items():
        if other != name:
            combined &= condition
    return combined


class IsAmong(Func):
    """`column = ANY(ids)`: one array parameter for any number of ids (PostgreSQL).

    `pk__in` binds one parameter per id; with 1,000 matched pages that costs Django and
    psycopg ~30 ms per search to build and parse, in each of the store's queries.
    """

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        """`(column = ANY(%s))` with the ids as one array."""
        column, column_params = compiler.compile(self.source_expressions[0])
        ids, ids_params = compiler.compile(self.source_expressions[1])
        return f"({column} = ANY({ids}))", [*column_params, *ids_params]


@functools.cache
def _id_array_field():
    """An integer array field whose values go to psycopg as they are (built once).

    Django's `ArrayField` would prepare each element through `IntegerField` (1,000 calls per
    array, several arrays per search); the ids are ints from the database already.
    """
    from django.contrib.postgres.fields import ArrayField

    class IdArray(ArrayField):
        """An integer array whose value needs no per-element preparation."""

        def get_db_prep_value(self, value, connection, prepared=False):
            """The list itself: psycopg sends a list of ints as an integer array."""
            return list(value)

    return IdArray(IntegerField())


def _id_array(ids: list[int]) -> Value:
    """`ids` as one PostgreSQL integer array parameter."""
    return Value(ids, output_field=_id_array_field())


def _among(matched: list[int]) -> Q:
    """The entries whose page is one of `matched`."""
    if connection.vendor == "postgresql":
        return Q(IsAmong(F("pk"), _id_array(matched)))
    return Q(pk__in=matched)


def _rank(matched: list[int] | None):
    """Relevance as SQL: the position in the text backend's answer, else newest first."""
    if matched is None:
        return [F("published").desc(nulls_last=True), "pk"]
    if connection.vendor == "postgresql":
        # One array parameter; a CASE of 1,000 branches costs Django ~0.2 s to compile.
        position = Func(
            _id_array(matched),
            F("pk"),
            function="array_position",
            output_field=IntegerField(),
        )
        return [position, "pk"]
    position = Case(
        *(When(pk=pk, then=Value(i)) for i, pk in enumerate(matched)),
        output_field=IntegerField(),
    )
    return [position, "pk"]


def _ordered(entries: QuerySet, sort: str, matched: list[int] | None, today: date) -> QuerySet:
    """Hits in the order asked for; ties in relevance order."""
    relevance = _rank(matched)
    if sort == "deadline":
        entries = entries.annotate(
            next_deadline=Min("windows__closes", filter=Q(windows__closes__gte=today))
        )
        return entries.order_by(F("next_deadline").asc(nulls_last=True), *relevance)
    if sort == "newest":
        return entries.order_by(F("published").desc(nulls_last=True), *relevance)
    return entries.order_by(*relevance)


def search_store(
    filters: dict[str, list[str]],
    locale_id: int,
    matched: list[int] | None,
    sort: str,
    page: int,
    page_size: int,
    today: date,
) -> StoreAnswer:
    """Filter, count, sort and paginate the entries of a locale (all, or `matched` ids).

    At most five queries whatever the number of pages: the totals (with and without the
    selections), the page of hits, the stored facets' counts (one grouped query) and the
    time-dependent facets' counts (one aggregate).
    """
    entries = SearchEntry.objects.filter(locale_id=locale_id)
    if matched is not None:
        entries = entries.filter(_among(matched))
    conditions = {
        name: _satisfies(FACETS_BY_NAME[name], values, today) for name, values in filters.items()
    }
    hits = entries.filter(_all_but(conditions, None))
    total = hits.count()
    matched_total = entries.count() if conditions else total
    page_count = max(1, -(-total // page_size))
    page = min(page, page_count)  # beyond the end: the last page
    start = (page - 1) * page_size
    shown = list(
        _ordered(hits, sort, matched, today).values_list("pk", "kind")[start : start + page_size]
    )

    counts: dict[str, dict[str, int]] = {}
    # A value row counts when its entry passes every active filter except its own facet's.
    rows = SearchFacetValue.objects.filter(entry__in=entries.values("pk"))
    for name, condition in conditions.items():
        passing = SearchEntry.objects.filter(condition).values("pk")
        rows = rows.filter(Q(facet=name) | Q(entry_id__in=passing))
    for facet, value, count in (
        rows.values("facet", "value")
        .annotate(count=Count("entry_id"))
        .values_list("facet", "value", "count")
    ):
        counts.setdefault(facet, {})[value] = count
    timed = {
        name: Count("pk", filter=_all_but(conditions, name) & _satisfies(facet, ["1"], today))
        for name, facet in FACETS_BY_NAME.items()
        if not facet.stored
    }
    for name, count in entries.aggregate(**timed).items():
        if count:
            counts[name] = {"1": count}
    return StoreAnswer(
        total=total, matched_total=matched_total, page_number=page, hits=shown, counts=counts
    )
