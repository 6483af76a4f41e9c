"""What the Dagster UI shows about the assets: owners, tags, column schemas, code references and the
freshness policy (at definition), and row counts, previews and a chart (at materialization)."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Sequence
from datetime import timedelta

import dagster as dg
import duckdb

from ..settings import duckdb_memory_limit
from ..warehouse import DDL, RAW_SCHEMA
from .resources import Warehouse

OWNER = "team:diplomacy-analytics"
RAW_TABLES = {"raw_articles": "articles", "raw_quarantine": "quarantine", "raw_duplicates": "duplicates",
              "raw_ingest_notes": "ingest_notes",
              "article_facts": "extractions", "raw_meetings": "meetings",
              "raw_meeting_participants": "meeting_participants", "raw_agreements": "agreements",
              "raw_article_sectors": "article_sectors"}
PREVIEW_ROWS = 10
CHARTED_MART = "mart_country_timeline"
# The daily schedule refreshes at 05:00: a warehouse older than 26 hours means a scheduled run was missed.
PUBLISHED_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


def raw_column_schemas() -> dict[str, dg.TableSchema]:
    """Column schema of each raw asset's table, read from the DDL the pipeline lands them with."""
    with duckdb.connect(":memory:") as conn:
        conn.execute(DDL)
        return {key: dg.TableSchema(columns=[
                    dg.TableColumn(name, dtype, constraints=dg.TableColumnConstraints(nullable=nullable == "YES"))
                    for name, dtype, nullable, *_ in conn.execute(f"describe {RAW_SCHEMA}.{table}").fetchall()])
                for key, table in RAW_TABLES.items()}


def annotate(assets: Sequence[dg.AssetsDefinition]) -> Sequence[dg.AssetsDefinition]:
    """Every asset gets the owner, a `layer` tag (its group), code references; raw assets their column
    schema; `published_warehouse` the freshness policy."""
    schemas = raw_column_schemas()

    def annotated(spec: dg.AssetSpec) -> dg.AssetSpec:
        name = spec.key.to_user_string()
        spec = spec.merge_attributes(owners=[OWNER], tags={"layer": spec.group_name or "warehouse"})
        if name in schemas:
            spec = spec.merge_attributes(metadata={"dagster/column_schema": schemas[name]})
        if name == "published_warehouse":
            spec = spec.replace_attributes(freshness_policy=PUBLISHED_FRESHNESS)
        return spec

    with warnings.catch_warnings():  # code references are a beta API
        warnings.simplefilter("ignore", dg.BetaWarning)
        return dg.with_source_code_references(dg.map_asset_specs(annotated, assets))


def _cell(value) -> str:
    """A value as a Markdown table cell: one line, pipes escaped."""
    return " ".join(str("" if value is None else value).split()).replace("|", "\\|")


