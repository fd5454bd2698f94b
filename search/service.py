"""Public search: text matching by the configured backend, facets and filters from the database.

1. The search backend finds the pages matching the words (full text plus prefix matching, so
   "Beratung" finds "Beratungsangebote"), restricted to the reader's locale and live pages:
   its translations and the German fallbacks of pages not yet translated (aliases, see
   `translations.fallback`).
   When nothing matches, each word is corrected towards the locale's vocabulary (typos).
2. `search.documents` reads the facet values of the matched pages (page objects only for the
   hits shown).
3. Filters and facet counts are computed here, identically for every backend.
"""

import difflib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from search.backends import with_fallback
from search.documents import SEARCHABLE_MODELS, SearchDocument, attach_pages, build_documents
from search.params import SearchParams

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_MATCHES = 1000
MIN_WORD_LENGTH = 4
MAX_TERMS_LENGTH = 200
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class FacetValue:
    """One choosable value of a facet, with how many results it would leave."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    """Everything the page and the API show for one search."""

    params: SearchParams
    total: int
    page_number: int
    page_count: int
    hits: list[SearchDocument]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    corrected_query: str = ""
    messages: list[str] = field(default_factory=list)


def candidate_pages(locale: Locale):
    """Live, public pages of the searchable types in `locale`."""
    return Page.objects.live().public().filter(locale=locale).type(*SEARCHABLE_MODELS)


def search_terms(query: str) -> str:
    """The words of `query` only: no quotes, operators or brackets reach a search engine.

    SQLite FTS5, PostgreSQL and Lucene each give some characters a meaning (`"`, `*`, `:`,
    `~`, `(` …); people type them by accident, so they are dropped, never interpreted.
    """
    return " ".join(_WORD.findall(query))[:MAX_TERMS_LENGTH]


def _match(query: str, locale: Locale) -> list[int]:
    """Ids of pages matching `query`, best first: full-text hits, then prefix hits."""
    candidates = candidate_pages(locale)
    query = search_terms(query)
    if not query:
        return list(candidates.order_by("-first_published_at", "pk").values_list("pk", flat=True))
    base = Page.objects.live().filter(locale=locale)

    def run(backend) -> list[int]:
        """Ask one backend; the results are read here, inside the fallback guard."""
        ids: dict[int, None] = {}
        for page in backend.search(query, base, operator="or")[:MAX_MATCHES]:
            ids.setdefault(page.pk)
        for page in backend.autocomplete(query, base)[:MAX_MATCHES]:
            ids.setdefault(page.pk)
        return list(ids)

    ids, _backend_kind = with_fallback(locale.language_code, run)
    allowed = set(candidates.filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed]


def vocabulary(locale: Locale) -> dict[str, str]:
    """Words of the titles in `locale` (lower case → as written): what typos are corrected to."""
    words: dict[str, str] = {}
    for title in candidate_pages(locale).values_list("title", flat=True):
        for word in _WORD.findall(title):
            if len(word) >= MIN_WORD_LENGTH:
                words.setdefault(word.lower(), word)
    return words


def correct_query(query: str, words: dict[str, str]) -> str:
    """Replace each unknown word by the closest known one (one or two typos), if any."""
    corrected = []
    for word in query.split():
        lower = word.lower()
        if len(lower) < MIN_WORD_LENGTH or lower in words:
            corrected.append(word)
            continue
        close = difflib.get_close_matches(lower, list(words), n=1, cutoff=0.8)
        corrected.append(words[close[0]] if close else word)
    return " ".join(corrected)


def _failed_filters(doc: SearchDocument, params: SearchParams, today: date) -> set[str]:
    """The names of the active filters `doc` does not satisfy."""
    checks = {
        "type": not params.kinds or doc.kind in params.kinds,
        "action_field": not params.action_fields
        or not doc.action_fields.isdisjoint(params.action_fields),
        "target_group": not params.target_groups
        or not doc.target_groups.isdisjoint(params.target_groups),
        "district": not params.districts or not doc.districts.isdisjoint(params.districts),
        "language": not params.languages or not doc.languages.isdisjoint(params.languages),
        "free": not params.free or doc.free,
        "barrier_free": not params.barrier_free or doc.barrier_free,
        "funder_level": not params.funder_levels or doc.funder_level in params.funder_levels,
        "funding_type": not params.funding_types or doc.funding_type in params.funding_types,
        "applicant": not params.applicants or not doc.applicants.isdisjoint(params.applicants),
        "open_now": not params.open_now or doc.open_now,
        "deadline_soon": not params.deadline_soon or doc.deadline_within(today),
    }
    return {name for name, ok in checks.items() if not ok}


def _facet_values(doc: SearchDocument, today: date) -> dict[str, set]:
    """The values `doc` contributes to each facet."""
    return {
        "type": {doc.kind},
        "action_field": {str(v) for v in doc.action_fields},
        "target_group": {str(v) for v in doc.target_groups},
        "district": {str(v) for v in doc.districts},
        "language": doc.languages,
        "free": {"1"} if doc.free else set(),
        "barrier_free": {"1"} if doc.barrier_free else set(),
        "funder_level": {doc.funder_level} if doc.funder_level else set(),
        "funding_type": {doc.funding_type} if doc.funding_type else set(),
        "applicant": doc.applicants,
        "open_now": {"1"} if doc.open_now else set(),
        "deadline_soon": {"1"} if doc.deadline_within(today) else set(),
    }


def _sort(docs: list[SearchDocument], sort: str) -> list[SearchDocument]:
    """Order hits: relevance keeps the backend's order."""
    if sort == "deadline":
        return sorted(docs, key=lambda d: (d.next_deadline is None, d.next_deadline or date.max))
    if sort == "newest":
        return sorted(
            docs, key=lambda d: d.published.timestamp() if d.published else 0, reverse=True
        )
    return docs


