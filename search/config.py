"""Turn ``SEARCH_URL`` into Wagtail's ``WAGTAILSEARCH_BACKENDS`` setting.

No URL means Wagtail's database backend (SQLite FTS5 or PostgreSQL full text). An
``elasticsearch://``/``elasticsearch8://``/``elasticsearch9://`` or
``opensearch://``/``opensearch2://``/``opensearch3://`` URL selects the matching modelsearch
backend; ``…s://`` variants (``elasticsearchs://``) talk HTTPS. Per-locale analysers come with
the search issue.
"""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "wagtail.search.backends.database"

# URL scheme (without a trailing "s" for TLS) -> modelsearch backend module.
ENGINE_BACKENDS = {
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


def search_backends_from_url(url: str, index_prefix: str = "teilhabe_") -> dict:
    """Return the ``WAGTAILSEARCH_BACKENDS`` dict that ``url`` describes (empty: database)."""
    if not url:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
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
    return {
        "default": {
            "BACKEND": ENGINE_BACKENDS[engine],
            "URLS": [http_url],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