def markdown_table(headers: list[str], rows: Iterable[Iterable]) -> str:
    """A Markdown table (the Dagster UI renders Markdown metadata)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def newest_facts(conn: duckdb.DuckDBPyConnection, limit: int = PREVIEW_ROWS) -> str:
    """Markdown: the newest extracted meetings and agreements (date, countries, type, evidence, article)."""
    rows = conn.execute(f"""
        select kind, fact_date, countries, fact_type, evidence, article_id from (
            select 'meeting' as kind, meeting_date as fact_date, countries, meeting_type as fact_type, evidence,
                   article_id, meeting_index as idx from {RAW_SCHEMA}.meetings
            union all
            select 'agreement', agreement_date, parties, agreement_type, evidence, article_id, agreement_index
            from {RAW_SCHEMA}.agreements)
        order by fact_date desc nulls last, article_id, kind, idx limit ?""", [limit]).fetchall()
    total = conn.execute(f"select (select count(*) from {RAW_SCHEMA}.meetings) + "
                         f"(select count(*) from {RAW_SCHEMA}.agreements)").fetchone()[0]
    table = markdown_table(["date", "kind", "countries", "type", "evidence", "article"],
                           [(d or "—", k, ", ".join(c), t, _short(e), a) for k, d, c, t, e, a in rows])
    return f"Newest {len(rows)} of {total} facts.\n\n{table}"


def newest_refused(conn: duckdb.DuckDBPyConnection, limit: int = PREVIEW_ROWS) -> str:
    """Markdown: the newest refused input files (and failed extractions) with their reasons."""
    rows = conn.execute(f"select path, reason, cast(quarantined_at as varchar) from {RAW_SCHEMA}.quarantine "
                        "order by quarantined_at desc, path limit ?", [limit]).fetchall()
    if not rows:
        return "No file refused."
    return markdown_table(["file", "reason", "when"], rows)


def landed(warehouse: Warehouse, key: str) -> dict:
    """Materialization metadata of a raw asset just landed: row count, plus a preview for facts and quarantine."""
    with warehouse.duckdb().get_connection() as conn:
        count = conn.execute(f"select count(*) from {RAW_SCHEMA}.{RAW_TABLES[key]}").fetchone()[0]
        metadata = {"dagster/row_count": dg.MetadataValue.int(count)}
        if key == "article_facts":
            metadata["newest_facts"] = dg.MetadataValue.md(newest_facts(conn))
        elif key == "raw_quarantine":
            metadata["newest_refused"] = dg.MetadataValue.md(newest_refused(conn))
    return metadata


CHART_SQL = f"""
    select country, year(event_date_start) as year, count(*) as meetings from {CHARTED_MART}
    where event_kind = 'meeting' and event_date_start is not null group by 1, 2 order by 1, 2"""


def meetings_chart(rows: list[tuple]) -> dict:
    """Meetings per partner country per year (rows of CHART_SQL): a Vega-Lite spec with its data inline,
    and the same counts as a Markdown table of bars."""
    rows = [(str(c), int(y), int(n)) for c, y, n in rows]
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "description": "Dated meetings per partner country per year",
            "data": {"values": [{"country": c, "year": y, "meetings": n} for c, y, n in rows]},
            "mark": "bar",
            "encoding": {"x": {"field": "year", "type": "ordinal"},
                         "xOffset": {"field": "country"},
                         "y": {"field": "meetings", "type": "quantitative"},
                         "color": {"field": "country", "type": "nominal"}}}
    years = sorted({y for _, y, _ in rows})
    cells = {(c, y): n for c, y, n in rows}
    countries = sorted({c for c, _, _ in rows}, key=lambda c: (-sum(n for (k, _), n in cells.items() if k == c), c))
    table = markdown_table(["country", *map(str, years)],
                           [(c, *[("█" * cells[c, y] + f" {cells[c, y]}") if (c, y) in cells else "" for y in years])
                            for c in countries])
    return {"meetings_per_country_year": dg.MetadataValue.json(spec),
            "meetings_per_country_year_chart": dg.MetadataValue.md(table if rows else "No dated meetings.")}


def _table_relations(invocation) -> dict[str, str]:
    """unique_id → `schema.alias` of every seed and model dbt stores as a table (views have no stored rows)."""
    return {uid: f'"{node["schema"]}"."{node.get("alias") or node["name"]}"'
            for uid, node in invocation.manifest["nodes"].items()
            if node.get("config", {}).get("materialized") in ("seed", "table", "incremental")}


def dbt_test_results(invocation) -> dict[str, list[tuple[str, str]]]:
    """unique_id of each tested model or source → [(test name, status)] of this build (run_results.json)."""
    nodes = invocation.manifest["nodes"]
    tested: dict[str, list[tuple[str, str]]] = {}
    for result in invocation.get_artifact("run_results.json")["results"]:
        test = nodes.get(result["unique_id"], {})
        if test.get("resource_type") == "test":
            target = test.get("attached_node") or next(iter(test["depends_on"]["nodes"]), None)
            tested.setdefault(target, []).append((test["name"], result["status"]))
    return tested


def dbt_test_metadata(results: list[tuple[str, str]]) -> dict:
    """Materialization metadata of a model's dbt tests: how many passed, and each one's result."""
    return {"dbt_tests_passed": dg.MetadataValue.int(sum(status == "pass" for _, status in results)),
            "dbt_tests": dg.MetadataValue.md(markdown_table(["dbt test", "result"], sorted(results)))}


def with_ui_metadata(invocation, database_file: str, translator) -> Iterator:
    """The events of a `dbt build` of `database_file`, with the row count of every table model, its dbt
    tests' results and the meetings chart on the charted mart. dbt tests are not Dagster asset checks
    (a few hundred events per run would cost more than the tests): their results are the models'
    metadata, and a source's tests are one observation of the raw asset. Counted on one connection once
    dbt has finished (and released the file): cheap, and independent of the catalog name dbt's manifest
    was parsed with."""
    events = [e for e in invocation.stream() if not isinstance(e, dg.AssetObservation)]
    relations = _table_relations(invocation)
    tests = dbt_test_results(invocation)
    with duckdb.connect(database_file, config={"memory_limit": duckdb_memory_limit()}) as conn:
        for event in events:
            unique_id = getattr(event, "metadata", {}).get("unique_id")
            if isinstance(event, (dg.Output, dg.AssetMaterialization)) and unique_id is not None:
                extra = dbt_test_metadata(tests[unique_id.value]) if unique_id.value in tests else {}
                if unique_id.value in relations:
                    count = conn.execute(f"select count(*) from {relations[unique_id.value]}").fetchone()[0]
                    extra["dagster/row_count"] = dg.MetadataValue.int(count)
                if unique_id.value.endswith("." + CHARTED_MART):
                    extra.update(meetings_chart(conn.execute(CHART_SQL).fetchall()))
                if extra:
                    event = event.with_metadata({**event.metadata, **extra})
            yield event
    sources = invocation.manifest["sources"]
    for unique_id, results in sorted(tests.items()):
        if unique_id in sources:
            yield dg.AssetObservation(asset_key=translator.get_asset_key(sources[unique_id]), metadata=dbt_test_metadata(results))
