"""Editors see what people search for in vain."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from search.models import ZeroResultQuery
from search.reports import zero_result_queries

pytestmark = pytest.mark.django_db


def test_fruitless_searches_are_counted_per_language_and_day(client):
    for _ in range(3):
        client.get("/de/suche/", {"q": "Schwimmkurs  Mädchen"})
    client.get("/ar/suche/api/", {"q": "ققققق"})
    client.get("/de/suche/", {"q": "Beratung"})  # has results: not counted
    rows = {(r.query, r.language_code): r.count for r in ZeroResultQuery.objects.all()}
    assert rows == {("schwimmkurs mädchen", "de"): 3, ("ققققق", "ar"): 1}


def test_report_lists_the_last_30_days_most_frequent_first():
    today = timezone.localdate()
    ZeroResultQuery.objects.create(
        query="alt", language_code="de", day=today - timedelta(40), count=99
    )
    ZeroResultQuery.objects.create(query="selten", language_code="de", day=today, count=1)
    ZeroResultQuery.objects.create(query="häufig", language_code="de", day=today, count=5)
    ZeroResultQuery.objects.create(
        query="häufig", language_code="de", day=today - timedelta(3), count=2
    )
    ZeroResultQuery.objects.create(query="سباحة", language_code="ar", day=today, count=9)
    german = zero_result_queries("de", today)
    assert [(r["query"], r["total"]) for r in german] == [("häufig", 7), ("selten", 1)]
    assert zero_result_queries(None, today)[0]["query"] == "سباحة"


def test_report_page_for_editors(client, admin_user):
    ZeroResultQuery.record("Schwimmkurs", "de", timezone.localdate())
    client.force_login(admin_user)
    url = reverse("zero_results_report")
    assert "schwimmkurs" in client.get(url, {"language": "de"}).content.decode()
    assert client.get(url, {"language": "<script>"}).status_code == 200
