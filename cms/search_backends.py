"""Turn ``SEARCH_URL`` into Wagtail's ``WAGTAILSEARCH_BACKENDS`` setting.

Plain configuration (backend class paths and names), importing no app code, so that
settings can use it; the `search` app reads the backend names from here.

No URL: Wagtail's database backend only (SQLite FTS5; on PostgreSQL full text with a
configuration per locale, see `search.postgres`), for admin and public search alike.

An ``elasticsearch://``/``elasticsearch8://``/``elasticsearch9://`` or
``opensearch://``/``opensearch2://``/``opensearch3://`` URL (``…s://`` for HTTPS) configures:

- ``default``: the engine, one all-locale index, used by the Wagtail admin;
- ``public_<lang>``: one engine backend per language with that language's analyzer, holding
  only the public pages of that locale (see `search.engine`, which picks the analyzer);
- ``database``: the database backend, kept up to date too, which answers public searches
  while the engine is unreachable.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "wagtail.search.backends.database"
POSTGRES_BACKEND = "search.postgres"
# Trigram word similarity a typo needs on PostgreSQL (modelsearch's default, 0.3, lets
# "Quokkamann" match "Quokkalotsen": most long words share a few trigrams).
FUZZY_SIMILARITY = 0.5
POSTGRES_FUZZY = {"FUZZY_SIMILARITY_THRESHOLD": FUZZY_SIMILARITY}
# Public search's facets, filters and sorting in SQL (`search.store`), with or without engine.
# It and the engine's public indexes are updated by `search.signals`, not by Wagtail's post_save
# (which comes before a page's relations are written): AUTO_UPDATE off.
FACET_STORE = {"facets": {"BACKEND": "search.store", "AUTO_UPDATE": False}}

# URL scheme (without a trailing "s" for TLS) -> (admin backend, per-language backend class).
ENGINE_BACKENDS = {
    "elasticsearch": (
        "search.engine.AdminElasticsearch8Backend",
        "search.engine.LocaleElasticsearch8Backend",
    ),
    "elasticsearch8": (
        "search.engine.AdminElasticsearch8Backend",
        "search.engine.LocaleElasticsearch8Backend",
    ),
    "elasticsearch9": (
        "search.engine.AdminElasticsearch9Backend",
        "search.engine.LocaleElasticsearch9Backend",
    ),
    "opensearch": (
        "search.engine.AdminOpenSearch2Backend",
        "search.engine.LocaleOpenSearch2Backend",
    ),
    "opensearch2": (
        "search.engine.AdminOpenSearch2Backend",
        "search.engine.LocaleOpenSearch2Backend",
    ),
    "opensearch3": (
        "search.engine.AdminOpenSearch3Backend",
        "search.engine.LocaleOpenSearch3Backend",
    ),
}


def public_backend_name(language_code: str) -> str:
    """The WAGTAILSEARCH_BACKENDS key of one language's public search engine backend."""
    return f"public_{language_code}"


def database_query_backend_name(language_code: str) -> str:
    """The key of one language's PostgreSQL query backend (same index, its own config)."""
    return f"database_{language_code}"


def database_backends(languages: list[str], postgres: bool, name: str) -> dict:
    """The database backend under `name`; on PostgreSQL also one query backend per language.

    On PostgreSQL each object is indexed with its own locale's text-search configuration
    (`search.postgres`); the query backends share that index and parse queries with their
    language's configuration. The indexing backend itself parses with German, the source
    language (the admin's search).
    """
    if not postgres:
        return {name: {"BACKEND": DATABASE_BACKEND}, **FACET_STORE}
    backends = {
        name: {"BACKEND": POSTGRES_BACKEND, "LANGUAGE": "de", **POSTGRES_FUZZY},
        **FACET_STORE,
    }
    for code in languages:
        backends[database_query_backend_name(code)] = {
            "BACKEND": POSTGRES_BACKEND,
            "LANGUAGE": code,
            "AUTO_UPDATE": False,
            **POSTGRES_FUZZY,
        }
    return backends


def index_settings(shards: int = 1, replicas: int = 0) -> dict:
    """Engine index settings: primary shards and replicas of every index teilhabe creates.

    One shard holds far more than a city's pages; replicas need as many more nodes (a
    single node with replicas stays "yellow"). Both are fixed when an index is created, so a
    change takes effect with the next `update_index`, which builds new indexes behind the
    aliases.
    """
    return {"settings": {"index": {"number_of_shards": shards, "number_of_replicas": replicas}}}


def search_backends_from_url(
    url: str,
    languages: list[str] | None = None,
    index_prefix: str = "teilhabe_",
    postgres: bool = False,
    shards: int = 1,
    replicas: int = 0,
) -> dict:
    """Return the ``WAGTAILSEARCH_BACKENDS`` dict for `url` (empty: database search only).

    Engine backends rebuild atomically (modelsearch's ``ATOMIC_REBUILD``): `update_index`
    fills a new index and then points the alias that searches use at it.
    """
    languages = languages or []
    if not url:
        return database_backends(languages, postgres, "default")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    secure = scheme.endswith("s") and scheme[:-1] in ENGINE_BACKENDS
    engine = scheme[:-1] if secure else scheme
    if engine not in ENGINE_BACKENDS:
        known = ", ".join(sorted(ENGINE_BACKENDS))
        raise ImproperlyConfigured(f"SEARCH_URL scheme {parts.scheme!r} is not one of: {known}.")
    if not parts.hostname:
        raise ImproperlyConfigured(f"SEARCH_URL {url!r} names no host.")
    http_url = urlunsplit(("https" if secure else "http", parts.netloc, parts.path, "", ""))
    admin_backend, locale_backend = ENGINE_BACKENDS[engine]
    common = {
        "URLS": [http_url],
        "TIMEOUT": 5,
        "OPTIONS": {},
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": index_settings(shards, replicas),
    }
    backends = {
        "default": {**common, "BACKEND": admin_backend, "INDEX_PREFIX": f"{index_prefix}all_"},
        **database_backends(languages, postgres, "database"),
    }
    for code in languages:
        backends[public_backend_name(code)] = {
            **common,
            "BACKEND": locale_backend,
            "LANGUAGE": code,
            "INDEX_PREFIX": f"{index_prefix}{code}_",
            "AUTO_UPDATE": False,  # search.signals updates it once relations are written
        }
    return backends
