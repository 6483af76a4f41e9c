"""The report page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched)."""
from __future__ import annotations

import re
from pathlib import Path
from collections import defaultdict
from html import escape

from . import svg
from .data import CHART_COUNTRIES, Fact, ReportData, year_range

ARABIC_FONTS = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", serif'

CSS = f"""
body {{ font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 24px auto; max-width: 1200px;
        color: #222; line-height: 1.4; padding: 0 16px; }}
h1 {{ margin-bottom: 4px; }} h2 {{ border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 36px; }}
nav a {{ margin-right: 14px; }}
.totals {{ display: flex; gap: 24px; margin: 16px 0; }}
.totals div {{ background: #f3f5f8; padding: 10px 16px; border-radius: 6px; }}
.totals b {{ display: block; font-size: 1.8em; }}
table {{ border-collapse: collapse; margin: 8px 0 16px; }}
th, td {{ border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; }}
th {{ background: #f3f5f8; text-align: left; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.date {{ white-space: nowrap; }}
td.heat {{ text-align: center; min-width: 2.2em; }}
[lang="ar"] {{ font-family: {ARABIC_FONTS}; font-size: 1.15em; }}
.evidence {{ margin: 0; padding: 2px 8px; border-right: 3px solid #9ab; unicode-bidi: isolate; }}
.muted {{ color: #777; }}
svg text {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; fill: #222; }}
svg .axis {{ fill: #555; }} svg .grid {{ stroke: #e3e3e3; }} svg .lane {{ stroke: #ccc; stroke-dasharray: 2 3; }}
svg .undated {{ fill: #777; }} svg .count {{ fill: #777; }}
section.article {{ border-top: 1px solid #eee; padding-top: 6px; }}
"""


