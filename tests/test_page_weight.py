"""Weight budget: every page type's first load stays under 100 KB transferred.

Headless Chromium loads each page with an empty cache from a live server whose static files
come from WhiteNoise as in production (hashed, pre-compressed), and adds up what went over the
wire: headers and encoded bodies of the page and of everything it pulled in (stylesheets,
script, favicon, images; the site uses no web fonts). Over plain HTTP Chromium asks for gzip,
not brotli, so these figures are an upper bound of what a reader gets over HTTPS.
"""

import pytest
from wagtail.models import Locale

from tests.browser import PHONE
from tests.test_public_pages import PAGE_TYPES

pytestmark = [pytest.mark.service("chromium"), pytest.mark.django_db]

BUDGET_BYTES = 100_000


def _first_load(browser, url: str) -> tuple[int, list[tuple[str, int, str]]]:
    """Bytes transferred when `url` is opened with an empty cache, and the requests made."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    try:
        response = page.goto(url, wait_until="load")
        assert response.status in (200, 404), url
        page.wait_for_load_state("networkidle")
        transferred = []
        for request in requests:
            sizes = request.sizes()
            encoding = request.response().headers.get("content-encoding") or "identity"
            size = sizes["responseHeadersSize"] + sizes["responseBodySize"]
            transferred.append(
                (request.url.removeprefix(url.split("/", 3)[0] + "//"), size, encoding)
            )
        return sum(size for _url, size, _encoding in transferred), transferred
    finally:
        context.close()


def _urls(language_code: str) -> list[str]:
    """One page of each public type in `language_code`, the search and the 404 page."""
    locale = Locale.objects.get(language_code=language_code)
    urls = []
    for page_type in PAGE_TYPES:
        page = page_type.objects.live().public().filter(locale=locale).first()
        assert page is not None, f"the demo has no {page_type.__name__} in {language_code}"
        urls.append(page.url)
    return [
        *urls,
        f"/{language_code}/suche/?q=Beratung",
        f"/{language_code}/diese-seite-gibt-es-nicht/",
    ]


@pytest.mark.parametrize("language_code", ["de", "ar"])
def test_every_page_type_loads_under_100_kb(browser, production_site_url, language_code):
    over_budget = {}
    for url in _urls(language_code):
        total, requests = _first_load(browser, production_site_url + url)
        # The stylesheets were fetched and compressed: the measurement saw the whole load.
        stylesheets = [request for request in requests if request[0].endswith(".css")]
        assert len(stylesheets) == 3, (url, requests)
        assert all(encoding != "identity" for _url, _size, encoding in stylesheets), requests
        if total >= BUDGET_BYTES:
            over_budget[url] = (total, requests)
    assert over_budget == {}
