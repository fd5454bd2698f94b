"""Whether an offer is open now, and when it opens next, from its structured opening hours.

Plain functions over weekday/time slots so the rules are tested without a database. Times are
the city's wall-clock times: `now` (an aware datetime, injectable for tests) is converted to
the site's time zone (settings.TIME_ZONE) before it is compared, so daylight saving and a
server running in UTC change nothing.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Slot:
    """One opening time: a weekday (Monday = 0) with opening and closing time."""

    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class OpeningState:
    """An offer's state at one moment: open (until when) or closed (and when it opens next)."""

    is_open: bool
    closes_at: time | None = None
    next_day: date | None = None
    next_opens: time | None = None

    @property
    def has_hours(self) -> bool:
        """Whether anything is known: open now or a next opening within a week."""
        return self.is_open or self.next_day is not None


def local_now(now: datetime | None = None) -> datetime:
    """`now` (default: the current time) in the site's time zone."""
    return timezone.localtime(now or timezone.now())


def opening_state(slots: Iterable[Slot], now: datetime | None = None) -> OpeningState:
    """Open or closed at `now` in the site's time zone, with the next opening within 7 days.

    A slot includes its opening minute and excludes its closing minute (open 9–12 means
    closed at 12:00).
    """
    moment = local_now(now)
    today, clock = moment.date(), moment.time().replace(tzinfo=None)
    slots = sorted(slots, key=lambda s: (s.weekday, s.opens))
    for slot in slots:
        if slot.weekday == today.weekday() and slot.opens <= clock < slot.closes:
            return OpeningState(is_open=True, closes_at=slot.closes)
    for offset in range(8):
        day = today + timedelta(days=offset)
        for slot in slots:
            if slot.weekday != day.weekday() or (offset == 0 and slot.opens <= clock):
                continue
            return OpeningState(is_open=False, next_day=day, next_opens=slot.opens)
    return OpeningState(is_open=False)


def slots_of(opening_hours: Iterable) -> list[Slot]:
    """`Slot`s of OpeningHours rows (anything with weekday, opens and closes)."""
    return [Slot(row.weekday, row.opens, row.closes) for row in opening_hours]
