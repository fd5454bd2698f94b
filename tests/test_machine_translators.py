"""Machine translation is chosen by environment; without a key there is simply none."""

import html

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from cms.machine_translation import (
    DEEPL,
    DUMMY,
    GOOGLE,
    LIBRETRANSLATE,
    machine_translator_from_env,
)


def test_development_and_tests_use_the_dummy_translator(settings):
    assert machine_translator_from_env({}, production=False) == {"CLASS": DUMMY, "OPTIONS": {}}
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"] == DUMMY


def test_production_without_a_key_offers_no_machine_translation():
    assert machine_translator_from_env({}, production=True) is None


def test_deepl_key_selects_deepl():
    config = machine_translator_from_env({"DEEPL_API_KEY": "abc:fx"}, production=True)
    assert config == {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": "abc:fx"}}


def test_libretranslate_url_selects_libretranslate():
    config = machine_translator_from_env(
        {"LIBRETRANSLATE_URL": "http://lt.example/", "LIBRETRANSLATE_API_KEY": "k"}, True
    )
    assert config["CLASS"] == LIBRETRANSLATE
    assert config["OPTIONS"] == {"LIBRETRANSLATE_URL": "http://lt.example", "API_KEY": "k"}


def test_google_project_selects_google():
    env = {"GOOGLE_CLOUD_PROJECT": "eisenach", "GOOGLE_APPLICATION_CREDENTIALS": "/k.json"}
    config = machine_translator_from_env(env, production=True)
    assert config == {
        "CLASS": GOOGLE,
        "OPTIONS": {"PROJECT_ID": "eisenach", "CREDENTIALS_PATH": "/k.json"},
    }


def test_explicit_choice_wins_and_none_switches_it_off():
    env = {"MACHINE_TRANSLATOR": "none", "DEEPL_API_KEY": "abc"}
    assert machine_translator_from_env(env, production=False) is None
    env = {"MACHINE_TRANSLATOR": "libretranslate", "DEEPL_API_KEY": "a", "LIBRETRANSLATE_URL": "u"}
    assert machine_translator_from_env(env, True)["CLASS"] == LIBRETRANSLATE


@pytest.mark.parametrize(
    "env", [{"MACHINE_TRANSLATOR": "deepl"}, {"MACHINE_TRANSLATOR": "babelfish"}]
)
def test_incomplete_or_unknown_choice_is_a_configuration_error(env):
    with pytest.raises(ImproperlyConfigured):
        machine_translator_from_env(env, production=True)


@pytest.mark.django_db
def test_translation_editor_works_without_any_machine_translator(client, admin_user, settings):
    from site_pages import models as m

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    client.force_login(admin_user)
    english = m.OfferPage.objects.filter(locale__language_code="en").first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    props = html.unescape(response.content.decode())
    assert '"machineTranslator": null' in props
