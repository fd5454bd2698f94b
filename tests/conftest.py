"""Fixtures shared by the test suite: the demo site, loaded once per test session."""

import contextlib
from datetime import date
from typing import ClassVar

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site

from conftest import require_service
from site_pages.demo.loader import DemoLoader
from tests.browser import browser, production_site_url, site_url  # noqa: F401  (fixtures for the browser tests)
from tests.static_files import collected_static_root, collected_static_settings

DEMO_DAY = date(2026, 11, 30)


def _engine_client():
    """The search engine's client, or None without SEARCH_URL."""
    if not settings.SEARCH_URL:
        return None
    from wagtail.search.backends import get_search_backend

    return get_search_backend("default").es


@pytest.fixture(autouse=True)
def fresh_search_caches():
    """Each test reads synonyms and vocabularies from its own database, not a cache."""
    from search.caching import forget_all

    forget_all()


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """Static files collected once, hashed and compressed as in production (DEBUG is off).

    `{% static %}` reads their manifest; WhiteNoise and the browser tests' live server serve
    them. See tests/static_files.py.
    """
    static_root = collected_static_root()
    with collected_static_settings(static_root):
        yield static_root


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the Eisenach demo once into the test database; each test rolls back its changes.

    With a search engine, the test indexes are dropped first: they outlive test databases.
    """
    client = _engine_client()
    if client is not None:
        with contextlib.suppress(Exception):  # an unreachable engine fails its own tests
            client.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}*")
    with django_db_blocker.unblock():
        DemoLoader(today=DEMO_DAY).run()
    # The loader's writes created the engine's indexes implicitly, without the language
    # analyzers: the first engine test rebuilds them with `update_index`.
    IndexDrift.rebuild = client is not None


class IndexDrift:
    """What the engine's public indexes may hold that the database no longer does.

    Database changes roll back after each test, index changes do not. `pages` are the pages
    saved or deleted since the indexes last matched the database (id → model); `rebuild`
    says the indexes must be built afresh.
    """

    rebuild = False
    pages: ClassVar[dict[int, type[Page]]] = {}


def _mark_index_drift(sender, instance, **kwargs) -> None:
    """Any page write may have reached the engine."""
    if instance.pk is not None:
        IndexDrift.pages[instance.pk] = sender


# Connected per page model: a receiver for every sender would cost Django's fast deletes
# (bulk DELETEs without loading the rows) for all other models, which production has.
for _model in apps.get_models():
    if issubclass(_model, Page):
        post_save.connect(_mark_index_drift, sender=_model, weak=False)
        post_delete.connect(_mark_index_drift, sender=_model, weak=False)


# A port nothing listens on: an engine at this address is down.
UNREACHABLE_ENGINE = "http://127.0.0.1:9"


def engine_unreachable(backends: dict, include_admin: bool = True) -> dict:
    """WAGTAILSEARCH_BACKENDS with the engine down: public backends, and "default" unless told.

    The backends are pointed at an address where nothing answers, with a short timeout.
    """
    return {
        name: (
            {**config, "URLS": [UNREACHABLE_ENGINE], "TIMEOUT": 1}
            if name.startswith("public_") or (include_admin and name == "default")
            else config
        )
        for name, config in backends.items()
    }


@pytest.fixture(params=["database", "engine"])
def search_backend_kind(request, settings):
    """Run a search test on the database backend and on the real engine (OpenSearch in CI)."""
    if request.param == "database":
        # Only the database backend answers and is updated during this test.
        settings.WAGTAILSEARCH_BACKENDS = {
            name: config
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
            if not name.startswith("public_")
        }
        yield "database"
        return
    _prepare_engine()
    yield "engine"


@pytest.fixture
def search_engine(db):
    """For engine-only tests: the real engine, its indexes matching the database."""
    _prepare_engine()


def _prepare_engine() -> None:
    """Require the engine; bring its public indexes back in line with the database."""
    require_service("search_engine")
    public = [name for name in settings.WAGTAILSEARCH_BACKENDS if name.startswith("public_")]
    if IndexDrift.rebuild:
        for name in public:
            call_command("update_index", backend_name=name, verbosity=0)
        IndexDrift.rebuild = False
    elif IndexDrift.pages:
        _reindex_drifted_pages(public)
    IndexDrift.pages.clear()
    refresh_engine()


def _reindex_drifted_pages(backend_names: list[str]) -> None:
    """Index the pages earlier tests wrote as the database has them now, or drop them.

    Much cheaper than rebuilding every index; each language's backend keeps only its own.
    """
    from wagtail.search.backends import get_search_backend

    backends = [get_search_backend(name) for name in backend_names]
    existing = {page.pk: page for page in Page.objects.filter(pk__in=IndexDrift.pages).specific()}
    for pk, model in IndexDrift.pages.items():
        for backend in backends:
            if pk in existing:
                backend.add(existing[pk])
            else:
                backend.delete(model(pk=pk))


def refresh_engine() -> None:
    """Make the engine's latest writes searchable now (tests only; it does so every second)."""
    client = _engine_client()
    if client is not None:
        client.indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")


@pytest.fixture
def demo_home(db):
    """The demo's German home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor(db):
    """An editor who may edit every page and snippet: a member of Integrationsmanagement.

    Not a superuser, so the admin's permission checks apply (the demo's `redaktion` edits
    offers and funding only; see tests/test_editorial_roles.py).
    """
    from django.contrib.auth.models import Group

    from editorial.roles import INTEGRATION_MANAGEMENT
    from site_pages.factories import UserFactory

    user = UserFactory(username="integration-manager")
    user.groups.add(Group.objects.get(name=INTEGRATION_MANAGEMENT))
    return user


@pytest.fixture
def admin_user(db):
    """The demo administrator."""
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) that Django's mail goes to during the test."""
    from tests.smtp import SMTPServer

    with SMTPServer() as server:
        for name, value in server.django_settings().items():
            setattr(settings, name, value)
        yield server


@pytest.fixture
def field(db):
    """The demo's action field 9 with a new coordinator, for review reminder tests."""
    from site_pages.factories import UserFactory
    from tests.reviewing import field_with_coordinator

    return field_with_coordinator(UserFactory(username="koordination"))
