"""Cache keys of public search's per-locale data (synonyms, vocabulary), with a generation.

A key carries the current generation, so `forget_all` drops every locale's cached data at
once by starting a new generation (tests do this before each test; the database they ran
against is gone, its locale ids may mean other languages next time).
"""

from django.core.cache import cache

GENERATION_KEY = "search:generation"


def cache_key(kind: str, locale_id: int) -> str:
    """The cache key of a locale's `kind` of search data in the current generation."""
    generation = cache.get_or_set(GENERATION_KEY, 1, timeout=None)
    return f"search:{kind}:{generation}:{locale_id}"


def forget_all() -> None:
    """Start a new generation: every locale's cached search data is read afresh."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION_KEY, 1, timeout=None)
