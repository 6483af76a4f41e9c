"""What the report shows, read from the published warehouse (a read-only connection)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb

LISTED_FACTS = 1000  # meetings and agreements listed with their evidence: the newest of each kind
CHART_COUNTRIES = 30  # countries drawn on the timeline and the pairs matrix: those with the most events


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
    agreements_by_type: dict[str, int]  # type → agreements
    sectors: dict[str, tuple[str, str]]  # code → (English, Arabic label)
    sector_years: list[tuple]  # sector, year, meetings, agreements, articles
    pairs: list[tuple]  # country_a, country_b, meetings, agreements
    facts: list[Fact]  # the newest LISTED_FACTS of each kind
    articles: list[tuple]  # article_id, title, url, source_path, published date: every article, or those of the facts listed
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
    timeline = conn.execute("""
        with top as (select iso3 from bridge_meeting_country group by 1 order by count(*) desc, iso3 limit ?)
        select b.iso3, f.meeting_id, f.meeting_type, f.status, f.meeting_date, f.meeting_date_start, f.countries
        from bridge_meeting_country b join top using (iso3) join fct_meetings f using (meeting_id)
        order by b.iso3, f.meeting_date_start nulls last, f.meeting_id""", [CHART_COUNTRIES]).fetchall()
    by_type_sector = rows("""
        select a.agreement_type, coalesce(s.sector, '') as sector, count(distinct a.agreement_id)
        from fct_agreements a left join bridge_agreement_sector s using (agreement_id)
        group by 1, 2 order by 1, 2""")
    sectors = {code: (en, ar) for code, en, ar in rows("select sector, label_en, label_ar from dim_sector")}
    sector_years = rows("select sector, year, meetings, agreements, articles from mart_sector_year order by sector, year")
    pairs = rows("select country_a, country_b, meetings, agreements from mart_country_pair order by 1, 2")
    facts = _facts(conn)
    every_article = totals["articles"] <= LISTED_FACTS
    listed = sorted({article_id for f in facts for article_id, _ in f.sources})
    articles = conn.execute("""
        select d.article_id, d.title, d.url, r.source_path, d.published_date
        from dim_article d left join raw.articles r using (article_id)
        where ? or d.article_id in (select unnest(?::varchar[])) order by d.article_id""",
                            [every_article, listed]).fetchall()
    by_type = dict(rows("select agreement_type, count(*) from fct_agreements group by 1"))
    built_at = one("select cast(max(extracted_at) as varchar) from dim_article")
    return ReportData(totals, partners, timeline, by_type_sector, by_type, sectors, sector_years, pairs,
                      facts, articles, built_at)


def _facts(conn: duckdb.DuckDBPyConnection) -> list[Fact]:
    """The newest LISTED_FACTS meetings and agreements (undated last), each with its sources."""
    facts: dict[str, Fact] = {}
    for row in conn.execute("""
            with facts as (
                select 'meeting' as kind, meeting_id as fact_id, meeting_type as fact_type, status,
                       meeting_date as fact_date, countries, level as detail, meeting_date_start as sort_date
                from fct_meetings
                union all
                select 'agreement', agreement_id, agreement_type, status, agreement_date, parties, title_ar,
                       try_cast(left(agreement_date, 10) as date)
                from fct_agreements),
            listed as (select * from facts qualify row_number() over (
                           partition by kind order by sort_date desc nulls last, fact_id) <= ?),
            sources as (select meeting_id as fact_id, article_id, evidence from bridge_meeting_source
                        union all select agreement_id, article_id, evidence from bridge_agreement_source)
            select l.kind, l.fact_id, l.fact_type, l.status, l.fact_date, l.countries, l.detail, s.article_id, s.evidence
            from listed l join sources s using (fact_id)
            order by l.kind desc, l.sort_date desc nulls last, l.fact_id, s.article_id""", [LISTED_FACTS]).fetchall():
        kind, fact_id, fact_type, status, when, countries, detail, article_id, evidence = row
        fact = facts.setdefault(fact_id, Fact(fact_id, kind, fact_type, status, when, list(countries), detail))
        fact.sources.append((article_id, evidence))
    return list(facts.values())


def year_range(timeline: list[tuple]) -> tuple[int, int] | None:
    """First and last year of the dated meetings on the timeline."""
    years = [row[5].year for row in timeline if isinstance(row[5], date)]
    return (min(years), max(years)) if years else None
