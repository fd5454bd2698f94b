"""The measure sheet prints on one A4 page: every demo measure in German and Arabic.

Headless Chromium prints each page to PDF (A4, the stylesheet's own @page margins); the PDF's
page tree says how many pages it has.
"""

import re

import pytest

from site_pages import models as m

pytestmark = [pytest.mark.service("chromium"), pytest.mark.django_db]

PAGE_COUNT = re.compile(
    rb"/Type\s*/Pages\b.*?/Count\s+(\d+)|/Count\s+(\d+).*?/Type\s*/Pages\b", re.S
)


def _pdf_pages(pdf: bytes) -> int:
    """The number of pages in `pdf`, from its page tree's /Count."""
    match = PAGE_COUNT.search(pdf)
    assert match is not None, "no page tree in the PDF"
    return int(match.group(1) or match.group(2))


@pytest.mark.parametrize("language_code", ["de", "ar"])
def test_every_measure_sheet_prints_on_one_a4_page(browser, site_url, language_code):
    measures = list(m.MeasurePage.objects.live().filter(locale__language_code=language_code))
    assert len(measures) >= 15, "the demo's measures are missing"
    tab = browser.new_page()
    longer = {}
    try:
        for measure in measures:
            response = tab.goto(site_url + measure.url)
            assert response.status == 200, measure.url
            pages = _pdf_pages(tab.pdf(format="A4"))
            if pages != 1:
                longer[measure.url] = pages
        # The site's chrome is not printed; the sheet is.
        tab.emulate_media(media="print")
        hidden = tab.evaluate(
            """() => ['.site-header', '.site-footer', '.breadcrumbs']
                .map(s => document.querySelector(s))
                .filter(el => el && getComputedStyle(el).display !== 'none')
                .map(el => el.className)"""
        )
    finally:
        tab.close()
    assert longer == {}
    assert hidden == []


def test_the_page_count_is_read_from_the_page_tree():
    two_pages = b"1 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj"
    assert _pdf_pages(two_pages) == 2
    assert _pdf_pages(b"<< /Count 1 /Kids [3 0 R] /Type /Pages >>") == 1
