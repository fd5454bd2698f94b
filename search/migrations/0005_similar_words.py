"""On PostgreSQL with pg_trgm, a materialized view of the corpus's words, trigram-indexed.

`search.similar_words` asks it for the words closest to a typo (pg_trgm's documented way to
combine trigrams with full text search). Skipped on SQLite and where pg_trgm is missing
(migration 0004 says so); typos are then matched through the site's closest title words.
"""

from django.db import migrations

VIEW = "teilhabe_search_word"


def create(apps, schema_editor) -> None:
    """Create the view and its indexes if pg_trgm is there (PostgreSQL only)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    table = connection.ops.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
        documents = (
            "SELECT to_tsvector('simple', coalesce(title_text, '') || ' ' || "
            f"coalesce(body_text, '')) FROM {table}"
        )
        # A view's query takes no bind parameters: the inner query is dollar-quoted.
        cursor.execute(
            f"CREATE MATERIALIZED VIEW IF NOT EXISTS {VIEW} AS SELECT word "
            f"FROM ts_stat($documents${documents}$documents$) WHERE length(word) BETWEEN 4 AND 60"
        )
        cursor.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS {VIEW}_word ON {VIEW} (word)")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {VIEW}_trgm ON {VIEW} USING gin (word gin_trgm_ops)"
        )


def drop(apps, schema_editor) -> None:
    """Drop the view (PostgreSQL only)."""
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP MATERIALIZED VIEW IF EXISTS {VIEW}")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_trigram_fuzzy_search")]

    operations = [migrations.RunPython(create, drop)]
