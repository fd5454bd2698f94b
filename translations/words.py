"""Word forms that make German compounds, inflections and Arabic-script spellings findable.

Search backends differ in what they know about a language: OpenSearch has German, Arabic and
Persian analyzers, PostgreSQL stems German but never splits compounds, SQLite's FTS5 only
splits words at spaces. So each searchable page carries one more indexed field,
`search_word_forms`, computed here at index time, and each query is widened the same way
(`query_word_forms`) before it reaches any backend:

- German: the Snowball stem of every word ("Arbeitgebern" and "Arbeitgeber" → "arbeitgeb"),
  and the parts of compound nouns with their stems ("Sprachkurs" → "Kurs kurs"), split with
  the noun dictionary of `german-nouns` (Wiktionary, CC BY-SA 4.0). A part is kept only
  where its stem is found in the word in order, so dictionary accidents ("Kindertagesstätte"
  → "Inder") stay out.
- English, Romanian, Russian and Turkish: the Snowball stem of every word.
- Arabic and Farsi: the spellings normalised as OpenSearch's normalisation filters do
  (alef and yeh variants, teh marbuta, diacritics, tatweel; the zero-width non-joiner both
  as a space and joined).

The dictionary takes about 1.7 s and 250 MB to load; it is loaded on the first German word
to split, which happens where pages are indexed (a publish, `update_index`), not on searches.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MIN_STEM_LENGTH = 3
MIN_PART_LENGTH = 4
MIN_COMPOUND_LENGTH = 6
MAX_QUERY_WORDS = 12

_WORD = re.compile(r"\w+", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_FARSI_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا"})
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
ZWNJ = "\u200c"
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

_german_stemmer = snowballstemmer.stemmer("german")
_STEMMERS = {
    "en": snowballstemmer.stemmer("english"),
    "ro": snowballstemmer.stemmer("romanian"),
    "ru": snowballstemmer.stemmer("russian"),
    "tr": snowballstemmer.stemmer("turkish"),
}
_nouns = None
_nouns_lock = threading.Lock()


def _dictionary():
    """The `german-nouns` dictionary, loaded once per process."""
    global _nouns
    with _nouns_lock:
        if _nouns is None:
            from german_nouns.lookup import Nouns

            _nouns = Nouns()
    return _nouns


def stem(word: str, language_code: str) -> str:
    """The Snowball stem of a word in English, Romanian, Russian or Turkish, in lower case."""
    return _STEMMERS[language_code].stemWord(word.lower())


def german_stem(word: str) -> str:
    """The Snowball stem of a German word, in lower case."""
    return _german_stemmer.stemWord(word.lower())


def _fold_umlauts(lower: str) -> str:
    """A lower-case word spelled as Snowball's stems are (ä → a, ß → ss)."""
    return lower.translate(_UMLAUTS)


@lru_cache(maxsize=50_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The dictionary's parts of a German compound noun that really occur in it, in order."""
    if len(word) < MIN_COMPOUND_LENGTH or not word[:1].isupper():
        return ()
    try:
        parts = _dictionary().parse_compound(word)
    except Exception:  # the splitter is a heuristic; a word it trips over stays whole
        return ()
    lower, position, kept = _fold_umlauts(word.lower()), 0, []
    for index, part in enumerate(parts):
        stem = german_stem(part)
        found = lower.find(stem, position)
        is_head = index == len(parts) - 1 and found >= 0 and found + len(stem) >= len(lower) - 3
        if found < 0 or (index == 0 and found != 0 and not is_head):
            continue  # not where the dictionary put it: a split by accident
        position = found + len(stem)
        if len(part) >= MIN_PART_LENGTH and part.lower() != word.lower():
            kept.append(part)
    return tuple(kept)


@lru_cache(maxsize=50_000)
def _german_forms(word: str) -> tuple[str, ...]:
    """Stem and compound parts (with their stems) that stand for `word` in an index."""
    forms = [german_stem(word)]
    parts = list(compound_parts(word))
    if len(parts) == 1 and len(parts[0]) >= MIN_COMPOUND_LENGTH:  # the lemma: split it too
        parts += compound_parts(parts[0])
    for part in parts:
        forms += [part, german_stem(part)]
    lower = word.lower()
    return tuple(
        dict.fromkeys(form for form in forms if len(form) >= MIN_STEM_LENGTH and form != lower)
    )


def normalise_arabic(text: str) -> str:
    """Arabic spelling variants folded as OpenSearch's `arabic_normalization` does."""
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


def normalise_farsi(text: str) -> str:
    """Farsi spelling variants folded as OpenSearch's `persian_normalization` does."""
    return _ARABIC_MARKS.sub("", text).translate(_FARSI_LETTERS)


def arabic_light_stem(word: str) -> str:
    """A normalised Arabic word without article, conjunction and common endings.

    The rules of Lucene's `ArabicStemmer` (Larkey's light10), which OpenSearch's `arabic`
    analyzer applies, so that the database backends stem as the engine does.
    """
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) >= len(prefix) + (3 if prefix == "و" else 2):
            word = word[len(prefix) :]
            break
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            word = word[: -len(suffix)]
    return word


def _arabic_script_forms(text: str, normalise, stem=None) -> list[str]:
    """Normalised (and stemmed) words of `text` where they differ from how they are written.

    A word with a zero-width non-joiner is also given split at it and joined.
    """
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text))
    forms = []
    for chunk in text.split():
        if ZWNJ in chunk:
            forms += [*_WORD.findall(chunk.replace(ZWNJ, " ")), chunk.replace(ZWNJ, "")]
        for word in _WORD.findall(chunk.replace(ZWNJ, " ")):
            normalised = normalise(word)
            forms += [
                form for form in (normalised, stem(normalised) if stem else "") if form != word
            ]
    return [normalise(form) for form in forms if len(form) >= 2]


def word_forms(text: str, language_code: str) -> list[str]:
    """The extra forms under which `text`, written in `language_code`, should be found."""
    if language_code == "de":
        forms = [form for word in _WORD.findall(text) for form in _german_forms(word)]
    elif language_code == "ar":
        forms = _arabic_script_forms(text, normalise_arabic, arabic_light_stem)
    elif language_code == "fa":
        forms = _arabic_script_forms(text, normalise_farsi)
    elif language_code in _STEMMERS:
        words = _WORD.findall(text)
        forms = [stem(word, language_code) for word in words]
        forms = [form for form, word in zip(forms, words, strict=True) if form != word.lower()]
    else:
        return []
    return list(dict.fromkeys(forms))


def query_word_forms(terms: str, language_code: str) -> str:
    """`terms` and the forms of its words (stems, normalised spellings) for an "or" search.

    German compound parts are not added to queries: "Sprachkurs" should find language
    courses, not every course.
    """
    words = terms.split()[:MAX_QUERY_WORDS]
    if language_code == "de":
        extra = [german_stem(word) for word in words]
    elif language_code in ("ar", "fa"):
        extra = word_forms(" ".join(words), language_code)
    elif language_code in _STEMMERS:
        extra = [stem(word, language_code) for word in words]
    else:
        extra = []
    lower = {word.lower() for word in words}
    extra = [
        form for form in dict.fromkeys(extra) if form not in lower and len(form) >= MIN_STEM_LENGTH
    ]
    return " ".join([*words, *extra]) if extra else terms


@dataclass
class QueryWords:
    """A query's words: as typed, widened (synonyms, word forms, close words), and unknown."""

    typed: str
    widened: str
    unknown: list[str]
