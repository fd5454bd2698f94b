"""The suite really runs on the configured services (PostgreSQL and Redis in CI)."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from site_pages import models as m
from tests.content import german


@pytest.mark.service("postgres")
def test_suite_runs_on_postgresql(db):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
    assert version.startswith("PostgreSQL")
    # The demo content really lives in this PostgreSQL database.
    assert german(m.MeasurePage).count() == 18


@pytest.mark.service("redis")
def test_cache_and_broker_use_redis():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    cache.set("teilhabe-test-key", {"answer": 42}, timeout=30)
    assert cache.get("teilhabe-test-key") == {"answer": 42}
    cache.delete("teilhabe-test-key")


@pytest.mark.service("redis")
def test_celery_can_reach_its_redis_broker():
    from cms.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.transport.driver_type == "redis"


def test_health_endpoint_reports_the_database(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["search"] in ("ok", "database")
