"""Right-to-left pages in a real browser: headless Chromium at phone width.

Set SCREENSHOT_DIR to keep the screenshots (`make screenshots` writes docs/screenshots/).
"""

import os
from pathlib import Path

import pytest

from site_pages import models as m
from tests.browser import PHONE

pytestmark = [pytest.mark.service("chromium"), pytest.mark.django_db]


def _layout(browser, url: str, screenshot: Path) -> dict:
    """Open `url` at phone width and measure direction and horizontal overflow."""
    page = browser.new_page(viewport=PHONE)
    try:
        response = page.goto(url)
        assert response.status == 200, url
        facts = page.evaluate(
            """() => ({
                htmlDir: document.documentElement.dir,
                htmlLang: document.documentElement.lang,
                mainDirection: getComputedStyle(document.querySelector('main')).direction,
                overflow: document.documentElement.scrollWidth
                    - document.documentElement.clientWidth,
                wideElements: [...document.querySelectorAll('body *')]
                    .filter(el => {
                        const r = el.getBoundingClientRect();
                        return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1);
                    })
                    .map(el => el.tagName + '.' + el.className).slice(0, 5),
                brandLeft: document.querySelector('.site-header__brand')
                    .getBoundingClientRect().left,
                styled: getComputedStyle(document.querySelector('.skip-link')).position,
            })"""
        )
        page.screenshot(path=str(screenshot), full_page=False)
        return facts
    finally:
        page.close()


def _screenshot_path(tmp_path: Path, name: str) -> Path:
    """Where to put a screenshot: SCREENSHOT_DIR when set, else the test's temp dir."""
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@pytest.mark.parametrize("page_type", [m.HomePage, m.OfferPage, m.MeasurePage, m.FundingSourcePage])
def test_arabic_pages_are_right_to_left_and_fit_a_phone(browser, site_url, tmp_path, page_type):
    page = page_type.objects.filter(locale__language_code="ar").live().first()
    assert page is not None, f"the demo has no Arabic {page_type.__name__}"
    name = f"rtl-ar-{page_type.__name__.lower()}.png"
    facts = _layout(browser, site_url + page.url, _screenshot_path(tmp_path, name))
    assert facts["styled"] == "absolute", "the stylesheet was not applied"
    assert facts["htmlDir"] == "rtl"
    assert facts["htmlLang"] == "ar"
    assert facts["mainDirection"] == "rtl"
    assert facts["overflow"] <= 0, facts["wideElements"]
    assert facts["wideElements"] == []
    # Mirrored: the brand sits at the right edge in RTL.
    assert facts["brandLeft"] > PHONE["width"] / 2


@pytest.mark.parametrize("page_type", [m.HomePage, m.OfferPage])
def test_german_pages_are_left_to_right_and_fit_a_phone(browser, site_url, tmp_path, page_type):
    page = page_type.objects.filter(locale__language_code="de").live().first()
    name = f"ltr-de-{page_type.__name__.lower()}.png"
    facts = _layout(browser, site_url + page.url, _screenshot_path(tmp_path, name))
    assert facts["htmlDir"] == "ltr"
    assert facts["mainDirection"] == "ltr"
    assert facts["overflow"] <= 0, facts["wideElements"]
    assert facts["brandLeft"] < PHONE["width"] / 2
