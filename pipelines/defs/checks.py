"""Python asset checks: each fact keeps its promises (evidence at its offsets, known country codes, no
held meeting dated after the article reporting it), and refused input is reported as a warning."""
from __future__ import annotations

import duckdb
import dagster as dg

from ..settings import duckdb_memory_limit
from ..warehouse import RAW_SCHEMA
from .metadata import PREVIEW_ROWS, markdown_table
from .resources import Warehouse


def evidence_mismatches(conn: duckdb.DuckDBPyConnection) -> tuple[int, list[tuple[str, str]]]:
    """(facts checked, [(fact id, problem)]) for evidence not found verbatim in its article at its offsets.
    Compared in DuckDB (substring counts code points, as Python slices do): no article text is fetched."""
    checked, bad = conn.execute(f"""
        with facts as (
            select meeting_id as fact_id, article_id, evidence, evidence_start as s, evidence_end as e from {RAW_SCHEMA}.meetings
            union all
            select agreement_id, article_id, evidence, evidence_start, evidence_end from {RAW_SCHEMA}.agreements),
        problems as (
            select f.fact_id, case
                when a.article_id is null then 'article missing'
                when f.s is null or f.e is null then 'no offsets'
                when f.s < 0 or f.e < f.s or substring(a.text, f.s + 1, f.e - f.s) <> f.evidence
                    then 'text at ' || f.s || ':' || f.e || ' is not the evidence' end as problem
            from facts f left join {RAW_SCHEMA}.articles a using (article_id))
        select count(*), coalesce(list((fact_id, problem) order by fact_id) filter (where problem is not null), [])
        from problems""").fetchone()
    return checked, [tuple(row) for row in bad]


COUNTRY_CODES = {
    "fct_meetings": """select meeting_id, unnest(countries) from fct_meetings
                       union all select meeting_id, location_country from fct_meetings where location_country is not null
                       union all select meeting_id, country from bridge_meeting_participant where country is not null""",
    "fct_agreements": "select agreement_id, unnest(parties) from fct_agreements",
}


def unknown_countries(conn: duckdb.DuckDBPyConnection, table: str) -> tuple[int, list[tuple[str, str]]]:
    """(codes checked, [(fact id, code)]) for country codes of `table` that are not in dim_country."""
    codes = conn.execute(f"select * from ({COUNTRY_CODES[table]}) order by 1, 2").fetchall()
    known = {row[0] for row in conn.execute("select iso3 from dim_country").fetchall()}
    return len(codes), [(fact_id, code) for fact_id, code in codes if code not in known]


def meetings_after_publication(conn: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Held meetings dated after the published date of an article reporting them (partial dates: their first day)."""
    return conn.execute("""
        select m.meeting_id, m.meeting_date, cast(d.published_date as varchar), d.article_id
        from fct_meetings m join bridge_meeting_source s using (meeting_id) join dim_article d on d.article_id = s.article_id
        where m.status = 'held' and d.published_date is not null and m.meeting_date_start > d.published_date
        order by 1, 4""").fetchall()


def _connect(warehouse: Warehouse) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(warehouse.readable, read_only=True, config={"memory_limit": duckdb_memory_limit()})


def _listing(headers: list[str], rows: list[tuple]) -> dict:
    return {"first_failures": dg.MetadataValue.md(markdown_table(headers, rows[:PREVIEW_ROWS]))} if rows else {}


@dg.asset_check(asset="article_facts", description="Every meeting's and agreement's evidence is found verbatim "
                "in its article's text at its character offsets (evidence_start, evidence_end).")
def evidence_at_offsets(warehouse: Warehouse) -> dg.AssetCheckResult:
    with _connect(warehouse) as conn:
        checked, bad = evidence_mismatches(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"facts_checked": checked, "mismatches": len(bad),
                                                         **_listing(["fact", "problem"], bad)})


def _countries_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name="country_codes_in_dim_country",
                    description=f"Every country code of {table} (parties, participants, venue) is an ISO3 code "
                                "of dim_country.")
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with _connect(warehouse) as conn:
            checked, bad = unknown_countries(conn, table)
        return dg.AssetCheckResult(passed=not bad, metadata={"codes_checked": checked, "unknown": len(bad),
                                                             **_listing(["fact", "code"], bad)})
    return check


@dg.asset_check(asset="fct_meetings", description="No held meeting is dated after the published date of an "
                "article reporting it (a partial date counts from its first day; planned meetings are exempt).")
def no_meeting_after_publication(warehouse: Warehouse) -> dg.AssetCheckResult:
    with _connect(warehouse) as conn:
        bad = meetings_after_publication(conn)
    return dg.AssetCheckResult(passed=not bad, metadata={"late_meetings": len(bad), **_listing(
        ["meeting", "meeting date", "published", "article"], bad)})


@dg.asset_check(asset="raw_quarantine", additional_deps=["article_facts"],
                description="Warns when input files were refused or articles failed extraction (both quarantined "
                            "with their reason; good files of the batch still land).")
def nothing_quarantined(warehouse: Warehouse) -> dg.AssetCheckResult:
    with _connect(warehouse) as conn:
        rows = conn.execute(f"select path, reason from {RAW_SCHEMA}.quarantine "
                            "order by quarantined_at desc, path").fetchall()
    failed = sum(1 for path, _ in rows if path.startswith(f"{RAW_SCHEMA}.articles/"))
    return dg.AssetCheckResult(passed=not rows, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"refused_files": len(rows) - failed, "failed_extractions": failed,
                                         **_listing(["file", "reason"], rows)})


asset_checks = [evidence_at_offsets, _countries_check("fct_meetings"), _countries_check("fct_agreements"),
                no_meeting_after_publication, nothing_quarantined]
