"""Server-rendered SVG charts, for the public pages and the admin dashboard; no JavaScript.

Every chart comes with a text alternative that says each number in words, and its callers
show the same numbers as a table. Shapes are drawn in `currentColor` (they follow the text
colour, so they read in light and dark mode and in forced colours), and each measure status
has a pattern of its own, so nothing is told by colour alone.

Two kinds of output:

- `status_chart`: one self-contained SVG with labels, for the admin dashboard.
- The public charts (`status_mix_bar`, `bar_rows`, `indicator_progress`) draw only shapes;
  labels and figures stay in HTML around them, so text wraps on narrow screens, is
  translated and formatted like all other text, and the bars can be mirrored for
  right-to-left pages by CSS.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from site_pages.choices import MeasureStatus

# Pattern bodies per status, drawn in a 6×6 tile; "solid" (None) and "empty" ("") need none.
PATTERNS = {
    MeasureStatus.PLANNED: "",  # empty: outline only
    MeasureStatus.IN_PROGRESS: '<path d="M-1,1 L1,-1 M0,6 L6,0 M5,7 L7,5" stroke="currentColor"/>',
    MeasureStatus.ONGOING: '<circle cx="3" cy="3" r="1.3" fill="currentColor"/>',
    MeasureStatus.DELAYED: (
        '<path d="M0,0 L6,6 M6,0 L0,6" stroke="currentColor" stroke-width="1.2"/>'
    ),
    MeasureStatus.IMPLEMENTED: None,  # solid
    MeasureStatus.DISCONTINUED: '<path d="M0,3 L6,3" stroke="currentColor" stroke-width="1.5"/>',
}
LABEL_WIDTH = 170
BAR_WIDTH = 380
COUNT_WIDTH = 40
ROW_HEIGHT = 26
BAR_HEIGHT = 16
LEGEND_ROW = 22


@dataclass
class ChartRow:
    """One bar: its label and the number of measures per status."""

    label: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        """All measures of the row."""
        return sum(self.counts.values())


def describe_counts(counts: Mapping[str, int]) -> str:
    """ "2 in progress, 1 planned (3 measures)" in words, statuses in their fixed order."""
    total = sum(counts.values())
    parts = [
        f"{count} {label}"
        for status, label in MeasureStatus.choices
        if (count := counts.get(status))
    ]
    measures = ngettext("%(count)d measure", "%(count)d measures", total) % {"count": total}
    return f"{', '.join(parts)} ({measures})" if parts else measures


def describe_row(row: ChartRow) -> str:
    """ "Action field 3 …: 2 in progress, 1 planned (3 measures)." in words."""
    return f"{row.label}: {describe_counts(row.counts)}."


def fill_for(chart_id: str, status: str) -> str:
    """The fill attribute value of a status' segments and legend swatch."""
    pattern = PATTERNS[status]
    if pattern is None:
        return "currentColor"
    if pattern == "":
        return "none"
    return f"url(#{chart_id}-{status})"


def pattern_defs(chart_id: str) -> SafeString:
    """The `<pattern>` elements of the statuses, ids prefixed by `chart_id`."""
    return format_html_join(
        "",
        '<pattern id="{}-{}" patternUnits="userSpaceOnUse" width="6" height="6">{}</pattern>',
        ((chart_id, status, mark_safe(body)) for status, body in PATTERNS.items() if body),
    )