def anchor(prefix: str, ident: str) -> str:
    """An element id made from a warehouse id (which may hold '#', '.' or '/')."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9_-]+', '-', ident)}"


def _table(headers: list[str], rows: list[str], table_id: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _ar(text: str | None, tag: str = "span", css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f'<{tag} lang="ar" dir="rtl"{cls}>{escape(text or "")}</{tag}>'


def _heat(value: int, peak: int, title: str = "") -> str:
    alpha = 0 if not value else 0.15 + 0.6 * value / max(peak, 1)
    tip = f' title="{escape(title)}"' if title else ""
    return (f'<td class="heat num" data-value="{value}"{tip} style="background: rgba(31,119,180,{alpha:.2f})">'
            f'{value or ""}</td>')


def _partners(data: ReportData) -> str:
    rows = [f'<tr data-country="{escape(iso3)}"><td>{escape(iso3)}</td><td>{escape(en or "")}</td>'
            f'<td>{_ar(ar)}</td><td class="num" data-col="meetings">{m}</td>'
            f'<td class="num" data-col="agreements">{a}</td><td>{first or ""}</td><td>{last or ""}</td></tr>'
            for iso3, en, ar, m, a, first, last in data.partners]
    return _table(["country", "name", "الاسم", "meetings", "agreements", "first meeting", "last meeting"],
                  rows, "partners")


def _agreements(data: ReportData) -> str:
    cells = {(kind, sector): n for kind, sector, n in data.agreements_by_type_sector}
    types = sorted({kind for kind, _ in cells})
    sectors = sorted({sector for _, sector in cells if sector})
    peak = max(cells.values(), default=0)
    rows = [f'<tr data-type="{escape(kind)}"><th>{escape(kind)}</th>'
            + "".join(_heat(cells.get((kind, s), 0), peak, f"{kind} × {s}") for s in sectors)
            + f'<td class="num">{cells.get((kind, ""), 0) or ""}</td></tr>' for kind in types]
    by_type = sorted(((k, _type_count(data, k)) for k in types), key=lambda kv: (-kv[1], kv[0]))
    headers = ["type"] + [data.sectors.get(s, (s, ""))[0] for s in sectors] + ["no sector"]
    return (svg.bars(by_type, "Agreements by type", "agreement-types")
            + "<p class='muted'>Agreements per type and sector (an agreement counts once in each of its sectors).</p>"
            + _table(headers, rows, "agreements-by-type-sector"))


def _type_count(data: ReportData, kind: str) -> int:
    return data.agreements_by_type.get(kind, 0)


def _sector_years(data: ReportData) -> str:
    years = sorted({y for _, y, *_ in data.sector_years if y is not None})
    if any(y is None for _, y, *_ in data.sector_years):
        years.append(None)
    cells = {(s, y): (m, a, n) for s, y, m, a, n in data.sector_years}
    peak = max((m + a for _, _, m, a, _ in data.sector_years), default=0)
    rows = []
    for sector in sorted({s for s, *_ in data.sector_years}):
        en, ar = data.sectors.get(sector, (sector, ""))
        counts = [cells.get((sector, y), (0, 0, 0)) for y in years]
        row = "".join(_heat(m + a, peak, f"meetings {m}, agreements {a}, articles {n}") for m, a, n in counts)
        rows.append(f'<tr data-sector="{escape(sector)}"><th>{escape(en)} {_ar(ar)}</th>{row}</tr>')
    headers = ["sector", *("undated" if y is None else str(y) for y in years)]
    return ("<p class='muted'>Meetings plus agreements touching each sector, per year "
            "(hover a cell for each count and the articles).</p>" + _table(headers, rows, "sector-years"))


def _pairs(data: ReportData) -> str:
    paired = {c for a, b, *_ in data.pairs for c in (a, b)}
    countries = sorted([iso3 for iso3, *_ in data.partners if iso3 in paired][:CHART_COUNTRIES])
    cells = {}
    for a, b, m, g in data.pairs:
        cells[a, b] = cells[b, a] = (m, g)
    peak = max((m + g for *_, m, g in data.pairs), default=0)
    rows = []
    for a in countries:
        row = "".join(_heat(sum(cells.get((a, b), (0, 0))), peak,
                            f"{a}–{b}: meetings {cells.get((a, b), (0, 0))[0]}, agreements {cells.get((a, b), (0, 0))[1]}")
                      if a != b else '<td class="heat muted">·</td>' for b in countries)
        rows.append(f'<tr data-country="{escape(a)}"><th>{escape(a)}</th>{row}</tr>')
    which = "each pair" if len(countries) == len(paired) else f"each pair of the {len(countries)} busiest"
    return (f"<p class='muted'>Meetings plus agreements of {which} countries.</p>"
            + _table(["", *countries], rows, "country-pairs"))


def _facts(facts: list[Fact], kind: str, titles: dict[str, str]) -> str:
    rows = []
    for f in (f for f in facts if f.kind == kind):
        sources = "".join(
            f'<div class="source">{_ar(evidence, "p", "evidence")}'
            f'<a class="article-link" href="#{anchor("article", article_id)}">{escape(titles.get(article_id) or article_id)}</a></div>'
            for article_id, evidence in f.sources)
        detail = _ar(f.detail) if kind == "agreement" else escape(f.detail or "")
        rows.append(f'<tr id="{anchor("fact", f.fact_id)}" data-fact="{escape(f.fact_id)}"><td class="date">{escape(f.date or "—")}</td>'
                    f'<td>{escape(f.fact_type)}</td><td>{escape(f.status)}</td><td>{escape(", ".join(f.countries))}</td>'
                    f'<td>{detail}</td><td>{sources}</td></tr>')
    headers = ["date", "type", "status", "countries", "level" if kind == "meeting" else "title", "evidence · article"]
    return _table(headers, rows, f"{kind}-facts")


def _file_link(path: str | None) -> str:
    """The article's source file, linked when its path is absolute (it opens locally, nothing is fetched)."""
    if not path:
        return ""
    return f'<a class="source-file" href="{escape(Path(path).as_uri())}">{escape(path)}</a>' \
        if Path(path).is_absolute() else escape(path)


