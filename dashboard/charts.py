"""A server-rendered SVG bar chart of measures by status per action field; no JavaScript.

Accessible: the SVG is `role="img"` with a `<title>` and a `<desc>` that says every number in
words, each status has its own pattern (not only a colour) and a legend, and the panel shows
the same numbers as a table. Everything is drawn in `currentColor`, which follows the Wagtail
admin's text colour, so the chart reads in light and dark mode alike.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from site_pages.choices import MeasureStatus

# Pattern bodies per status, drawn in a 6×6 tile; "solid" and "empty" need none.
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


def describe_row(row: ChartRow) -> str:
    """ "Action field 3 …: 2 in progress, 1 planned (3 measures)." in words."""
    parts = [
        f"{count} {label}"
        for status, label in MeasureStatus.choices
        if (count := row.counts.get(status, 0))
    ]
    total = ngettext("%(count)d measure", "%(count)d measures", row.total) % {"count": row.total}
    if not parts:
        return f"{row.label}: {total}."
    return f"{row.label}: {', '.join(parts)} ({total})."


def fill_for(chart_id: str, status: str) -> str:
    """The fill attribute value of a status' segments and legend swatch."""
    pattern = PATTERNS[status]
    if pattern is None:
        return "currentColor"
    if pattern == "":
        return "none"
    return f"url(#{chart_id}-{status})"


def status_chart(rows: list[ChartRow], chart_id: str = "status-chart") -> SafeString:
    """The chart as inline SVG markup (`chart_id` makes its element ids unique on a page)."""
    largest = max((row.total for row in rows), default=0) or 1
    legend_rows = (len(MeasureStatus.choices) + 2) // 3
    height = ROW_HEIGHT * len(rows) + 12 + LEGEND_ROW * legend_rows
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    title = _("Measures by status per action field")
    description = " ".join(describe_row(row) for row in rows) or _("No action fields.")

    defs = format_html_join(
        "",
        '<pattern id="{}-{}" patternUnits="userSpaceOnUse" width="6" height="6">{}</pattern>',
        ((chart_id, status, mark_safe(body)) for status, body in PATTERNS.items() if body),
    )
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
        defs=defs,
        bars=mark_safe("".join(bars)),
        legend=mark_safe("".join(legend)),
    )
