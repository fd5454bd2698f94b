"""When one can apply for funding: application windows, the next deadline, "open now".

Plain functions over dates so the rules are tested without a database. A window runs from
``opens`` (or "already open" when unknown) to ``closes`` inclusive; a yearly window repeats on
the same calendar days every year after its first occurrence.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from site_pages.choices import FundingStatus


@dataclass(frozen=True)
class ApplicationWindow:
    """One application period of a funding source."""

    closes: date
    opens: date | None = None
    recurs_yearly: bool = False
    note: str = ""


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
    return replace(
        window,
        closes=_shift_years(window.closes, years),
        opens=_shift_years(window.opens, years) if window.opens else None,
    )


@dataclass(frozen=True)
class DatedWindow:
    """A window as seen on one day: the occurrence that matters then, and its status."""

    window: ApplicationWindow
    status: FundingStatus


def window_as_of(window: ApplicationWindow, today: date) -> DatedWindow:
    """`window` on `today`: its current occurrence, open or upcoming, or itself, closed."""
    occurrence = current_occurrence(window, today)
    if occurrence is None:
        return DatedWindow(window, FundingStatus.CLOSED)
    if occurrence.opens is None or occurrence.opens <= today:
        return DatedWindow(occurrence, FundingStatus.OPEN)
    return DatedWindow(occurrence, FundingStatus.UPCOMING)


def windows_to_show(windows: Iterable[ApplicationWindow], today: date) -> list[DatedWindow]:
    """The windows a funding page lists on `today`: open and coming ones, next deadline first.

    Only when none is ahead, the window that closed last is listed, marked closed: a past
    window never stands beside a current one as if both were current.
    """
    dated = [window_as_of(w, today) for w in windows]
    ahead = sorted(
        (d for d in dated if d.status != FundingStatus.CLOSED), key=lambda d: d.window.closes
    )
    if ahead or not dated:
        return ahead
    return [max(dated, key=lambda d: d.window.closes)]


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
    statuses = {window_as_of(w, today).status for w in windows}
    if FundingStatus.OPEN in statuses:
        return FundingStatus.OPEN
    if FundingStatus.UPCOMING in statuses:
        return FundingStatus.UPCOMING
    return FundingStatus.CLOSED