def status_chart(rows: list[ChartRow], chart_id: str = "status-chart") -> SafeString:
    """Measures by status per action field as one labelled SVG (the admin dashboard's chart).

    `chart_id` makes its element ids unique on a page.
    """
    largest = max((row.total for row in rows), default=0) or 1
    legend_rows = (len(MeasureStatus.choices) + 2) // 3
    height = ROW_HEIGHT * len(rows) + 12 + LEGEND_ROW * legend_rows
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    title = _("Measures by status per action field")
    description = " ".join(describe_row(row) for row in rows) or _("No action fields.")

    bars = []
    for index, row in enumerate(rows):
        top = index * ROW_HEIGHT + 4
        segments = []
        left = LABEL_WIDTH
        for status, label in MeasureStatus.choices:
            count = row.counts.get(status, 0)
            if not count:
                continue
            span = BAR_WIDTH * count / largest
            segments.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="currentColor">'
                    "<title>{}: {} {}</title></rect>",
                    f"{left:.1f}",
                    top,
                    f"{span:.1f}",
                    BAR_HEIGHT,
                    fill_for(chart_id, status),
                    row.label,
                    count,
                    label,
                )
            )
            left += span
        bars.append(
            format_html(
                '<g><text x="0" y="{}" font-size="12" fill="currentColor">{}</text>{}'
                '<text x="{}" y="{}" font-size="12" fill="currentColor">{}</text></g>',
                top + 12,
                row.label if len(row.label) <= 26 else row.label[:25] + "…",
                mark_safe("".join(segments)),
                f"{left + 6:.1f}",
                top + 12,
                row.total,
            )
        )
    legend = []
    legend_top = ROW_HEIGHT * len(rows) + 12
    for position, (status, label) in enumerate(MeasureStatus.choices):
        x = (position % 3) * (width // 3)
        y = legend_top + (position // 3) * LEGEND_ROW
        legend.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="currentColor"/>'
                '<text x="{}" y="{}" font-size="12" fill="currentColor">{}</text>',
                x,
                y,
                fill_for(chart_id, status),
                x + 20,
                y + 11,
                label,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {w} {h}" '
        'width="100%" style="max-width: {w}px; color: var(--w-color-text-context, currentColor)" '
        'aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc><defs>{defs}</defs>{bars}'
        "<g>{legend}</g></svg>",
        w=width,
        h=height,
        id=chart_id,
        title=title,
        desc=description,
        defs=pattern_defs(chart_id),
        bars=mark_safe("".join(bars)),
        legend=mark_safe("".join(legend)),
    )


# --- public charts: shapes only, text in the HTML around them --------------------------------

MIX_WIDTH = 200
MIX_HEIGHT = 14


def status_mix_bar(counts: Mapping[str, int], chart_id: str) -> SafeString:
    """One bar split by measure status (patterned segments), its description as accessible name.

    `counts` maps status values to numbers; the bar is as wide as all of them together.
    """
    total = sum(counts.values())
    description = describe_counts(counts)
    segments = []
    left = 0.0
    for status, label in MeasureStatus.choices:
        count = counts.get(status, 0)
        if not count:
            continue
        span = MIX_WIDTH * count / total
        segments.append(
            format_html(
                '<rect x="{}" y="1" width="{}" height="{}" fill="{}" stroke="currentColor" '
                'vector-effect="non-scaling-stroke"><title>{} {}</title></rect>',
                f"{left:.2f}",
                f"{span:.2f}",
                MIX_HEIGHT - 2,
                fill_for(chart_id, status),
                count,
                label,
            )
        )
        left += span
    if not segments:
        segments.append(
            format_html(
                '<rect x="0" y="1" width="{}" height="{}" fill="none" stroke="currentColor" '
                'stroke-dasharray="2 2" vector-effect="non-scaling-stroke"/>',
                MIX_WIDTH,
                MIX_HEIGHT - 2,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-mix" role="img" '
        'viewBox="0 0 {w} {h}" preserveAspectRatio="none" focusable="false" '
        'aria-labelledby="{id}-title"><title id="{id}-title">{desc}</title>'
        "<defs>{defs}</defs>{segments}</svg>",
        w=MIX_WIDTH,
        h=MIX_HEIGHT,
        id=chart_id,
        desc=description,
        defs=pattern_defs(chart_id),
        segments=mark_safe("".join(segments)),
    )


def status_swatch(chart_id: str, status: str) -> SafeString:
    """A decorative 14×14 swatch of one status' pattern (for legends and badges)."""
    body = PATTERNS[status]
    defs = ""
    if body:
        defs = format_html(
            '<defs><pattern id="{}-{}" patternUnits="userSpaceOnUse" width="6" height="6">'
            "{}</pattern></defs>",
            chart_id,
            status,
            mark_safe(body),
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-swatch" viewBox="0 0 14 14" '
        'aria-hidden="true" focusable="false">{}<rect x="1" y="1" width="12" height="12" '
        'fill="{}" stroke="currentColor"/></svg>',
        defs,
        fill_for(chart_id, status),
    )


def status_legend(chart_id: str) -> SafeString:
    """The legend of the status patterns: one swatch and label per status."""
    items = format_html_join(
        "",
        '<li class="chart-legend__item">{}{}</li>',
        ((status_swatch(chart_id, status), label) for status, label in MeasureStatus.choices),
    )
    return format_html('<ul class="chart-legend">{}</ul>', items)


def bar_fraction(value: Decimal, scale: Decimal) -> Decimal:
    """`value` as a fraction of `scale`, clamped to 0…1 (0 when the scale is not positive)."""
    if scale <= 0:
        return Decimal(0)
    return min(max(Decimal(value) / Decimal(scale), Decimal(0)), Decimal(1))


def bar_shape(fraction: Decimal) -> SafeString:
    """A decorative horizontal bar filled to `fraction` (0…1), drawn over its full track."""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-bar" viewBox="0 0 100 10" '
        'preserveAspectRatio="none" aria-hidden="true" focusable="false">'
        '<rect class="chart-bar__track" x="0" y="0" width="100" height="10" fill="none" '
        'stroke="currentColor" vector-effect="non-scaling-stroke"/>'
        '<rect class="chart-bar__fill" x="0" y="0" width="{}" height="10" fill="currentColor"/>'
        "</svg>",
        f"{float(fraction) * 100:.2f}",
    )


@dataclass
class BarRow:
    """One row of a bar chart: its label, value, the value's share of the scale and the shape."""

    label: str
    value: Decimal
    fraction: Decimal
    shape: SafeString

    @property
    def percent(self) -> Decimal:
        """The share of the scale in per cent, one decimal."""
        return (self.fraction * 100).quantize(Decimal("0.1"))


def bar_rows(items: Iterable[tuple[str, Decimal]], scale: Decimal | None = None) -> list[BarRow]:
    """Rows of a horizontal bar chart; bars are measured against `scale` or the largest value."""
    pairs = [(label, Decimal(value)) for label, value in items]
    if scale is None:
        scale = max((value for _label, value in pairs), default=Decimal(0))
    rows = []
    for label, value in pairs:
        fraction = bar_fraction(value, Decimal(scale))
        rows.append(BarRow(label, value, fraction, bar_shape(fraction)))
    return rows


@dataclass
class IndicatorProgress:
    """How far an indicator has come from its baseline towards its target."""

    start: Decimal
    target: Decimal
    current: Decimal | None
    fraction: Decimal | None

    @property
    def percent(self) -> int | None:
        """The way covered in whole per cent (None without a current value)."""
        if self.fraction is None:
            return None
        return int((self.fraction * 100).to_integral_value())


def indicator_progress(
    baseline: Decimal | None, current: Decimal | None, target: Decimal | None
) -> IndicatorProgress | None:
    """Progress from baseline (0 when unknown) through current to target; None without target.

    Works for falling targets too (fewer people waiting): the way from baseline to target is
    what is measured. Values beyond the target count as 100 %, behind the baseline as 0 %.
    """
    if target is None:
        return None
    start = Decimal(baseline) if baseline is not None else Decimal(0)
    target = Decimal(target)
    if current is None:
        return IndicatorProgress(start, target, None, None)
    way = target - start
    if way == 0:
        fraction = Decimal(1) if current == target else Decimal(0)
    else:
        fraction = min(max((Decimal(current) - start) / way, Decimal(0)), Decimal(1))
    return IndicatorProgress(start, target, Decimal(current), fraction)


def progress_shape(progress: IndicatorProgress, label: str) -> SafeString:
    """The progress of an indicator as an SVG track with its covered part, named by `label`.

    The track runs from the baseline (inline start) to the target (inline end); a marker at
    the current value. `label` is the accessible name (the text alternative in words).
    """
    fraction = progress.fraction or Decimal(0)
    width = float(fraction) * 100
    marker = ""
    if progress.fraction is not None:
        marker = format_html(
            '<rect class="chart-progress__marker" x="{}" y="0" width="1.2" height="14" '
            'fill="currentColor"/>',
            f"{max(width - 1.2, 0):.2f}",
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-progress" viewBox="0 0 100 14" '
        'preserveAspectRatio="none" role="img" focusable="false" aria-label="{}">'
        '<rect x="0" y="3" width="100" height="8" fill="none" stroke="currentColor" '
        'vector-effect="non-scaling-stroke"/>'
        '<rect class="chart-progress__fill" x="0" y="3" width="{}" height="8" '
        'fill="currentColor"/>{}</svg>',
        label,
        f"{width:.2f}",
        marker,
    )
