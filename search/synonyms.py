"""Editor-managed synonyms, applied to queries on every backend at search time.

Each locale has its own synonym sets (`search.models.SynonymSet`). A query containing a word
or phrase of a set is widened by the set's other words ("or" search), so a change is live on
the next search, with no reindexing. The sets of a locale are cached and dropped from the
cache whenever one is saved or deleted.
"""

import re

from django.core.cache import cache

from search.caching import cache_key

CACHE_SECONDS = 24 * 60 * 60
MAX_ADDED_WORDS = 20


def synonym_sets(locale_id: int) -> list[list[str]]:
    """The lower-case synonym sets of a locale, from the cache when it has them."""
    key = cache_key("synonyms", locale_id)
    sets = cache.get(key)
    if sets is None:
        from site_pages.models import SynonymSet

        sets = [
            [word.lower() for word in synonym_set.words()]
            for synonym_set in SynonymSet.objects.filter(locale_id=locale_id).order_by("pk")
        ]
        cache.set(key, sets, CACHE_SECONDS)
    return sets


def forget_synonyms(sender, instance, **kwargs) -> None:
    """A synonym set changed: the next search reads its locale's sets afresh."""
    cache.delete(cache_key("synonyms", instance.locale_id))


def _contains(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def with_synonyms(terms: str, locale_id: int) -> str:
    """`terms` followed by the synonyms of the words and phrases it contains."""
    lower = terms.lower()
    added: list[str] = []
    for words in synonym_sets(locale_id):
        if any(_contains(lower, word) for word in words):
            added += [word for word in words if not _contains(lower, word)]
    added = list(dict.fromkeys(added))[:MAX_ADDED_WORDS]
    return " ".join([terms, *added]) if added else terms
