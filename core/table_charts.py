"""A report table drawn as a server-side SVG chart: no script, no CDN.

Each chart draws the numbers of a :class:`core.reports.Table` (shown beside it as a table, so
screen readers and paper get the same figures): ``"bars"`` draws one horizontal bar per row for
the second column, ``"stacked"`` one bar per row stacked by the other columns, with a legend.
Bars run horizontally so that long labels (country names in Georgian or Armenian) stay readable
at any width. Every label is escaped.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core import formats
from core.reports import Cell, Table

# Colours distinguishable for common colour-vision deficiencies (Okabe–Ito), dark enough on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56606b", "#1b1f24", "#6a3d9a"]
# Each row's label sits above its bar, across the chart's whole width: long names in any
# script stay whole, and a phone shrinks the chart less than it would a label column.
WIDTH, ROW_H, BAR_H, VALUE_W, FONT = 520, 46, 16, 56, 16
TEXT = f'font-size="{FONT}" fill="#1b1f24"'
LABEL_LIMIT = 60


def _number(value: Cell) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _label(value: Cell, limit: int = LABEL_LIMIT) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_chart(table: Table, *, uid: str) -> SafeString:
    """The chart of ``table`` (``table.chart`` says which kind), or an empty string."""
    if table.chart not in ("bars", "stacked") or not table.rows or len(table.columns) < 2:
        return SafeString("")
    series = table.columns[1:2] if table.chart == "bars" else table.columns[1:]
    values = [[_number(row[i + 1]) for i in range(len(series))] for row in table.rows]
    peak = max((sum(row) for row in values), default=0.0) or 1.0
    plot_w = WIDTH - VALUE_W
    legend_rows = (len(series) + 1) // 2 if table.chart == "stacked" else 0
    plot_h = ROW_H * len(table.rows)
    height = plot_h + 4 + 24 * legend_rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-title" class="mp-report-chart__svg" '
        f'width="{WIDTH}" height="{height}">',
        f'<title id="{uid}-title">{escape(table.caption)}</title>',
    ]
    for index, (row, numbers) in enumerate(zip(table.rows, values, strict=True)):
        y = index * ROW_H
        parts.append(f'<text x="0" y="{y + FONT}" {TEXT}>{escape(_label(row[0]))}</text>')
        bar_y = y + FONT + 6
        x = 0.0
        for position, number in enumerate(numbers):
            if not number:
                continue
            w = plot_w * number / peak
            colour = PALETTE[position % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{bar_y}" width="{w:.1f}" height="{BAR_H}" fill="{colour}"/>'
            )
            x += w
        total = float(sum(numbers))
        shown = formats.number(int(total) if total.is_integer() else total)
        parts.append(f'<text x="{x + 6:.1f}" y="{bar_y + BAR_H - 3}" {TEXT}>{escape(shown)}</text>')
    for position, name in enumerate(series if legend_rows else []):
        lx = (position % 2) * 260
        ly = plot_h + 16 + 24 * (position // 2)
        colour = PALETTE[position % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{ly - 12}" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 20}" y="{ly}" {TEXT}>{escape(_label(name, 30))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every label above is escaped
