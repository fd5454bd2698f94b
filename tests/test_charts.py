"""The SVG charts: shapes, text alternatives, progress arithmetic, the opening-hours rules."""

import re
from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from site_pages.charts import (
    bar_rows,
    indicator_progress,
    progress_shape,
    status_legend,
    status_mix_bar,
)
from site_pages.choices import MeasureStatus
from site_pages.opening_hours import Slot, opening_state

BERLIN = ZoneInfo("Europe/Berlin")


def test_status_mix_bar_is_an_image_named_by_its_numbers():
    with translation.override("en"):
        svg = status_mix_bar({"in_progress": 2, "planned": 1, "delayed": 0}, "f1")
    assert 'role="img"' in svg
    assert '<title id="f1-title">1 planned, 2 in progress (3 measures)</title>' in svg
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="1" width="([\d.]+)"', svg)]
    assert widths == pytest.approx([200 / 3, 400 / 3], abs=0.01)
    assert "<script" not in svg


def test_status_mix_bar_without_measures_draws_an_empty_outline():
    with translation.override("en"):
        svg = status_mix_bar({}, "f2")
    assert "0 measures" in svg
    assert 'stroke-dasharray="2 2"' in svg


def test_every_status_has_its_own_fill_in_the_legend():
    legend = status_legend("legend")
    fills = re.findall(r'fill="([^"]+)" stroke', legend)
    assert len(fills) == len(MeasureStatus.values)
    assert len(set(fills)) == len(fills)


def test_bar_rows_measure_against_the_scale_or_the_largest_value():
    parts = bar_rows([("Syrien", Decimal(867)), ("andere", Decimal(2951))], Decimal(3818))
    assert [row.percent for row in parts] == [Decimal("22.7"), Decimal("77.3")]
    compared = bar_rows([("a", Decimal(5)), ("b", Decimal(10))])
    assert [row.fraction for row in compared] == [Decimal("0.5"), Decimal(1)]
    assert 'width="50.00"' in compared[0].shape
    assert 'aria-hidden="true"' in compared[0].shape


def test_indicator_progress_runs_from_baseline_to_target():
    progress = indicator_progress(Decimal(10), Decimal(25), Decimal(40))
    assert progress.percent == 50
    assert indicator_progress(None, Decimal(24), Decimal(60)).percent == 40
    # Falling targets (fewer people waiting) count the way down.
    assert indicator_progress(Decimal(100), Decimal(70), Decimal(40)).percent == 50
    # Beyond the target is 100 %, behind the baseline 0 %.
    assert indicator_progress(Decimal(0), Decimal(80), Decimal(60)).percent == 100
    assert indicator_progress(Decimal(10), Decimal(5), Decimal(60)).percent == 0
    assert indicator_progress(Decimal(0), None, Decimal(60)).percent is None
    assert indicator_progress(Decimal(0), Decimal(5), None) is None


def test_progress_shape_carries_its_text_alternative():
    progress = indicator_progress(None, Decimal(24), Decimal(60))
    svg = progress_shape(progress, "Familien: 24 von 60")
    assert 'role="img"' in svg and 'aria-label="Familien: 24 von 60"' in svg
    assert 'class="chart-progress__fill" x="0" y="3" width="40.00"' in svg


SLOTS = [Slot(0, time(9), time(12)), Slot(2, time(14), time(18))]


def test_open_during_a_slot_until_its_closing_time():
    state = opening_state(SLOTS, datetime(2026, 11, 30, 10, 0, tzinfo=BERLIN))  # a Monday
    assert state.is_open and state.closes_at == time(12)


def test_closed_at_closing_time_opens_next_on_the_following_slot():
    state = opening_state(SLOTS, datetime(2026, 11, 30, 12, 0, tzinfo=BERLIN))
    assert not state.is_open
    assert (state.next_day.isoformat(), state.next_opens) == ("2026-12-02", time(14))


def test_before_opening_it_opens_today():
    state = opening_state(SLOTS, datetime(2026, 11, 30, 7, 0, tzinfo=BERLIN))
    assert (state.next_day.isoformat(), state.next_opens) == ("2026-11-30", time(9))


def test_after_the_last_slot_of_the_week_it_opens_next_week():
    state = opening_state(SLOTS, datetime(2026, 12, 2, 19, 0, tzinfo=BERLIN))
    assert state.next_day.isoformat() == "2026-12-07"


def test_the_site_time_zone_decides_not_utc(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    # 08:30 UTC is 09:30 in Eisenach (winter time): open.
    state = opening_state(SLOTS, datetime(2026, 11, 30, 8, 30, tzinfo=ZoneInfo("UTC")))
    assert state.is_open


def test_without_slots_nothing_is_known():
    state = opening_state([], datetime(2026, 11, 30, 10, 0, tzinfo=BERLIN))
    assert not state.is_open and not state.has_hours
