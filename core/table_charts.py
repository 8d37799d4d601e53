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
WIDTH, LABEL_W, ROW_H, BAR_H, VALUE_W = 640, 200, 26, 16, 56
TEXT = 'font-size="12" fill="#1b1f24"'


def _number(value: Cell) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _label(value: Cell, limit: int = 30) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_chart(table: Table, *, uid: str) -> SafeString:
    """The chart of ``table`` (``table.chart`` says which kind), or an empty string."""
    if table.chart not in ("bars", "stacked") or not table.rows or len(table.columns) < 2:
        return SafeString("")
    series = table.columns[1:2] if table.chart == "bars" else table.columns[1:]
    values = [[_number(row[i + 1]) for i in range(len(series))] for row in table.rows]
    peak = max((sum(row) for row in values), default=0.0) or 1.0
    plot_w = WIDTH - LABEL_W - VALUE_W
    legend_rows = (len(series) + 2) // 3 if table.chart == "stacked" else 0
    plot_h = ROW_H * len(table.rows)
    height = plot_h + 8 + 22 * legend_rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-title" class="mp-report-chart__svg" '
        f'width="{WIDTH}" height="{height}">',
        f'<title id="{uid}-title">{escape(table.caption)}</title>',
        f'<line x1="{LABEL_W}" y1="0" x2="{LABEL_W}" y2="{plot_h}" stroke="#4a5360"/>',
    ]
    for index, (row, numbers) in enumerate(zip(table.rows, values, strict=True)):
        y = index * ROW_H
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + ROW_H / 2 + 4:.1f}" text-anchor="end" {TEXT}>'
            f"{escape(_label(row[0]))}</text>"
        )
        x = float(LABEL_W)
        for position, number in enumerate(numbers):
            if not number:
                continue
            w = plot_w * number / peak
            colour = PALETTE[position % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y + (ROW_H - BAR_H) / 2:.1f}" width="{w:.1f}" '
                f'height="{BAR_H}" fill="{colour}"/>'
            )
            x += w
        total = sum(numbers)
        shown = formats.number(int(total) if total.is_integer() else total)
        parts.append(f'<text x="{x + 6:.1f}" y="{y + ROW_H / 2 + 4:.1f}" {TEXT}>{shown}</text>')
    for position, name in enumerate(series if legend_rows else []):
        lx = 8 + (position % 3) * 210
        ly = plot_h + 24 + 22 * (position // 3)
        colour = PALETTE[position % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{ly - 11}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 18}" y="{ly}" {TEXT}>{escape(_label(name, 26))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every label above is escaped
