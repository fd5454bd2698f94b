"""Whether funding is open now and when the next deadline falls, derived from dates."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from site_pages.choices import FundingStatus
from site_pages.funding_windows import ApplicationWindow, funding_status, next_deadline

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
