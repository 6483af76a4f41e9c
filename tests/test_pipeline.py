"""End to end: `diplomacy refresh` on seeds/ into a temporary warehouse, then the rows in it."""
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import BIN, ROOT, cli


def test_refresh_builds_every_mart_with_rows(read_only):
    for table in ("dim_article", "dim_country", "dim_sector", "dim_person", "bridge_person_name_variant",
                  "dim_organization", "dim_date", "fct_meetings", "bridge_meeting_country", "bridge_meeting_participant",
                  "bridge_meeting_source", "fct_agreements", "bridge_agreement_party", "bridge_agreement_sector",
                  "bridge_agreement_source", "fct_article_sectors", "mart_country_pair", "mart_sector_year",
                  "mart_country_timeline"):
        assert read_only.execute(f"select count(*) from {table}").fetchone()[0] > 0, table
    assert read_only.execute("select count(*) from dim_article").fetchone()[0] == len(list((ROOT / "seeds").glob("*.txt")))


def test_warehouse_holds_the_seed_facts(read_only):
    consultations = read_only.execute("""
        select countries, round, location_city, source_count from fct_meetings
        where meeting_type = 'consultations'""").fetchall()
    assert consultations == [(["IRQ", "TKM"], 4, "Baghdad", 1)]
    summit = read_only.execute("select country_count, meeting_date, level from fct_meetings where meeting_type = 'summit'").fetchall()
    assert summit == [(6, "2024-08-09", "head_of_state")]
    referenced = read_only.execute("""
        select agreement_type, agreement_date from fct_agreements where status = 'referenced' order by agreement_date""").fetchall()
    assert referenced == [("agreement", "2019-04-05"), ("memorandum_of_understanding", "2021-04-01"),
                          ("roadmap", "2022-02-22"), ("plan", None)]
    sectors = {r[0] for r in read_only.execute("select sector from fct_article_sectors join dim_article using (article_id) where source_id like '001_%'").fetchall()}
    assert sectors == {"culture", "education", "energy", "investment", "trade"}


def test_every_fact_keeps_its_provenance(read_only):
    rows = read_only.execute("""
        select s.evidence, s.evidence_start, s.evidence_end, a.text, s.extractor_version
        from bridge_meeting_source s join raw.articles a using (article_id)""").fetchall()
    assert rows
    for evidence, start, end, text, version in rows:
        assert text[start:end] == evidence and version


def test_query_command_reads_and_never_writes(seeds_warehouse):
    out = cli("query", "--warehouse", str(seeds_warehouse), "select count(*) as n from fct_meetings").stdout
    assert "n" in out and any(ch.isdigit() for ch in out)
    for sql in ("delete from fct_meetings", "drop table fct_meetings", "create table x as select 1",
                "insert into dim_country values ('X','X','X','X','X')", "copy fct_meetings to '/tmp/x.csv'",
                "attach '/tmp/other.duckdb'", "select * from read_csv('/etc/passwd')", "install httpfs",
                "set threads = 1", "pragma version", "update fct_meetings set status = 'x'",
                "select 1; drop table fct_meetings"):
        proc = cli("query", "--warehouse", str(seeds_warehouse), sql, check=False)
        assert proc.returncode == 2, sql
        assert "refused" in proc.stderr, sql
    assert cli("query", "--warehouse", str(seeds_warehouse), "select count(*) from fct_meetings").returncode == 0


def test_read_only_connection_blocks_writes_even_past_the_check(seeds_warehouse):
    import duckdb

    from pipelines.cli import _connect_read_only

    with _connect_read_only(seeds_warehouse) as conn:
        with pytest.raises(duckdb.Error):
            conn.execute("create table t as select 1")
        with pytest.raises(duckdb.Error):
            conn.execute("select * from read_text('/etc/hostname')")


def test_summary_and_quarantine_commands(seeds_warehouse):
    out = cli("summary", "--warehouse", str(seeds_warehouse)).stdout
    assert "meetings" in out and "Top partner countries" in out and "TKM" in out
    assert "0 quarantined" in cli("quarantine", "--warehouse", str(seeds_warehouse)).stdout


