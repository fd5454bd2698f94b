"""On PostgreSQL, enable pg_trgm and trigram indexes for modelsearch's fuzzy matching.

pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. If it
cannot be created, the migration says so and search goes on without trigram matching
(`search.similar_words.words_view_available`); typos are then matched through the site's closest words.
"""

import logging

from django.db import migrations

logger = logging.getLogger(__name__)

INDEXES = {
    "teilhabe_title_text_trgm": "title_text",
    "teilhabe_body_text_trgm": "body_text",
}


def enable(apps, schema_editor) -> None:
    """Create the extension and the indexes if they are missing (PostgreSQL only)."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        try:
            cursor.execute("SAVEPOINT teilhabe_trgm")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute("RELEASE SAVEPOINT teilhabe_trgm")
        except Exception as error:  # no privilege or no contrib package: go on without
            cursor.execute("ROLLBACK TO SAVEPOINT teilhabe_trgm")
            logger.warning("pg_trgm could not be enabled, fuzzy search is off: %s", error)
            return
        table = connection.ops.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        for name, column in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
            )


def drop(apps, schema_editor) -> None:
    """Drop the indexes (the extension stays; other code may use it)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_store"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable, drop)]
