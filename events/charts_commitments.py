"""The tracker's charts, server-side SVG like ``events.charts``: one bar per country stacked by
state, and the changes of state by month. Each is shown with its figures as a table."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import formats
from events.charts import PALETTE, stacked_bars

# One colour a state, in the states' order, as ``stacked_bars`` colours its series.
STATE_COLOURS = PALETTE[:4]


def state_bars(*, title: str, rows: list[dict], states: list[str], uid: str) -> SafeString:
    """Horizontal bars, one per row (a country), split by state, with a legend."""
    width, left, bar_h, gap, top = 640, 150, 18, 10, 8
    peak = max([row["total"] for row in rows] or [0]) or 1
    plot_w = width - left - 40
    legend_y = top + len(rows) * (bar_h + gap) + 16
    height = legend_y + 20
    text = 'font-size="11" fill="#1b1f24"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-title" class="chart">',
        f'<title id="{uid}-title">{escape(title)}</title>',
    ]
    for i, row in enumerate(rows):
        y = top + i * (bar_h + gap)
        parts.append(
            f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" {text}>'
            f"{escape(row['label'][:24])}</text>"
        )
        x: float = left
        for index, value in enumerate(row["values"]):
            if not value:
                continue
            w = plot_w * value / peak
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                f'fill="{STATE_COLOURS[index % len(STATE_COLOURS)]}"/>'
            )
            x += w
        parts.append(
            f'<text x="{x + 4:.1f}" y="{y + 13}" {text}>{formats.number(row["total"])}</text>'
        )
    for index, label in enumerate(states):
        lx = left + index * 120
        colour = STATE_COLOURS[index % len(STATE_COLOURS)]
        parts.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{legend_y}" {text}>{escape(label[:18])}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every label is escaped above


def over_time(*, title: str, data: dict) -> SafeString:
    return mark_safe(  # noqa: S308 -- built by stacked_bars with every label escaped
        stacked_bars(
            title=title, months=data["months"], series=data["series"], uid="chart-commitments-time"
        )
    )
