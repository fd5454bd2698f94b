"""Typos: which words of a query are unknown, and what the reader probably meant.

A word is *known* if it is a word of the locale's vocabulary (the words of its searchable
page titles, at most `MAX_WORDS`, cached per locale and dropped when a page changes) or of
the language's dictionary (`pyspellchecker`'s word frequency lists for de, en, ar, fa and
ru). Only unknown words are matched fuzzily and get a "did you mean" suggestion: a real word
that finds nothing ("سباحة", swimming) is never turned into a different one ("ساحة", square).
"""

import difflib
import re
from functools import lru_cache

from django.core.cache import cache

from search.caching import cache_key

MIN_WORD_LENGTH = 4
MAX_WORDS = 5000
MAX_CLOSE_WORDS = 2
SIMILARITY = 0.8
CACHE_SECONDS = 6 * 60 * 60
DICTIONARY_LANGUAGES = {"de", "en", "ar", "fa", "ru"}

_WORD = re.compile(r"\w+", re.UNICODE)


def vocabulary(locale_id: int) -> dict[str, str]:
    """The locale's title words (lower case → as written), most frequent first, cached."""
    key = cache_key("vocabulary", locale_id)
    words = cache.get(key)
    if words is None:
        words = _build(locale_id)
        cache.set(key, words, CACHE_SECONDS)
    return words


def _build(locale_id: int) -> dict[str, str]:
    """Count the title words of the locale's live, public, searchable pages; keep the top."""
    from collections import Counter

    from wagtail.models import Page

    from search.documents import SEARCHABLE_MODELS

    titles = (
        Page.objects.live()
        .public()
        .filter(locale_id=locale_id)
        .type(*SEARCHABLE_MODELS)
        .values_list("title", flat=True)
    )
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    for title in titles.iterator():
        for word in _WORD.findall(title):
            if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                counts[word.lower()] += 1
                written.setdefault(word.lower(), word)
    return {word: written[word] for word, _count in counts.most_common(MAX_WORDS)}


def forget_vocabularies(locale_ids) -> None:
    """Pages of these locales changed: their vocabularies are built afresh when next needed."""
    cache.delete_many([cache_key("vocabulary", locale_id) for locale_id in locale_ids])


@lru_cache(maxsize=len(DICTIONARY_LANGUAGES))
def _dictionary(language_code: str):
    """The language's word list from pyspellchecker, loaded once per process."""
    from spellchecker import SpellChecker

    return SpellChecker(language=language_code, case_sensitive=False, distance=1)


def is_known(word: str, language_code: str, words: dict[str, str]) -> bool:
    """Whether `word` is a word of the site's vocabulary or of the language (not a typo)."""
    lower = word.lower()
    if len(lower) < MIN_WORD_LENGTH or not lower.isalpha() or lower in words:
        return True
    return language_code in DICTIONARY_LANGUAGES and lower in _dictionary(language_code)


def unknown_words(terms: str, language_code: str, locale_id: int) -> list[str]:
    """The words of `terms` that are neither the site's nor the language's: likely typos."""
    words = vocabulary(locale_id)
    return [word for word in terms.split() if not is_known(word, language_code, words)]


def close_words(word: str, locale_id: int) -> list[str]:
    """The vocabulary's words closest to an unknown `word` (one or two typos), best first."""
    words = vocabulary(locale_id)
    close = difflib.get_close_matches(word.lower(), list(words), MAX_CLOSE_WORDS, SIMILARITY)
    return [words[match] for match in close]


def did_you_mean(terms: str, language_code: str, locale_id: int) -> str:
    """`terms` with each unknown word replaced by its closest known word; "" if none is."""
    unknown = set(unknown_words(terms, language_code, locale_id))
    suggested = []
    for word in terms.split():
        close = close_words(word, locale_id) if word in unknown else []
        suggested.append(close[0] if close else word)
    suggestion = " ".join(suggested)
    return suggestion if suggestion.lower() != terms.lower() else ""
