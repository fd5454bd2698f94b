"""Demo passwords work on a developer's machine and never in production."""

from django.contrib.auth import authenticate, get_user_model
from django.core import checks

from site_pages.checks import demo_passwords_unusable
from site_pages.demo.loader import DemoLoader
from site_pages.demo.users import demo_password


def test_demo_logins_work_in_development(db):
    assert authenticate(username="redaktion", password=demo_password("redaktion")) is not None


def test_demo_password_is_refused_in_production_even_in_a_copied_database(db, settings):
    settings.TEILHABE_DEMO_PASSWORDS = False
    assert authenticate(username="redaktion", password=demo_password("redaktion")) is None


def test_check_deploy_fails_while_a_demo_password_is_set_in_production(db, settings):
    settings.TEILHABE_DEMO_PASSWORDS = False
    errors = demo_passwords_unusable()
    assert errors and all(e.id == "teilhabe.E001" for e in errors)
    assert errors[0].level == checks.ERROR


def test_load_demo_in_production_disables_demo_passwords(db, settings):
    settings.TEILHABE_DEMO_PASSWORDS = False
    DemoLoader().run()
    users = get_user_model().objects.filter(username__in=["admin", "redaktion"])
    assert users.count() == 2
    assert not any(user.has_usable_password() for user in users)
    assert demo_passwords_unusable() == []


def test_real_passwords_keep_working_in_production(db, settings):
    settings.TEILHABE_DEMO_PASSWORDS = False
    user = get_user_model().objects.get(username="redaktion")
    user.set_password("a-real-and-long-password")
    user.save()
    assert authenticate(username="redaktion", password="a-real-and-long-password") == user
