"""Headless Chromium for the browser tests: one browser and one live server per module.

Use with ``pytest.mark.service("chromium")``; the fixtures are registered in tests/conftest.py.
"""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module (Debian's package, no downloaded browser).

    Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse ORM calls; the test's own queries are plain synchronous ones, so allow them.
    While that loop runs, Django keeps this thread's database connections per async context,
    so the tests here open connections of their own beside the session's. They are closed
    before the loop stops, while they can still be reached: left open, they keep the test
    database from being dropped at the end of the run.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
                connections.close_all()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _serve(django_db_setup, django_db_blocker, static_handler):
    """Serve the site from a thread on the session's demo database; yield its base URL."""
    from django.db import connections
    from django.test.testcases import LiveServerThread

    with django_db_blocker.unblock():
        overrides = {}
        connection = connections["default"]
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.inc_thread_sharing()
            overrides["default"] = connection
        server = LiveServerThread("127.0.0.1", static_handler, overrides, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://127.0.0.1:{server.port}"
        server.terminate()
        if overrides:
            connection.dec_thread_sharing()


@pytest.fixture(scope="module")
def site_url(django_db_setup, django_db_blocker):
    """Serve the site (with static files) from a thread, on the session's demo database.

    Not pytest-django's `live_server`: that implies `transactional_db`, which would flush the
    demo loaded once for the whole session.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    yield from _serve(django_db_setup, django_db_blocker, StaticFilesHandler)


@pytest.fixture(scope="module")
def production_site_url(django_db_setup, django_db_blocker):
    """Like `site_url`, but static files come from WhiteNoise as in production.

    WhiteNoise serves the collected, hashed files with their pre-compressed copies and cache
    headers (tests/static_files.py), so transferred sizes are the real ones.
    """
    yield from _serve(django_db_setup, django_db_blocker, lambda application: application)
