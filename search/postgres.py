"""PostgreSQL full text with a text-search configuration per locale.

modelsearch's PostgreSQL backend keeps one index entry per object and one configuration per
backend; several per-language backends would overwrite each other's entries. Here a single
indexing backend builds each object's vector with the configuration of the object's own
locale, and per-language query backends (no indexing of their own) parse queries with the same
configuration, so German pages are stemmed as German, Arabic ones as Arabic, and no locale
overwrites another.
"""

from collections import defaultdict

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

# PostgreSQL's built-in configurations (Snowball); "simple" where none exists.
LANGUAGE_CONFIGS = {
    "de": "german",
    "en": "english",
    "ar": "arabic",
    "uk": "simple",
    "ru": "russian",
    "tr": "turkish",
    "fa": "simple",
    "pl": "simple",
    "ro": "romanian",
}
FALLBACK_CONFIG = "simple"


def config_for(obj) -> str:
    """The text-search configuration for an object: its locale's, else "simple"."""
    locale = getattr(obj, "locale", None)
    if locale is None:
        return FALLBACK_CONFIG
    return LANGUAGE_CONFIGS.get(locale.language_code, FALLBACK_CONFIG)


class LocalePostgresIndex(PostgresIndex):
    """Writes each object's vector with the configuration of its locale."""

    def add_items(self, model, objs):
        """Index objects grouped by configuration."""
        groups = defaultdict(list)
        for obj in objs:
            groups[config_for(obj)].append(obj)
        original = self.backend.config
        try:
            for config, group in groups.items():
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = original


class LocalePostgresSearchBackend(PostgresSearchBackend):
    """Indexes with per-locale configurations; queries with SEARCH_CONFIG (or LANGUAGE's)."""

    index_class = LocalePostgresIndex

    def __init__(self, params):
        params = dict(params)
        language = params.pop("LANGUAGE", None)
        if language and not params.get("SEARCH_CONFIG"):
            params["SEARCH_CONFIG"] = LANGUAGE_CONFIGS.get(language, FALLBACK_CONFIG)
        super().__init__(params)
        self.language_code = language


SearchBackend = LocalePostgresSearchBackend
