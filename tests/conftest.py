"""Fixtures shared by the test suite: the demo site, loaded once per test session."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from site_pages.demo.loader import DemoLoader

DEMO_DAY = date(2026, 11, 30)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the Eisenach demo once into the test database; each test rolls back its changes."""
    with django_db_blocker.unblock():
        DemoLoader(today=DEMO_DAY).run()


@pytest.fixture
def demo_home(db):
    """The demo's German home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor(db):
    """The demo editor (Wagtail's Editors group)."""
    return get_user_model().objects.get(username="redaktion")


@pytest.fixture
def admin_user(db):
    """The demo administrator."""
    return get_user_model().objects.get(username="admin")
