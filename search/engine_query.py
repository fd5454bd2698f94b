"""Public search on OpenSearch/Elasticsearch in one request: words, filters, facets, sort, page.

The per-language indexes (`search.engine`) carry each page's `IndexDocument` beside
modelsearch's text fields: ``facet_<name>`` keyword fields for the stored facets,
``search_windows`` (nested application windows), ``search_rolling``, ``search_published``,
``search_kind`` and ``search_page_id``. A search sends one body: the text query (modelsearch's
own compilers, so analyzers and boosts are those of the admin's search), the selections as a
``post_filter`` and one filtered aggregation per facet that applies every selection except the
facet's own, so each facet's counts ignore its own selection. Only the hits of the page shown
come back (page id and kind); the pages themselves are then loaded from the database.
"""

from dataclasses import dataclass, field
from datetime import date

from modelsearch.query import Fuzzy
from wagtail.models import Page

from search.documents import IndexDocument
from search.facets import FACETS, FACETS_BY_NAME, MAX_FACET_VALUES, STORED_FACETS, Facet, Window
from translations.words import QueryWords

WINDOWS = "search_windows"


def facet_field(facet: Facet) -> str:
    """The keyword field holding a stored facet's values."""
    return f"facet_{facet.name}"


ENGINE_PROPERTIES = {
    "search_page_id": {"type": "integer"},
    "search_kind": {"type": "keyword"},
    "search_published": {"type": "date"},
    "search_rolling": {"type": "boolean"},
    WINDOWS: {
        "type": "nested",
        "properties": {"opens": {"type": "date"}, "closes": {"type": "date"}},
    },
    **{facet_field(facet): {"type": "keyword"} for facet in STORED_FACETS},
}


def engine_fields(doc: IndexDocument) -> dict:
    """The fields a page's `IndexDocument` adds to its engine document."""
    return {
        "search_page_id": doc.page_id,
        "search_kind": doc.kind,
        "search_published": doc.published.isoformat() if doc.published else None,
        "search_rolling": doc.rolling,
        WINDOWS: [
            {"opens": opens.isoformat() if opens else None, "closes": closes.isoformat()}
            for opens, closes in doc.windows
        ],
        **{facet_field(facet): sorted(doc.values.get(facet.name, ())) for facet in STORED_FACETS},
    }


@dataclass
class EngineAnswer:
    """What the engine found: totals, the page's hits (page id, kind) and facet counts."""

    total: int
    matched_total: int
    page_number: int
    hits: list[tuple[int, str]]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def condition(facet: Facet, values: list[str], today: date) -> dict:
    """The engine filter for the selection `values` of `facet` on `today`."""
    if facet.stored:
        return {"terms": {facet_field(facet): values}}
    low, high = facet.window_bounds(today)
    closes = {"gte": low.isoformat()}
    if high is not None:
        closes["lte"] = high.isoformat()
    clauses: list[dict] = [{"range": {f"{WINDOWS}.closes": closes}}]
    if facet.window is Window.OPEN_ON:
        clauses.append(
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": {"exists": {"field": f"{WINDOWS}.opens"}}}},
                        {"range": {f"{WINDOWS}.opens": {"lte": today.isoformat()}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    nested = {"nested": {"path": WINDOWS, "query": {"bool": {"filter": clauses}}}}
    if facet.window is Window.OPEN_ON:
        return {
            "bool": {
                "should": [{"term": {"search_rolling": True}}, nested],
                "minimum_should_match": 1,
            }
        }
    return nested


def text_query(backend, words: QueryWords | None) -> dict:
    """Full text matching of the widened words, fuzzy matching of unknown ones, or prefixes.

    The queries are compiled by modelsearch for this backend: full text and `Fuzzy`
    (`fuzziness: AUTO`) on the search fields, prefixes of the words as typed on the
    autocomplete fields.
    """
    if not words:
        return {"match_all": {}}
    pages = Page.objects.all()
    should = [
        backend.query_compiler_class(pages, words.widened, operator="or").get_inner_query(),
        backend.autocomplete_query_compiler_class(pages, words.typed).get_inner_query(),
    ]
    if words.unknown:
        fuzzy = Fuzzy(" ".join(words.unknown))
        should.append(backend.query_compiler_class(pages, fuzzy).get_inner_query())
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _sort(sort: str, words: QueryWords | None, today: date) -> list:
    """The engine's sort clauses; ties by relevance, then newest, then page id."""
    newest = {"search_published": {"order": "desc", "missing": "_last"}}
    relevance = ["_score", newest] if words else [newest]
    relevance.append({"search_page_id": "asc"})
    if sort == "deadline":
        deadline = {
            f"{WINDOWS}.closes": {
                "order": "asc",
                "mode": "min",
                "missing": "_last",
                "nested": {
                    "path": WINDOWS,
                    "filter": {"range": {f"{WINDOWS}.closes": {"gte": today.isoformat()}}},
                },
            }
        }
        return [deadline, *relevance]
    if sort == "newest":
        return [newest, *relevance]
    return relevance


def search_body(
    backend,
    words: QueryWords | None,
    filters: dict[str, list[str]],
    sort: str,
    start: int,
    size: int,
    today: date,
) -> dict:
    """The one request body for a public search."""
    conditions = {
        name: condition(FACETS_BY_NAME[name], values, today) for name, values in filters.items()
    }
    aggs: dict = {"matched": {"filter": {"match_all": {}}}}
    for facet in FACETS:
        others = [c for name, c in conditions.items() if name != facet.name]
        if facet.stored:
            inner = {"terms": {"field": facet_field(facet), "size": MAX_FACET_VALUES}}
        else:
            inner = {"filter": condition(facet, ["1"], today)}
        aggs[facet.name] = {"filter": {"bool": {"filter": others}}, "aggs": {"values": inner}}
    return {
        "query": text_query(backend, words),
        "post_filter": {"bool": {"filter": list(conditions.values())}},
        "aggs": aggs,
        "sort": _sort(sort, words, today),
        "from": start,
        "size": size,
        "track_total_hits": True,
        "_source": ["search_page_id", "search_kind"],
    }


def _send(backend, body: dict) -> dict:
    """Send a search body to the backend's page index (both client generations)."""
    index = backend.get_index_for_model(Page).name
    if backend.use_new_elasticsearch_api:
        return backend.es.search(index=index, **body)
    return backend.es.search(index=index, body=body)


def search_engine(
    backend,
    words: QueryWords | None,
    filters: dict[str, list[str]],
    sort: str,
    page: int,
    page_size: int,
    today: date,
) -> EngineAnswer:
    """Run a public search on an engine backend: one request (two only beyond the last page)."""
    start = (page - 1) * page_size
    body = search_body(backend, words, filters, sort, start, page_size, today)
    response = _send(backend, body)
    total = response["hits"]["total"]["value"]
    page_count = max(1, -(-total // page_size))
    if page > page_count:  # beyond the end: the last page
        page = page_count
        body["from"] = (page - 1) * page_size
        response = _send(backend, body)
    aggregations = response["aggregations"]
    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        values = aggregations[facet.name]["values"]
        if facet.stored:
            found = {bucket["key"]: bucket["doc_count"] for bucket in values["buckets"]}
        else:
            found = {"1": values["doc_count"]} if values["doc_count"] else {}
        if found:
            counts[facet.name] = found
    hits = [
        (hit["_source"]["search_page_id"], hit["_source"]["search_kind"])
        for hit in response["hits"]["hits"]
    ]
    return EngineAnswer(
        total=total,
        matched_total=aggregations["matched"]["doc_count"],
        page_number=page,
        hits=hits,
        counts=counts,
    )
