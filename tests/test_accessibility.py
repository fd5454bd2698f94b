"""Accessibility in CI: axe-core (WCAG 2.1 A/AA) and the Nu Html Checker over every public page.

Every public page type of the demo in de, ar and fa (fa shows the German content in Persian
chrome: the demo has no Persian translations), the legal pages, the search with results, with a
facet, without results, and the 404 page. axe runs in headless Chromium with every
`<details>` opened, so the data tables behind "Show the figures as a table" are checked too.
The checkers are pinned in tools/checkers.py; `make test` fetches them.
"""

import json
import subprocess
from pathlib import Path

import pytest
from wagtail.models import Locale, Site

from site_pages.models import SiteSettings
from tests.browser import PHONE
from tests.test_public_pages import PAGE_TYPES
from tools.checkers import AXE, VNU

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "ar", "fa"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LEGAL_PAGES = ["imprint_page", "privacy_page", "accessibility_page", "contact_page"]

NO_RESULTS = "Qxzvwjk"


@pytest.fixture(scope="module", autouse=True)
def _forget_the_fruitless_searches(django_db_setup, django_db_blocker):
    """The live server commits the zero-result searches it logs; remove them afterwards."""
    yield
    from search.models import ZeroResultQuery

    with django_db_blocker.unblock():
        ZeroResultQuery.objects.filter(query=NO_RESULTS.lower()).delete()


RUN_AXE = """async (tags) => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return {
        passes: results.passes.length,
        violations: results.violations.map(v => ({
            rule: v.id,
            impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary),
        })),
    };
}"""


def public_urls(language_code: str) -> dict[str, int]:
    """The pages to check in `language_code`, each with the status it must answer with."""
    locale = Locale.objects.get(language_code=language_code)
    urls = {}
    for page_type in PAGE_TYPES:
        page = page_type.objects.live().public().filter(locale=locale).first()
        assert page is not None, f"the demo has no {page_type.__name__} in {language_code}"
        urls[page.url] = 200
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for field in LEGAL_PAGES:
        legal = getattr(settings, field)
        assert legal is not None, f"the demo sets no {field}"
        urls[legal.get_translation(locale).url] = 200
    search = f"/{language_code}/suche/"
    urls[f"{search}?q=Beratung"] = 200
    urls[f"{search}?q=Beratung&free=1"] = 200
    urls[f"{search}?q={NO_RESULTS}"] = 200
    urls[f"/{language_code}/diese-seite-gibt-es-nicht/"] = 404
    return urls


@pytest.mark.service("chromium", "checkers")
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_axe_finds_no_wcag_violations(browser, site_url, language_code):
    urls = public_urls(language_code)
    tab = browser.new_page(viewport=PHONE)
    violations = {}
    try:
        for url, status in urls.items():
            response = tab.goto(site_url + url)
            assert response.status == status, url
            tab.add_script_tag(path=str(AXE.path))
            results = tab.evaluate(RUN_AXE, WCAG_TAGS)
            assert results["passes"] > 10, f"axe checked almost nothing on {url}"
            if results["violations"]:
                violations[url] = results["violations"]
    finally:
        tab.close()
    assert violations == {}, json.dumps(violations, indent=1, ensure_ascii=False)


@pytest.mark.service("chromium", "checkers")
def test_axe_finds_no_violations_in_dark_mode(browser, site_url):
    """Dark mode has its own colours: check contrast there too (German pages)."""
    tab = browser.new_page(viewport=PHONE, color_scheme="dark")
    violations = {}
    try:
        for url, status in public_urls("de").items():
            response = tab.goto(site_url + url)
            assert response.status == status, url
            assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
            tab.add_script_tag(path=str(AXE.path))
            results = tab.evaluate(RUN_AXE, WCAG_TAGS)
            if results["violations"]:
                violations[url] = results["violations"]
    finally:
        tab.close()
    assert violations == {}, json.dumps(violations, indent=1, ensure_ascii=False)


@pytest.mark.service("checkers")
def test_nu_html_checker_reports_no_errors(client, tmp_path):
    files: dict[str, str] = {}
    for language_code in LANGUAGES:
        for number, (url, status) in enumerate(public_urls(language_code).items()):
            response = client.get(url)
            assert response.status_code == status, url
            path = Path(tmp_path, f"{language_code}-{number:02d}.html")
            path.write_bytes(response.content)
            files[path.name] = url
    result = subprocess.run(
        ["java", "-jar", str(VNU.path), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files.get(Path(message.get('url', '')).name, message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == sum(len(public_urls(code)) for code in LANGUAGES)


def _tab_to(tab, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus (fail after `limit`)."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        if tab.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.service("chromium")
@pytest.mark.parametrize("language_code", ["de", "ar"])
def test_facets_work_by_keyboard_and_the_result_count_is_announced(
    browser, site_url, language_code
):
    tab = browser.new_page(viewport=PHONE)
    try:
        tab.goto(f"{site_url}/{language_code}/suche/?q=Beratung")
        count = tab.locator("#result-count")
        assert count.get_attribute("role") == "status"
        before = count.inner_text()
        # The "free of charge" facet's own count: what the result count must become.
        label = tab.locator("label", has=tab.locator("input[name=free]"))
        expected = label.locator(".count").text_content().strip("()")
        assert expected.isdigit()
        _tab_to(tab, "details.facets > summary")
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.querySelector('details.facets').open")
        _tab_to(tab, "input[name=free]")
        tab.keyboard.press("Space")
        assert tab.evaluate("document.activeElement.checked")
        _tab_to(tab, "details.facets button[type=submit]")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert "free=1" in tab.url
        # Focus is on the count (so a screen reader reads it), which shows the facet's number.
        assert tab.evaluate("document.activeElement.id") == "result-count"
        after = count.inner_text()
        assert after != before
        assert after.split()[0] == expected
        assert after in tab.title()
    finally:
        tab.close()
