"""Which backend answers a public search, and falling back when the engine is down.

With an engine configured, public searches go to the reader's language backend
(`public_<lang>`). If the engine cannot be reached, the search is answered by the database
backend (kept up to date alongside), a warning is logged at most once per
``SEARCH_RETRY_SECONDS`` and the engine is left alone for that long; after that it is tried
again, so it is used again as soon as it is back, without a restart.
"""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from wagtail.search.backends import get_search_backend

from cms.search_backends import database_query_backend_name, public_backend_name

logger = logging.getLogger(__name__)


class EngineState:
    """This process's view of the engine: when it last failed (0: it did not)."""

    failed_at: float = 0.0
    last_error: str = ""

    @classmethod
    def record_failure(cls, error: Exception, now: float) -> None:
        """Remember a failure; log it unless one was logged within the retry interval."""
        if now - cls.failed_at >= settings.SEARCH_RETRY_SECONDS:
            logger.warning("Search engine unreachable, answering from the database: %s", error)
        cls.failed_at = now
        cls.last_error = f"{type(error).__name__}: {error}"[:300]

    @classmethod
    def record_success(cls) -> None:
        """The engine answered: forget earlier failures."""
        if cls.failed_at:
            logger.warning("Search engine reachable again.")
        cls.failed_at = 0.0
        cls.last_error = ""

    @classmethod
    def resting(cls, now: float) -> bool:
        """Whether the engine failed so recently that it should not be tried yet."""
        return bool(cls.failed_at) and now - cls.failed_at < settings.SEARCH_RETRY_SECONDS


def engine_configured(language_code: str) -> bool:
    """Whether an engine backend exists for this language."""
    return public_backend_name(language_code) in settings.WAGTAILSEARCH_BACKENDS


def database_backend(language_code: str):
    """The database search backend for a language (its own query backend on PostgreSQL)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    # With an engine, "database" is the fallback; without one, "default" is the database.
    for name in (database_query_backend_name(language_code), "database"):
        if name in backends:
            return get_search_backend(name)
    return get_search_backend("default")


def with_fallback(language_code: str, run: Callable, clock: Callable[[], float] | None = None):
    """Call `run(backend)` on the language's engine backend, or on the database if it fails.

    Returns (result, backend_kind) where backend_kind is "engine" or "database". `clock`
    (seconds, monotonic) is injectable for tests.
    """
    clock = clock or time.monotonic
    if engine_configured(language_code) and not EngineState.resting(clock()):
        try:
            result = run(get_search_backend(public_backend_name(language_code)))
        except Exception as error:
            EngineState.record_failure(error, clock())
        else:
            EngineState.record_success()
            return result, "engine"
    return run(database_backend(language_code)), "database"


def search_health() -> dict:
    """Search status for /healthz/: "database" (no engine), "ok", or "degraded" (fallback).

    Asks the engine directly, so every worker process reports the same.
    """
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return {"search": "database"}
    try:
        reachable = bool(get_search_backend("default").es.ping(request_timeout=2))
    except Exception as error:
        return {"search": "degraded", "search_error": f"{type(error).__name__}"}
    return {"search": "ok"} if reachable else {"search": "degraded"}
