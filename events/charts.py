"""Server-side SVG charts: no script, no CDN; each with a title, a description and a table.

Screen readers get ``role="img"`` with a <title>, and the same numbers as a data table.
"""

from __future__ import annotations

from django.utils.html import escape

from core import formats

# Colours distinguishable for common colour-vision deficiencies (Okabe–Ito), dark enough on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56606b", "#1b1f24", "#6a3d9a"]


def stacked_bars(*, title: str, months: list[str], series: dict[str, list[int]], uid: str) -> str:
    """Monthly stacked bars, one colour per series, with a legend."""
    width, height, left, bottom, top = 640, 260, 36, 40, 12
    plot_h = height - bottom - top
    totals = [sum(values[i] for values in series.values()) for i in range(len(months))]
    peak = max(totals or [0]) or 1
    slot = (width - left - 8) / max(len(months), 1)
    bar_w = slot * 0.7
    total_h = height + 24 * ((len(series) + 3) // 4)
    axis = 'font-size="11" fill="#1b1f24"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {total_h}" role="img" '
        f'aria-labelledby="{uid}-title" class="chart">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 4}" y2="{top + plot_h}" '
        'stroke="#4a5360"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" {axis}>'
        f"{formats.number(peak)}</text>",
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" {axis}>0</text>',
    ]
    for i, month in enumerate(months):
        x = left + i * slot + (slot - bar_w) / 2
        y: float = top + plot_h
        for index, values in enumerate(series.values()):
            value = values[i]
            if not value:
                continue
            h = plot_h * value / peak
            y -= h
            colour = PALETTE[index % len(PALETTE)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'font-size="10" fill="#1b1f24">{escape(month[2:])}</text>'
        )
    for index, label in enumerate(series):
        lx = left + (index % 4) * 150
        ly = height + 24 * (index // 4)
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{ly}" {axis}>{escape(label[:22])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _chart(*, dimension: str, title: str, data: dict, caption: str = "") -> dict:
    from django.utils.safestring import mark_safe

    return {
        "title": title,
        "caption": caption,
        "svg": mark_safe(  # noqa: S308 -- built by stacked_bars with every label escaped
            stacked_bars(
                title=title, months=data["months"], series=data["series"], uid=f"chart-{dimension}"
            )
        ),
        "months": data["months"],
        "month_labels": [formats.month_label(month) for month in data["months"]],
        "rows": [
            {"label": label, "values": values, "total": sum(values)}
            for label, values in data["series"].items()
        ],
    }


def participation_charts(*, viewer) -> list[dict]:
    """The participation charts (by country, by role and, for the secretariat, by gender), each
    with its figures as table rows: shown in the admin's dashboard and on the secretariat's."""
    from django.utils.translation import gettext as _

    from events import selectors, selectors_attendance

    charts = []
    for dimension, title in (
        ("country", _("Participants by country and month")),
        ("role", _("Participants by role and month")),
    ):
        data = selectors.participation_by(dimension=dimension)
        if data["series"]:
            charts.append(_chart(dimension=dimension, title=title, data=data))
    attendance = selectors_attendance.attendance_chart_data()
    if attendance["series"]:
        charts.append(
            _chart(
                dimension="attendance",
                title=_("Attendance at past events by month"),
                data=attendance,
                caption=_("Confirmed places: attended, did not attend, attendance not recorded."),
            )
        )
    gender = selectors.participation_by_gender(viewer=viewer)
    if gender is not None and gender["series"]:
        charts.append(
            _chart(
                dimension="gender",
                title=_("Participants by gender and month"),
                data=gender,
                caption=gender["caption"],
            )
        )
    return charts
