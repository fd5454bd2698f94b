"""Typos on PostgreSQL: the corpus's words closest to an unknown word, by pg_trgm.

PostgreSQL's pg_trgm documentation ("Text search integration") recommends this for
misspelled query words: a table of the unique words of the documents, with a trigram index,
asked for the words most similar to the typo; the full text search then looks for those.
It is Lucene's fuzzy query too (a term expands to the indexed terms close to it).
modelsearch's `Fuzzy` instead compares the typo with every title and body
(`word_similarity`, which no index serves): ~500 ms per typo at 10,000 pages.

The words live in a materialized view over the database backend's index entries
(migration search.0005, created only where pg_trgm is available), refreshed at the end of
`update_index` and by Celery beat every ``SEARCH_WORDS_REFRESH_SECONDS``: a word of a page
published since the last refresh is found exactly, and fuzzily after the next refresh.
"""

import functools

from django.db import connection

VIEW = "teilhabe_search_word"
MAX_SIMILAR_WORDS = 3


@functools.cache
def words_view_available() -> bool:
    """Whether this database has the word view (PostgreSQL with pg_trgm, migration 0005)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [VIEW])
        return bool(cursor.fetchone()[0])


def similar_words(word: str, threshold: float) -> list[str]:
    """The corpus words most similar to `word` (trigram similarity ≥ `threshold`), best first.

    One query; the `%` operator lets the trigram index find the candidates (pg_trgm's own
    threshold, 0.3 by default, is below ours), then they are ranked by similarity.
    """
    if not words_view_available():
        return []
    lowered = word.lower()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {VIEW} WHERE word %% %s AND similarity(word, %s) >= %s "
            "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
            [lowered, lowered, threshold, lowered, MAX_SIMILAR_WORDS],
        )
        return [row[0] for row in cursor.fetchall() if row[0] != lowered]


def refresh_similar_words() -> bool:
    """Re-read the corpus's words into the view (readers are not blocked); whether it ran."""
    if not words_view_available():
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {VIEW}")
    return True
