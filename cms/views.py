"""Operational endpoints of the project itself."""

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from search.backends import search_health


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Say whether the database answers; 200 when healthy, 503 otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:
        database = "unavailable"
    search = search_health()
    status = 200 if database == "ok" else 503
    overall = "ok" if status == 200 and search["search"] != "degraded" else "degraded"
    return JsonResponse({"status": overall, "database": database, **search}, status=status)
