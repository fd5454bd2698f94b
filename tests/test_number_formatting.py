"""Figures and lists read right in every language: grouping, needless decimals, separators."""

import html
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from site_pages import factories as f
from site_pages import models as m
from site_pages.templatetags.teilhabe_i18n import format_number, join_list
from tests.content import german

NBSP = "\xa0"

# (language, 3818, 8.80, 1234567.25) as Django's locale formats write them. Django defines no
# digit grouping for Arabic and Farsi, so their thousands stay ungrouped.
LOCALE_NUMBERS = [
    ("de", "3.818", "8,8", "1.234.567,25"),
    ("en", "3,818", "8.8", "1,234,567.25"),
    ("ar", "3818", "8,8", "1234567,25"),
    ("uk", f"3{NBSP}818", "8,8", f"1{NBSP}234{NBSP}567,25"),
    ("ru", f"3{NBSP}818", "8,8", f"1{NBSP}234{NBSP}567,25"),
    ("tr", "3.818", "8,8", "1.234.567,25"),
    ("fa", "3818", "8.8", "1234567.25"),
    ("pl", f"3{NBSP}818", "8,8", f"1{NBSP}234{NBSP}567,25"),
    ("ro", "3.818", "8,8", "1.234.567,25"),
]


def test_the_number_table_covers_every_configured_language():
    assert [row[0] for row in LOCALE_NUMBERS] == [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize(("code", "thousands", "decimal", "large"), LOCALE_NUMBERS)
def test_numbers_follow_the_locale_format_of_each_language(code, thousands, decimal, large):
    with translation.override(code):
        assert format_number(Decimal("3818.00")) == thousands
        assert format_number(Decimal("8.80")) == decimal
        assert format_number(Decimal("1234567.25")) == large


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_a_count_prints_without_decimals_in_every_language(code):
    with translation.override(code):
        assert format_number(Decimal("7.00")) == "7"
        assert format_number(Decimal("0.00")) == "0"


def test_values_keep_only_the_decimals_they_need():
    with translation.override("de"):
        assert format_number(Decimal("6.50")) == "6,5"
        assert format_number(Decimal("0.25")) == "0,25"
        assert format_number(Decimal("-2.50")) == "-2,5"
        assert format_number(Decimal("2350.00")) == "2.350"
        assert format_number(12) == "12"
        assert format_number(None) == ""


@pytest.mark.parametrize(
    ("code", "expected"),
    [("de", "Nord, Süd"), ("en", "Nord, Süd"), ("ar", "Nord، Süd"), ("fa", "Nord، Süd")],
)
def test_lists_use_the_comma_of_the_language(code, expected):
    with translation.override(code):
        assert join_list(["Nord", "Süd"]) == expected


def test_a_list_of_one_or_none_has_no_separator():
    with translation.override("ar"):
        assert join_list(["Nord"]) == "Nord"
        assert join_list([]) == ""


def soup(body: str) -> BeautifulSoup:
    """The rendered page, parsed."""
    return BeautifulSoup(body, "html.parser")


def rendered_in(page, code: str) -> str:
    """The unescaped public HTML of `page` as served with `code` as the active language."""
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    with translation.override(code):
        response = page.serve(request)
        response.render()
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def facts_page(demo_home):
    """A facts page with a four-digit count and a one-decimal value."""
    page = f.FactsPageFactory(parent=demo_home, title="Zahlenprobe", slug="zahlenprobe")
    page.facts = [
        m.Fact(
            label=label,
            value=value,
            unit=unit,
            reference_date=date(2019, 12, 31),
            source="Landesamt",
            locale=page.locale,
        )
        for label, value, unit in [
            ("Einwohner mit Migrationshintergrund", Decimal("3818.00"), "Personen"),
            ("Anteil an der Bevölkerung", Decimal("8.80"), "Prozent"),
        ]
    ]
    page.save()
    return page


@pytest.fixture
def measure(db):
    """A measure with count indicators, two districts and two target groups."""
    page = f.MeasurePageFactory(
        parent=german(m.ActionFieldPage).get(number=1), title="Zahlenprobe", code="1.97"
    )
    page.districts.set([f.DistrictFactory(name="Nordstadt"), f.DistrictFactory(name="Südstadt")])
    page.target_groups.set(
        [f.TargetGroupFactory(name="Familien"), f.TargetGroupFactory(name="Senioren")]
    )
    page.indicators = [
        m.MeasureIndicator(
            name="Sprachfassungen",
            unit="Sprachversionen",
            baseline=Decimal("0.00"),
            target=Decimal("6.00"),
            current_value=Decimal("7.00"),
            as_of=date(2022, 3, 8),
            locale=page.locale,
        ),
        m.MeasureIndicator(
            name="Beschäftigungsquote",
            unit="Prozent",
            baseline=Decimal("6.50"),
            target=Decimal("10.00"),
            current_value=Decimal("8.90"),
            as_of=date(2025, 12, 31),
            locale=page.locale,
        ),
    ]
    page.save()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "count", "share"),
    [("de", "3.818", "8,8"), ("ar", "3818", "8,8"), ("fa", "3818", "8.8")],
)
def test_facts_page_groups_and_trims_figures_in_the_readers_language(
    facts_page, code, count, share
):
    body = rendered_in(facts_page, code)
    values = [value.get_text(" ", strip=True) for value in soup(body).select(".fact__value")]
    assert values == [f"{count} Personen", f"{share} Prozent"]
    assert "3818,00" not in body
    assert "3818.00" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "separator", "baseline", "current"),
    [("de", ", ", "6,5", "8,9"), ("ar", "، ", "6,5", "8,9"), ("fa", "، ", "6.5", "8.9")],
)
def test_measure_page_prints_counts_without_decimals_and_joins_lists_per_language(
    measure, code, separator, baseline, current
):
    body = rendered_in(measure, code)
    rows = [
        [cell.contents[0].strip() for cell in row.select("td")[:3]]
        for row in soup(body).select(".indicator-table tbody tr")
    ]
    # baseline, current value (its date follows in a span), target
    assert rows == [["0", "7", "6"], [baseline, current, "10"]]
    # Each German name in ar/fa is isolated on its own (site_pages.bidi): join the pieces.
    values = {" ".join(value.get_text().split()) for value in soup(body).select("dd")}
    assert {f"Nordstadt{separator}Südstadt", f"Familien{separator}Senioren"} <= values
    assert "7,00" not in body
    assert "7.00" not in body
