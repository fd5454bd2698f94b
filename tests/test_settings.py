"""Configuration comes from the environment: embedded defaults and hardened production."""

import json
from pathlib import Path

import pytest

from tests.processes import run_python

PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db": settings.DATABASES["default"]["ENGINE"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "email": settings.EMAIL_BACKEND,
    "broker": settings.CELERY_BROKER_URL,
    "tz": settings.TIME_ZONE,
    "debug": settings.DEBUG,
    "demo_passwords": settings.TEILHABE_DEMO_PASSWORDS,
}))
"""
PRODUCTION = {
    "TEILHABE_ENV": "production",
    "SECRET_KEY": "tq8#Vz2!pL0wXr5@mN7e$Hc4^Ub9&Ky3*Js6(Dg1)Fa8-Qo2+Wi5",
    "ALLOWED_HOSTS": "teilhabe.eisenach.example",
}


def _settings(env: dict[str, str], tmp_path: Path) -> dict:
    """The settings that `env` produces, read in a fresh interpreter."""
    result = run_python(["-c", PROBE], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_environment_means_embedded_defaults(tmp_path):
    found = _settings({}, tmp_path)
    assert found == {
        "db": "django.db.backends.sqlite3",
        "search": "wagtail.search.backends.database",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "email": "django.core.mail.backends.filebased.EmailBackend",
        "broker": "filesystem://",
        "tz": "Europe/Berlin",
        "debug": True,
        "demo_passwords": True,
    }


def test_services_come_from_urls(tmp_path):
    found = _settings(
        {
            "DATABASE_URL": "postgres://u:p@db.example:5432/teilhabe",
            "REDIS_URL": "redis://cache.example:6379/0",
            "SEARCH_URL": "opensearch://search.example:9200",
            "EMAIL_HOST": "smtp.example",
            "TIME_ZONE": "UTC",
        },
        tmp_path,
    )
    assert found["db"] == "django.db.backends.postgresql"
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert found["broker"] == "redis://cache.example:6379/0"
    assert found["search"] == "search.engine.AdminOpenSearch2Backend"
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["tz"] == "UTC"


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_python(["-c", PROBE], env, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_switches_demo_passwords_off(tmp_path):
    found = _settings(PRODUCTION, tmp_path)
    assert found["debug"] is False
    assert found["demo_passwords"] is False


def test_check_deploy_reports_nothing_in_production(tmp_path):
    run_python(["manage.py", "migrate", "-v0"], PRODUCTION, tmp_path)
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_malformed_flag_is_a_clear_configuration_error(tmp_path):
    result = run_python(["-c", PROBE], {"DEBUG": "maybe"}, tmp_path)
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a yes/no value" in result.stderr


@pytest.mark.parametrize("url", ["ftp://x:1", "elasticsearch://"])
def test_bad_search_url_is_a_clear_configuration_error(tmp_path, url):
    result = run_python(["-c", PROBE], {"SEARCH_URL": url}, tmp_path)
    assert result.returncode != 0
    assert "SEARCH_URL" in result.stderr
