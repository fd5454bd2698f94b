"""The public search page, its JSON twin and autocomplete suggestions."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from search.facets import FACET_TITLES, KIND_LABELS
from search.highlight import highlight
from search.models import ZeroResultQuery
from search.params import parse_params
from search.service import run_search, suggestions
from translations.fallback import content_language

MAX_SUGGESTIONS = 8


def _hit_json(doc, query: str) -> dict:
    """One result as JSON: no editorial data, only what the page shows."""
    page = doc.page
    return {
        "type": doc.kind,
        "title": page.title,
        "url": page.url,
        "language": content_language(page),
        "snippet": highlight(_summary(page), query),
        "next_deadline": doc.next_deadline.isoformat() if doc.next_deadline else None,
    }


def _summary(page) -> str:
    """The text a result shows below its title."""
    text = getattr(page, "summary", "") or page.search_description or ""
    if not text and hasattr(page, "intro"):
        text = strip_tags(page.intro)
    return text


def search_page(request: HttpRequest) -> HttpResponse:
    """Search with facets, readable without JavaScript."""
    params, errors = parse_params(request.GET)
    locale = Locale.get_active()
    outcome = run_search(params, locale, timezone.localdate())
    _record_if_empty(outcome, locale.language_code)
    if params.query:
        Query.get(params.query).add_hit()
    results = [
        {
            "doc": doc,
            "kind_label": KIND_LABELS[doc.kind],
            "snippet": highlight(_summary(doc.page), params.query),
        }
        for doc in outcome.hits
    ]
    return render(
        request,
        "search/search.html",
        {
            "outcome": outcome,
            "results": results,
            "errors": errors,
            "facet_titles": FACET_TITLES,
            "query": params.query,
            "promotions": _promotions(params.query),
            "suggested_url": _with_query(request, outcome.suggested_query),
            "languages": _search_in_other_languages(request, locale.language_code),
        },
    )


def _with_query(request: HttpRequest, query: str) -> str:
    """This search page's address with `query` as the words, from the first page; "" if none."""
    if not query:
        return ""
    params = request.GET.copy()
    params["q"] = query
    params.pop("page", None)
    return f"{reverse('search')}?{params.urlencode()}"


def _search_in_other_languages(request: HttpRequest, current: str) -> list[dict]:
    """The language switcher of the search page: the same search in each language."""
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = reverse("search").replace(f"/{current}/", f"/{code}/", 1)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": f"{url}?{query}" if query else url,
                "is_current": code == current,
                "has_translation": True,
                "goes_home": False,
                "bidi": info["bidi"],
            }
        )
    return links


def _promotions(query: str) -> list:
    """Editors' picks for this query, in order."""
    if not query:
        return []
    return [
        pick.page.specific
        for pick in Query.get(query).editors_picks.select_related("page")
        if pick.page.live
    ]


def search_api(request: HttpRequest) -> JsonResponse:
    """The same search as JSON; malformed parameters get a 400 saying what was wrong."""
    params, errors = parse_params(request.GET)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    locale = Locale.get_active()
    outcome = run_search(params, locale, timezone.localdate())
    _record_if_empty(outcome, locale.language_code)
    return JsonResponse(
        {
            "query": params.query,
            "suggested_query": outcome.suggested_query,
            "total": outcome.total,
            "page": outcome.page_number,
            "pages": outcome.page_count,
            "results": [_hit_json(doc, params.query) for doc in outcome.hits],
            "facets": {
                name: [
                    {
                        "value": fv.value,
                        "label": fv.label,
                        "count": fv.count,
                        "selected": fv.selected,
                    }
                    for fv in values
                ]
                for name, values in outcome.facets.items()
            },
            "messages": outcome.messages,
        }
    )


def suggest_api(request: HttpRequest) -> JsonResponse:
    """Title suggestions for the first characters typed (from two characters on)."""
    params, _errors = parse_params(request.GET)
    if len(params.query) < 2:
        return JsonResponse({"suggestions": []})
    pages = suggestions(params.query, Locale.get_active(), MAX_SUGGESTIONS)
    return JsonResponse({"suggestions": [{"title": p.title, "url": p.url} for p in pages]})


def _record_if_empty(outcome, language_code: str) -> None:
    """Remember queries that found nothing, for the editors' report."""
    if outcome.params.query and outcome.total == 0:
        ZeroResultQuery.record(outcome.params.query, language_code, timezone.localdate())
