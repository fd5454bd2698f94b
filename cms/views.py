"""Endpoints of the project itself: health, robots.txt, favicon and the error pages."""

import logging

from django.db import connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache

from search.backends import search_health

logger = logging.getLogger(__name__)


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


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let crawlers index the public pages, not the admin or reminder links; name the sitemap."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /reminders/",
        "Disallow: /healthz/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers that ask for /favicon.ico get the hashed SVG icon."""
    return HttpResponseRedirect(static("img/favicon.svg"))


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """The 404 page in the reader's language, with the language switcher and start page."""
    return _error_page(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the reader's language; a plain bilingual page if that fails too."""
    try:
        return _error_page(request, "500.html", 500)
    except Exception:
        logger.exception("The 500 page could not be rendered; serving the plain one.")
        return HttpResponseServerError(PLAIN_SERVER_ERROR, content_type="text/html")


def _error_page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    """Render an error page; its language switcher leads to the start pages."""
    from site_pages.languages import language_links
    from site_pages.templatetags.site_chrome import home_page

    home = home_page(request)
    context = {"languages": language_links(home, request) if home is not None else []}
    body = render_to_string(template, context, request=request)
    return HttpResponse(body, status=status)


PLAIN_SERVER_ERROR = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>Fehler · teilhabe</title></head><body><h1>Interner Fehler</h1>"
    "<p>Bitte versuchen Sie es später noch einmal.</p>"
    '<p lang="en">Internal error. Please try again later.</p></body></html>'
)
