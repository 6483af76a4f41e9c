"""What the report shows, read from the published warehouse (a read-only connection)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb


def connect_read_only(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that cannot reach files or the network."""
    return duckdb.connect(str(warehouse), read_only=True,
                          config={"enable_external_access": False, "lock_configuration": True})


@dataclass
class Fact:
    fact_id: str
    kind: str  # "meeting" or "agreement"
    fact_type: str
    status: str
    date: str | None
    countries: list[str]
    detail: str | None  # level of a meeting, Arabic title of an agreement
    sources: list[tuple[str, str]] = field(default_factory=list)  # (article_id, evidence)


@dataclass
class ReportData:
    totals: dict[str, int]
    partners: list[tuple]  # iso3, name_en, name_ar, meetings, agreements, first date, last date
    timeline: list[tuple]  # iso3, meeting_id, type, status, date text, date start, countries
    agreements_by_type_sector: list[tuple]  # type, sector, agreements
    sectors: dict[str, tuple[str, str]]  # code → (English, Arabic label)
    sector_years: list[tuple]  # sector, year, meetings, agreements, articles
    pairs: list[tuple]  # country_a, country_b, meetings, agreements
    facts: list[Fact]
    articles: list[tuple]  # article_id, title, url, source_path, published date
    built_at: str | None


def load(conn: duckdb.DuckDBPyConnection) -> ReportData:
    """Everything the report draws, in display order."""
    rows = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    totals = {"articles": one("select count(*) from dim_article"),
              "meetings": one("select count(*) from fct_meetings"),
              "agreements": one("select count(*) from fct_agreements"),
              "countries": one("select count(distinct iso3) from (select iso3 from bridge_meeting_country "
                               "union select iso3 from bridge_agreement_party)")}
    partners = rows("""
        with m as (select b.iso3, count(*) as n, min(f.meeting_date_start) as first_date,
                          max(f.meeting_date_start) as last_date
                   from bridge_meeting_country b join fct_meetings f using (meeting_id) group by 1),
             a as (select iso3, count(*) as n from bridge_agreement_party group by 1)
        select iso3, c.name_en, c.name_ar, coalesce(m.n, 0) as meetings, coalesce(a.n, 0) as agreements,
               m.first_date, m.last_date
        from m full join a using (iso3) left join dim_country c using (iso3)
        order by meetings + agreements desc, meetings desc, iso3""")
    timeline = rows("""
        select b.iso3, f.meeting_id, f.meeting_type, f.status, f.meeting_date, f.meeting_date_start, f.countries
        from bridge_meeting_country b join fct_meetings f using (meeting_id)
        order by b.iso3, f.meeting_date_start nulls last, f.meeting_id""")
    by_type_sector = rows("""
        select a.agreement_type, coalesce(s.sector, '') as sector, count(distinct a.agreement_id)
        from fct_agreements a left join bridge_agreement_sector s using (agreement_id)
        group by 1, 2 order by 1, 2""")
    sectors = {code: (en, ar) for code, en, ar in rows("select sector, label_en, label_ar from dim_sector")}
    sector_years = rows("select sector, year, meetings, agreements, articles from mart_sector_year order by sector, year")
    pairs = rows("select country_a, country_b, meetings, agreements from mart_country_pair order by 1, 2")
    articles = rows("""
        select d.article_id, d.title, d.url, r.source_path, d.published_date
        from dim_article d left join raw.articles r using (article_id) order by d.article_id""")
    built_at = one("select cast(max(extracted_at) as varchar) from dim_article")
    return ReportData(totals, partners, timeline, by_type_sector, sectors, sector_years, pairs,
                      _facts(conn), articles, built_at)


def _facts(conn: duckdb.DuckDBPyConnection) -> list[Fact]:
    facts: dict[str, Fact] = {}
    for row in conn.execute("""
            select 'meeting', m.meeting_id, m.meeting_type, m.status, m.meeting_date, m.countries, m.level,
                   s.article_id, s.evidence, m.meeting_date_start as sort_date
            from fct_meetings m join bridge_meeting_source s using (meeting_id)
            union all
            select 'agreement', a.agreement_id, a.agreement_type, a.status, a.agreement_date, a.parties, a.title_ar,
                   s.article_id, s.evidence, try_cast(left(a.agreement_date, 10) as date)
            from fct_agreements a join bridge_agreement_source s using (agreement_id)
            order by 1 desc, sort_date desc nulls last, 2, 8""").fetchall():
        kind, fact_id, fact_type, status, when, countries, detail, article_id, evidence, _ = row
        fact = facts.setdefault(fact_id, Fact(fact_id, kind, fact_type, status, when, list(countries), detail))
        fact.sources.append((article_id, evidence))
    return list(facts.values())


def year_range(timeline: list[tuple]) -> tuple[int, int] | None:
    """First and last year of the dated meetings on the timeline."""
    years = [row[5].year for row in timeline if isinstance(row[5], date)]
    return (min(years), max(years)) if years else None
