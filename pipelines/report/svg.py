"""Charts drawn as inline SVG (no script, no network): the meetings timeline and bar charts."""
from __future__ import annotations

from datetime import date
from html import escape

PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]


def colours(keys: list[str]) -> dict[str, str]:
    """A stable colour per key, in the order given."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


def timeline(rows: list[tuple], names: dict[str, str], years: tuple[int, int] | None) -> str:
    """Meetings per partner country on a time axis: one row per country, one dot per dated meeting.

    rows: (iso3, meeting_id, type, status, date text, date start, countries), sorted by country."""
    by_country: dict[str, list[tuple]] = {}
    for row in rows:
        by_country.setdefault(row[0], []).append(row)
    order = sorted(by_country, key=lambda c: (-len(by_country[c]), c))
    types = colours(sorted({row[2] for row in rows}))
    left, right, top, row_h = 230, 110, 34, 26
    width = 1000
    first, last = years or (date.today().year, date.today().year)
    start, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal()
    x = lambda d: left + (d.toordinal() - start) / max(end - start, 1) * (width - left - right)  # noqa: E731
    height = top + row_h * len(order) + 40
    parts = [f'<svg class="timeline" role="img" aria-label="Meetings per partner country over time" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for year in range(first, last + 2):
        gx = x(date(year, 1, 1)) if year <= last else width - right
        parts.append(f'<line x1="{gx:.1f}" y1="{top - 6}" x2="{gx:.1f}" y2="{height - 36}" class="grid"/>')
        if year <= last:
            parts.append(f'<text x="{gx + 3:.1f}" y="{top - 12}" class="axis">{year}</text>')
    parts.append(f'<text x="{width - right + 8}" y="{top - 12}" class="axis">undated</text>')
    for i, country in enumerate(order):
        meetings = by_country[country]
        dated = [m for m in meetings if isinstance(m[5], date)]
        y = top + i * row_h + row_h / 2
        parts.append(f'<g class="timeline-row" data-country="{escape(country)}" data-meetings="{len(meetings)}" '
                     f'data-dated="{len(dated)}">')
        label = f"{country} {names.get(country) or ''}".strip()
        parts.append(f'<text x="8" y="{y + 4:.1f}" class="label">{escape(label)} '
                     f'<tspan class="count">({len(meetings)})</tspan></text>')
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="lane"/>')
        for m in dated:
            others = ", ".join(c for c in m[6] if c != country)
            tip = f"{m[4]} · {m[2]} ({m[3]}) with {others or '—'}"
            parts.append(f'<circle class="meeting" cx="{x(m[5]):.1f}" cy="{y:.1f}" r="6" fill="{types[m[2]]}">'
                         f'<title>{escape(tip)}</title></circle>')
        undated = len(meetings) - len(dated)
        if undated:
            parts.append(f'<text x="{width - right + 8}" y="{y + 4:.1f}" class="undated">+{undated}</text>')
        parts.append("</g>")
    lx = left
    for kind, colour in types.items():
        parts.append(f'<circle cx="{lx}" cy="{height - 16}" r="6" fill="{colour}"/>'
                     f'<text x="{lx + 10}" y="{height - 12}" class="axis">{escape(kind)}</text>')
        lx += 20 + 8 * len(kind)
    parts.append("</svg>")
    return "\n".join(parts)


def bars(items: list[tuple[str, int]], label: str, css_class: str) -> str:
    """Horizontal bars, one per (name, value), longest first as given."""
    left, bar_h, width = 230, 22, 700
    top = 6
    peak = max((v for _, v in items), default=0) or 1
    height = top + bar_h * len(items) + 6
    parts = [f'<svg class="{css_class}" role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    for i, (name, value) in enumerate(items):
        y = top + i * bar_h
        length = value / peak * (width - left - 50)
        parts.append(f'<g class="bar" data-name="{escape(name)}" data-value="{value}">'
                     f'<text x="8" y="{y + 15}" class="label">{escape(name)}</text>'
                     f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{bar_h - 6}" fill="{PALETTE[0]}"/>'
                     f'<text x="{left + length + 6:.1f}" y="{y + 15}" class="axis">{value}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)
