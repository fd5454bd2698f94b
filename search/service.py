"""Public search: words matched, then filters, facet counts, sorting and the page, per backend.

- With an engine: one request per search (`search.engine_query`) does it all.
- Without one (or while it is down): the database's text search (SQLite FTS5 or PostgreSQL)
  finds the pages matching the words, and the facet store (`search.store`) filters, counts,
  sorts and pages in SQL.

Both read the same facet definitions (`search.facets`) and the same stored documents
(`search.documents`), and give the same results and counts. Only live, public pages of the
reader's locale are indexed: its translations and the German fallbacks of pages not yet
translated (aliases, see `translations.fallback`). Queries are widened by the locale's
synonyms (`search.synonyms`) and by the same word forms (stems, normalised spellings) that
pages are indexed with (`translations.words`). If that finds nothing, the words that are neither
the site's nor the language's (typos, `search.vocabulary`) are matched fuzzily in a second
try — by the engine, by trigrams on PostgreSQL, and on every backend through the site's
closest words — and a "did you mean" link is offered; the query itself is never replaced.
Only the hits shown are loaded as pages.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.search_backends import FUZZY_SIMILARITY
from search.backends import with_fallback
from search.documents import SEARCHABLE_MODELS, SearchHit, load_hits
from search.engine_query import search_engine
from search.facets import FACETS, facet_labels
from search.params import SearchParams
from search.similar_words import similar_words
from search.store import search_store
from search.synonyms import with_synonyms
from search.vocabulary import close_words, did_you_mean, unknown_words
from translations.words import QueryWords, query_word_forms

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_MATCHES = 1000
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
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggested_query: str = ""
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


def query_words(terms: str, locale: Locale, typos: list[str] | None = None) -> QueryWords:
    """Widen `terms` by synonyms and word forms, and `typos` by the closest words known.

    Closest words: the site's title words (every backend) and, on PostgreSQL, the corpus's
    words by trigram similarity (`search.similar_words`).
    """
    typos = typos or []
    close = [word for typo in typos for word in close_words(typo, locale.pk)]
    close += [word for typo in typos for word in similar_words(typo, FUZZY_SIMILARITY)]
    widened = " ".join([with_synonyms(terms, locale.pk), *close])
    return QueryWords(terms, query_word_forms(widened, locale.language_code), typos)


def _ids(results) -> list[int]:
    """Page ids of a database backend's results, best first, without building the pages.

    A page object costs far more than its id (modelcluster sets up its child relations):
    reading ids only saves ~90 ms per search at 10,000 pages on PostgreSQL.
    """
    return list(results.get_queryset().values_list("pk", flat=True))


def _matched_ids(backend, words: QueryWords, locale: Locale) -> list[int]:
    """Ids of pages matching on a database backend, best first: full text, fuzzy, prefix.

    Full text matches the widened words (with a typo's closest words, `query_words`);
    prefixes come from the words as typed.
    """
    base = Page.objects.live().filter(locale=locale)
    ids: dict[int, None] = {}
    for pk in _ids(backend.search(words.widened, base, operator="or")[:MAX_MATCHES]):
        ids.setdefault(pk)
    for pk in _ids(backend.autocomplete(words.typed, base)[:MAX_MATCHES]):
        ids.setdefault(pk)
    return list(ids)


def _answer(terms: str, params: SearchParams, locale: Locale, today: date, typos=None):
    """Ask the engine (one request) or the database and the facet store; same answer shape.

    `typos` are words to match fuzzily as well (the second try of a search that found
    nothing).
    """
    words = query_words(terms, locale, typos) if terms else None

    def run(backend):
        """Search on one backend; the results are read here, inside the fallback guard."""
        if hasattr(backend, "es"):
            return search_engine(
                backend, words, params.filters, params.sort, params.page, PAGE_SIZE, today
            )
        matched = _matched_ids(backend, words, locale) if words else None
        return search_store(
            params.filters, locale.pk, matched, params.sort, params.page, PAGE_SIZE, today
        )

    answer, _backend_kind = with_fallback(locale.language_code, run)
    return answer


def _facets(counts: dict[str, dict[str, int]], params: SearchParams) -> dict:
    """Facet values with counts and labels, in registry order; most frequent first."""
    facets = {}
    for facet in FACETS:
        counted = counts.get(facet.name)
        if not counted:
            continue  # no value to choose: do not show an empty facet
        labels = facet_labels(facet.name, list(counted))
        selected = set(params.filters.get(facet.name, ()))
        values = [
            FacetValue(value, labels[value], count, value in selected)
            for value, count in counted.items()
            if value in labels  # a district or field deleted since indexing
        ]
        if values:
            facets[facet.name] = sorted(values, key=lambda fv: (-fv.count, fv.label))
    return facets


def run_search(params: SearchParams, locale: Locale, today: date) -> SearchOutcome:
    """Search `locale` with `params` on `today` (for "open now" and deadlines)."""
    messages = []
    if params.truncated:
        messages.append(_("Your search was very long; only its beginning was used."))
    terms = search_terms(params.query)
    if params.query and not terms:
        messages.append(_("Please enter a word to search for."))
        return SearchOutcome(
            params=params, total=0, page_number=1, page_count=1, hits=[], messages=messages
        )
    answer = _answer(terms, params, locale, today)
    suggested = ""
    if terms and not answer.matched_total:
        typos = unknown_words(terms, locale.language_code, locale.pk)
        if typos:  # real words that find nothing are not changed into others
            answer = _answer(terms, params, locale, today, typos)
            suggested = did_you_mean(terms, locale.language_code, locale.pk)
    return SearchOutcome(
        params=params,
        total=answer.total,
        page_number=answer.page_number,
        page_count=max(1, -(-answer.total // PAGE_SIZE)),
        hits=load_hits(answer.hits, today),
        facets=_facets(answer.counts, params),
        suggested_query=suggested,
        messages=messages,
    )


def suggestions(query: str, locale: Locale, limit: int) -> list[Page]:
    """Pages whose title starts with (a word starting with) `query`, for autocomplete."""
    query = search_terms(query)
    if not query:
        return []
    base = Page.objects.live().filter(locale=locale)  # the pages shown: title and URL
    pages, _backend_kind = with_fallback(
        locale.language_code, lambda backend: list(backend.autocomplete(query, base)[: limit * 3])
    )
    ok = set(
        candidate_pages(locale).filter(pk__in=[p.pk for p in pages]).values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in ok][:limit]
