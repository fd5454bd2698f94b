"""When one can apply for funding: application windows, the next deadline, "open now".

Plain functions over dates so the rules are tested without a database. A window runs from
``opens`` (or "already open" when unknown) to ``closes`` inclusive; a yearly window repeats on
the same calendar days every year after its first occurrence.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from site_pages.choices import FundingStatus


@dataclass(frozen=True)
class ApplicationWindow:
    """One application period of a funding source."""

    closes: date
    opens: date | None = None
    recurs_yearly: bool = False


def _shift_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def current_occurrence(window: ApplicationWindow, today: date) -> ApplicationWindow | None:
    """The occurrence of `window` that has not closed by `today`, or None if it is over."""
    if window.closes >= today:
        return window
    if not window.recurs_yearly:
        return None
    years = today.year - window.closes.year
    if _shift_years(window.closes, years) < today:
        years += 1
    return ApplicationWindow(
        closes=_shift_years(window.closes, years),
        opens=_shift_years(window.opens, years) if window.opens else None,
        recurs_yearly=True,
    )


def next_deadline(windows: Iterable[ApplicationWindow], today: date) -> date | None:
    """The earliest closing date on or after `today`, or None when nothing is ahead."""
    upcoming = [occ.closes for w in windows if (occ := current_occurrence(w, today))]
    return min(upcoming, default=None)


def funding_status(
    windows: Iterable[ApplicationWindow], rolling: bool, today: date
) -> FundingStatus:
    """Open when a window contains `today` or applications are rolling; else upcoming/closed."""
    if rolling:
        return FundingStatus.OPEN
    occurrences = [occ for w in windows if (occ := current_occurrence(w, today))]
    if any(occ.opens is None or occ.opens <= today for occ in occurrences):
        return FundingStatus.OPEN
    if occurrences:
        return FundingStatus.UPCOMING
    return FundingStatus.CLOSED
