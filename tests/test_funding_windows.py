"""Whether funding is open now, when the next deadline falls and which windows a page lists."""

from datetime import date, timedelta

import pytest
from django.utils import formats, timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from site_pages.choices import FundingStatus
from site_pages.factories import FundingSourcePageFactory
from site_pages.funding_windows import (
    ApplicationWindow,
    DatedWindow,
    funding_status,
    next_deadline,
    window_as_of,
    windows_to_show,
)
from site_pages.models import FundingDeadline, FundingIndexPage
from tests.content import german, without_isolation
from tests.test_number_formatting import rendered_in

TODAY = date(2026, 11, 30)


def test_rolling_applications_are_always_open():
    assert funding_status([], rolling=True, today=TODAY) == FundingStatus.OPEN


def test_a_window_containing_today_is_open():
    window = ApplicationWindow(opens=date(2026, 11, 1), closes=date(2026, 12, 15))
    assert funding_status([window], rolling=False, today=TODAY) == FundingStatus.OPEN
    assert next_deadline([window], TODAY) == date(2026, 12, 15)


def test_a_future_window_is_upcoming_and_a_past_one_closed():
    future = ApplicationWindow(opens=date(2027, 2, 1), closes=date(2027, 3, 31))
    past = ApplicationWindow(opens=date(2026, 1, 1), closes=date(2026, 3, 31))
    assert funding_status([future], rolling=False, today=TODAY) == FundingStatus.UPCOMING
    assert funding_status([past], rolling=False, today=TODAY) == FundingStatus.CLOSED
    assert next_deadline([past], TODAY) is None


def test_closing_day_itself_is_still_open():
    window = ApplicationWindow(closes=TODAY)
    assert funding_status([window], rolling=False, today=TODAY) == FundingStatus.OPEN


def test_a_yearly_window_comes_back_next_year():
    window = ApplicationWindow(opens=date(2024, 3, 1), closes=date(2024, 4, 30), recurs_yearly=True)
    assert next_deadline([window], TODAY) == date(2027, 4, 30)
    assert funding_status([window], rolling=False, today=TODAY) == FundingStatus.UPCOMING
    assert funding_status([window], rolling=False, today=date(2027, 3, 15)) == FundingStatus.OPEN


def test_a_yearly_window_across_new_year_is_open_in_december():
    window = ApplicationWindow(
        opens=date(2023, 11, 15), closes=date(2024, 1, 31), recurs_yearly=True
    )
    assert funding_status([window], rolling=False, today=TODAY) == FundingStatus.OPEN
    assert next_deadline([window], TODAY) == date(2027, 1, 31)


def test_leap_day_deadline_falls_back_to_28_february():
    window = ApplicationWindow(closes=date(2024, 2, 29), recurs_yearly=True)
    assert next_deadline([window], TODAY) == date(2027, 2, 28)


def test_next_deadline_is_the_earliest_of_several():
    windows = [
        ApplicationWindow(closes=date(2027, 5, 1)),
        ApplicationWindow(closes=date(2026, 12, 24)),
    ]
    assert next_deadline(windows, TODAY) == date(2026, 12, 24)


@given(
    closes=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    span=st.integers(min_value=0, max_value=364),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
)
def test_a_yearly_deadline_is_never_in_the_past_and_less_than_a_year_ahead(closes, span, today):
    window = ApplicationWindow(
        opens=closes - timedelta(days=span), closes=closes, recurs_yearly=True
    )
    deadline = next_deadline([window], today)
    assert deadline >= today
    assert deadline == closes or (deadline - today).days <= 366


def test_an_open_window_is_shown_with_its_status():
    window = ApplicationWindow(opens=date(2026, 11, 1), closes=date(2026, 12, 15), note="Runde")
    assert window_as_of(window, TODAY) == DatedWindow(window, FundingStatus.OPEN)


def test_a_yearly_window_is_shown_with_the_dates_of_its_next_occurrence():
    window = ApplicationWindow(opens=date(2024, 3, 1), closes=date(2024, 4, 30), recurs_yearly=True)
    dated = window_as_of(window, TODAY)
    assert dated.status == FundingStatus.UPCOMING
    assert (dated.window.opens, dated.window.closes) == (date(2027, 3, 1), date(2027, 4, 30))


