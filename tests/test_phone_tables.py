"""Tables and numbers on a phone: no word or number breaks mid-word at 320 and 390 px.

Headless Chromium opens every demo page with a table (home, facts, each action field and
measure) in German and Arabic, opens the collapsed data tables, and measures each word of each
table cell: a word whose characters land on more than one line was broken. Breaks after a
hyphen or slash ("Sprach-/Integrationskurs") are allowed; that is where words may break.
"""

import pytest

from site_pages import models as m
from tests.browser import PHONE

pytestmark = [pytest.mark.service("chromium"), pytest.mark.django_db]

WIDTHS = [320, 390]
LANGUAGES = ["de", "ar"]

# Words of table cells (split at spaces and after hyphens, dashes and slashes) that are laid
# out on more than one line, plus the page's horizontal overflow.
MEASURE_TABLES = """() => {
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const WORD = /[^\\s\\-\\u2010-\\u2014\\/]+[\\-\\u2010-\\u2014\\/]?/g;
    const broken = [];
    let words = 0;
    for (const cell of document.querySelectorAll('main table th, main table td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(WORD)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set([...range.getClientRects()]
                    .filter(r => r.width > 0).map(r => Math.round(r.top)));
                if (tops.size === 0) continue;
                words++;
                if (tops.size > 1) broken.push(match[0]);
            }
        }
    }
    const indicatorTables = [...document.querySelectorAll('.indicator-table')];
    return {
        words,
        broken,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        indicatorTables: indicatorTables.length,
        stacked: indicatorTables.every(t => getComputedStyle(t).display === 'block'),
    };
}"""


def _pages_with_tables(language_code: str) -> list:
    """The demo's pages that show tables, in `language_code`."""
    pages = []
    for model in [m.HomePage, m.FactsPage, m.ActionFieldPage, m.MeasurePage]:
        found = list(model.objects.live().filter(locale__language_code=language_code))
        assert found, f"the demo has no {model.__name__} in {language_code}"
        pages.extend(found)
    return pages


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language_code", LANGUAGES)
def test_no_word_breaks_in_tables_on_a_phone(browser, site_url, language_code, width):
    pages = _pages_with_tables(language_code)
    tab = browser.new_page(viewport={"width": width, "height": PHONE["height"]})
    problems = {}
    measured_words = 0
    indicator_tables = 0
    try:
        for page in pages:
            response = tab.goto(site_url + page.url)
            assert response.status == 200, page.url
            facts = tab.evaluate(MEASURE_TABLES)
            measured_words += facts["words"]
            indicator_tables += facts["indicatorTables"]
            if facts["broken"] or facts["overflow"] > 0 or not facts["stacked"]:
                problems[page.url] = (facts["broken"], facts["overflow"], facts["stacked"])
    finally:
        tab.close()
    assert problems == {}, "\n".join(f"{url}: {problem}" for url, problem in problems.items())
    # The check looked at real tables: every measure page has an indicator table.
    assert indicator_tables >= m.MeasurePage.objects.filter(locale__language_code="de").count()
    assert measured_words > 500