def test_extract_summary_is_readable_for_a_person():
    out = cli("extract", str(ROOT / "seeds" / "001_079d5c1b2b9b6042.txt")).stdout
    assert "consultations" in out and "memorandum_of_understanding" in out and "«" in out


def test_dbt_docs_generate_works(seeds_warehouse, tmp_path):
    copy = tmp_path / "docs.duckdb"
    shutil.copyfile(seeds_warehouse, copy)
    env = {**os.environ, "DIPLOMACY_WAREHOUSE": str(copy), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    subprocess.run([str(BIN / "dbt"), "docs", "generate", "--quiet", "--profiles-dir", ".", "--project-dir", ".",
                    "--target-path", str(tmp_path / "target")], cwd=ROOT / "dbt_project", env=env, check=True)
    catalog = json.loads((tmp_path / "target" / "catalog.json").read_text(encoding="utf-8"))
    assert "model.diplomacy.fct_meetings" in catalog["nodes"]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text(encoding="utf-8"))
    models = {k: n for k, n in manifest["nodes"].items() if n["resource_type"] == "model"}
    undocumented = [(n["name"], column) for k, n in models.items()
                    for column in catalog["nodes"][k]["columns"]
                    if not n["columns"].get(column, {}).get("description")]
    assert undocumented == []  # every model's every column is described
    assert all(n["description"] for n in models.values())


def test_dbt_unit_tests_pass(seeds_warehouse, tmp_path):
    """A refresh skips dbt's unit tests (they check the models' SQL on fixed rows, not the data): they run here."""
    copy = tmp_path / "unit.duckdb"
    shutil.copyfile(seeds_warehouse, copy)
    env = {**os.environ, "DIPLOMACY_WAREHOUSE": str(copy), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    done = subprocess.run([str(BIN / "dbt"), "test", "--select", "test_type:unit", "--profiles-dir", ".",
                           "--project-dir", ".", "--target-path", str(tmp_path / "target")],
                          cwd=ROOT / "dbt_project", env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text(encoding="utf-8"))
    assert int(re.search(r"PASS=(\d+)", done.stdout).group(1)) == len(manifest["unit_tests"]) > 0


def test_declared_constraints_are_the_tables_own(read_only):
    """Every constraint a contracted model declares (not null, unique, check) is one of its built table's,
    so DuckDB enforces it as it builds the table and a violating row fails the build."""
    manifest = json.loads((ROOT / "dbt_project" / "target" / "manifest.json").read_text(encoding="utf-8"))
    declared = set()
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model":
            declared |= {(node["name"], c["type"].upper().replace("_", " "), (column,))
                         for column, spec in node["columns"].items() for c in spec.get("constraints", [])}
            declared |= {(node["name"], c["type"].upper(), tuple(c["columns"])) for c in node.get("constraints", [])}
    built = {(table, kind, tuple(columns)) for table, kind, columns in read_only.execute(
        "select table_name, constraint_type, constraint_column_names from duckdb_constraints() "
        "where schema_name = 'main'").fetchall()}
    assert {("fct_meetings", "NOT NULL", ("meeting_id",)), ("fct_meetings", "UNIQUE", ("meeting_id",)),
            ("fct_meetings", "CHECK", ("meeting_type",)), ("mart_sector_year", "UNIQUE", ("sector", "year"))} <= declared
    assert declared <= built, declared - built


def test_a_value_outside_the_contract_cannot_enter_a_mart(seeds_warehouse, tmp_path):
    """The contract's codes are CHECK constraints and the keys UNIQUE: DuckDB refuses a row that breaks them."""
    import duckdb

    copy = tmp_path / "w.duckdb"
    shutil.copy(seeds_warehouse, copy)
    with duckdb.connect(str(copy)) as conn:
        some_meeting = "where meeting_id = (select min(meeting_id) from fct_meetings)"
        with pytest.raises(duckdb.ConstraintException, match="meeting_type"):
            conn.execute(f"update fct_meetings set meeting_type = 'banquet' {some_meeting}")
        with pytest.raises(duckdb.ConstraintException, match="[Dd]uplicate key"):
            conn.execute(f"insert into fct_meetings select * from fct_meetings {some_meeting}")