def test_a_yearly_window_keeps_its_note_in_every_year():
    window = ApplicationWindow(closes=date(2024, 4, 30), recurs_yearly=True, note="Frühjahr")
    assert window_as_of(window, TODAY).window.note == "Frühjahr"


def test_a_past_window_is_not_listed_beside_the_next_deadline():
    last_year = ApplicationWindow(opens=date(2025, 10, 1), closes=date(2025, 12, 15))
    next_year = ApplicationWindow(opens=date(2027, 1, 15), closes=date(2027, 3, 31))
    assert windows_to_show([last_year, next_year], TODAY) == [
        DatedWindow(next_year, FundingStatus.UPCOMING)
    ]


def test_windows_ahead_are_listed_by_deadline_the_open_one_first():
    later = ApplicationWindow(opens=date(2027, 5, 1), closes=date(2027, 6, 30))
    open_now = ApplicationWindow(closes=date(2026, 12, 24))
    assert windows_to_show([later, open_now], TODAY) == [
        DatedWindow(open_now, FundingStatus.OPEN),
        DatedWindow(later, FundingStatus.UPCOMING),
    ]


def test_with_nothing_ahead_only_the_last_closed_window_is_listed_as_closed():
    older = ApplicationWindow(opens=date(2025, 8, 1), closes=date(2025, 10, 31))
    last = ApplicationWindow(opens=date(2026, 8, 1), closes=date(2026, 10, 31))
    assert windows_to_show([last, older], TODAY) == [DatedWindow(last, FundingStatus.CLOSED)]


def test_no_windows_list_nothing():
    assert windows_to_show([], TODAY) == []


@given(
    windows=st.lists(
        st.builds(
            ApplicationWindow,
            closes=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
            recurs_yearly=st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
)
def test_a_closed_window_is_listed_only_when_nothing_is_ahead(windows, today):
    shown = windows_to_show(windows, today)
    deadline = next_deadline(windows, today)
    if deadline is None:
        assert [d.status for d in shown] == [FundingStatus.CLOSED]
    else:
        assert FundingStatus.CLOSED not in {d.status for d in shown}
        closes = [d.window.closes for d in shown]
        assert closes[0] == deadline
        assert closes == sorted(closes)


@pytest.fixture
def funding_source(db):
    """A funding source whose windows are set relative to the real today by each test."""
    return FundingSourcePageFactory(
        parent=german(FundingIndexPage).get(), title="Fensterprobe", slug="fensterprobe"
    )


def _with_windows(source, *windows: tuple[int, int, str]):
    """Give `source` one-off windows opening and closing that many days from today."""
    today = timezone.localdate()
    source.deadlines = [
        FundingDeadline(
            opens_on=today + timedelta(days=opens),
            closes_on=today + timedelta(days=closes),
            note=note,
            locale=source.locale,
        )
        for opens, closes, note in windows
    ]
    source.save()
    return source


def _short(day: date) -> str:
    """`day` as the active language writes short dates."""
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@pytest.mark.parametrize("code", ["de", "ar", "fa"])
def test_funding_page_lists_the_next_window_but_not_last_years(funding_source, code):
    source = _with_windows(
        funding_source, (-400, -370, "Runde des Vorjahres"), (20, 50, "Nächste Runde")
    )
    today = timezone.localdate()
    body = rendered_in(source, code)
    with translation.override(code):
        next_opens, next_closes = (
            _short(today + timedelta(days=20)),
            _short(today + timedelta(days=50)),
        )
        past_closes = _short(today - timedelta(days=370))
    assert f"{next_opens} – {next_closes} – Nächste Runde" in without_isolation(body)
    assert 'class="window window--upcoming"' in body
    assert "Runde des Vorjahres" not in body
    assert past_closes not in body
    assert "window--closed" not in body


@pytest.mark.parametrize("code", ["de", "ar", "fa"])
def test_funding_page_without_a_coming_window_shows_the_last_one_as_closed(funding_source, code):
    source = _with_windows(
        funding_source, (-400, -370, "Runde des Vorjahres"), (-60, -30, "Letzte Runde")
    )
    body = rendered_in(source, code)
    assert 'class="window window--closed"' in body
    assert "Letzte Runde" in body
    assert "Runde des Vorjahres" not in body
    assert "window--upcoming" not in body
    assert "window--open" not in body