def _articles(data: ReportData) -> str:
    facts_of: dict[str, list[Fact]] = defaultdict(list)
    for f in data.facts:
        for article_id, _ in f.sources:
            facts_of[article_id].append(f)
    parts = []
    for article_id, title, url, path, published in data.articles:
        link = f' · <a href="{escape(url)}" rel="noreferrer">{escape(url)}</a>' if url else ""
        items = "".join(f'<li><a href="#{anchor("fact", f.fact_id)}">{escape(f.kind)} {escape(f.fact_type)} '
                        f'{escape(f.date or "")} — {escape(", ".join(f.countries))}</a></li>' for f in facts_of[article_id])
        parts.append(f'<section class="article" id="{anchor("article", article_id)}"><h3>{_ar(title) if title else escape(article_id)}</h3>'
                     f'<p class="muted">{escape(article_id)} · published {published or "unknown"} · '
                     f'{_file_link(path)}{link}</p><ul>{items or "<li class=muted>no facts</li>"}</ul></section>')
    return "".join(parts)


def _listed(data: ReportData, kind: str) -> str:
    """A note when the list below shows only part of the warehouse."""
    shown = {"meetings": sum(f.kind == "meeting" for f in data.facts),
             "agreements": sum(f.kind == "agreement" for f in data.facts), "articles": len(data.articles)}[kind]
    if shown == data.totals[kind]:
        return ""
    which = "the articles of the facts listed above" if kind == "articles" else "the newest"
    return (f"<p class='muted' data-listed='{kind}'>{which.capitalize()}: {shown:,} of {data.totals[kind]:,} "
            f"{kind}. Query the warehouse for the rest (`diplomacy query`).</p>")


def _timeline_note(data: ReportData) -> str:
    drawn = len({row[0] for row in data.timeline})
    if drawn < CHART_COUNTRIES:
        return ""
    return f"<p class='muted'>The {drawn} partner countries with the most meetings.</p>"


def render(data: ReportData) -> str:
    """The whole page."""
    names = {iso3: en for iso3, en, *_ in data.partners}
    titles = {article_id: title for article_id, title, *_ in data.articles}
    totals = "".join(f'<div data-total="{k}"><b>{v}</b>{k}</div>' for k, v in data.totals.items())
    nav = " ".join(f'<a href="#{i}">{t}</a>' for i, t in
                   [("timeline", "Timeline"), ("partners", "Partners"), ("agreements", "Agreements"),
                    ("sectors", "Sectors by year"), ("pairs", "Country pairs"), ("meetings", "Meetings"),
                    ("agreement-list", "Agreement list"), ("articles", "Articles")])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Diplomacy warehouse report</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>
<body><h1>Diplomacy warehouse</h1>
<p class="muted">Facts extracted from Arabic news; last extraction {escape(data.built_at or "—")}.</p>
<nav>{nav}</nav><div class="totals">{totals}</div>
<h2 id="timeline">Meetings per partner country</h2>{_timeline_note(data)}
{svg.timeline(data.timeline, names, year_range(data.timeline))}
<h2 id="partners-title">Partner countries</h2>{_partners(data)}
<h2 id="agreements">Agreements by type and sector</h2>{_agreements(data)}
<h2 id="sectors">Sectors by year</h2>{_sector_years(data)}
<h2 id="pairs">Country pairs</h2>{_pairs(data)}
<h2 id="meetings">Meetings</h2>{_listed(data, "meetings")}{_facts(data.facts, "meeting", titles)}
<h2 id="agreement-list">Agreements</h2>{_listed(data, "agreements")}{_facts(data.facts, "agreement", titles)}
<h2 id="articles">Articles</h2>{_listed(data, "articles")}{_articles(data)}
</body></html>
"""