def run_search(params: SearchParams, locale: Locale, today: date, labels) -> SearchOutcome:
    """Search `locale` with `params`; `labels(facet, values)` names facet values for display."""
    messages = []
    if params.truncated:
        messages.append(_("Your search was very long; only its beginning was used."))
    if params.query and not search_terms(params.query):
        messages.append(_("Please enter a word to search for."))
        return SearchOutcome(
            params=params, total=0, page_number=1, page_count=1, hits=[], messages=messages
        )
    ids = _match(params.query, locale)
    corrected = ""
    if params.query and not ids:
        suggestion = correct_query(params.query, vocabulary(locale))
        if suggestion.lower() != params.query.lower():
            ids = _match(suggestion, locale)
            if ids:
                corrected = suggestion
    documents = build_documents(ids, today)
    ranked = [documents[pk] for pk in ids if pk in documents]
    hits = []
    counters: dict[str, Counter] = {}
    for doc in ranked:
        failed = _failed_filters(doc, params, today)
        if not failed:
            hits.append(doc)
        if len(failed) > 1:
            continue  # excluded whichever single facet's selection were dropped
        # A facet's counts ignore its own selection: a document failing only that filter
        # still counts towards the facet's other values.
        for facet, values in _facet_values(doc, today).items():
            if not failed or facet in failed:
                counters.setdefault(facet, Counter()).update(values)
    selected = {
        name: {str(v) for v in (val if isinstance(val, list) else ["1"])}
        for name, val in params.facet_filters().items()
    }
    facets = {}
    for facet, counter in counters.items():
        if not counter:
            continue  # no value to choose: do not show an empty facet
        names = labels(facet, list(counter))
        facets[facet] = sorted(
            (
                FacetValue(
                    value, names.get(value, value), count, value in selected.get(facet, set())
                )
                for value, count in counter.items()
            ),
            key=lambda fv: (-fv.count, fv.label),
        )

    paginator = Paginator(_sort(hits, params.sort), PAGE_SIZE)
    page = paginator.get_page(params.page)  # beyond the end: the last page
    return SearchOutcome(
        params=params,
        total=paginator.count,
        page_number=page.number,
        page_count=paginator.num_pages,
        hits=attach_pages(list(page.object_list)),
        facets=facets,
        corrected_query=corrected,
        messages=messages,
    )


def suggestions(query: str, locale: Locale, limit: int) -> list[Page]:
    """Pages whose title starts with (a word starting with) `query`, for autocomplete."""
    query = search_terms(query)
    if not query:
        return []
    base = Page.objects.live().filter(locale=locale)
    pages, _backend_kind = with_fallback(
        locale.language_code, lambda backend: list(backend.autocomplete(query, base)[: limit * 3])
    )
    ok = set(
        candidate_pages(locale).filter(pk__in=[p.pk for p in pages]).values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in ok][:limit]
