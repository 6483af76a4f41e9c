"""`diplomacy query`, `quarantine` and `summary` as a user runs them: bounded in time and memory, locked by
DuckDB itself, and printing data as data (no markup, real JSON Lines, nothing cut when piped)."""
import json
import re
import shutil

import duckdb
import pytest

from conftest import cli
from pipelines.cli import _connect_read_only

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TERMINAL = {"TTY_COMPATIBLE": "1", "COLUMNS": "200"}  # rich treats the pipe as a terminal
PIPE = {"TTY_COMPATIBLE": "0", "FORCE_COLOR": ""}


def query(warehouse, *args, env=None):
    return cli("query", "--warehouse", str(warehouse), *args, env=env or PIPE, check=False)


def test_a_runaway_cross_join_stops_at_the_timeout(seeds_warehouse):
    proc = query(seeds_warehouse, "--timeout", "1", "select count(*) from range(1000000000) a, range(1000000000) b")
    assert proc.returncode == 4
    assert "query stopped" in proc.stderr and "stopped after 1 s" in proc.stderr and "--timeout" in proc.stderr


def test_memory_is_capped_and_spills_stay_out_of_the_warehouse_folder(seeds_warehouse, tmp_path):
    before = sorted(p.name for p in seeds_warehouse.parent.iterdir())
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = cli("query", "--warehouse", str(seeds_warehouse), "--memory-limit", "40MB",
               "select list(i) from range(100000000) t(i)", env={**PIPE, "TMPDIR": str(tmp)}, check=False)
    assert proc.returncode == 4
    assert "out of memory" in proc.stderr and "--memory-limit" in proc.stderr
    sort = cli("query", "--warehouse", str(seeds_warehouse), "--memory-limit", "40MB",  # a sort that must spill
               "select count(*), min(r) from (select random() as r from range(6000000) order by r)",
               env={**PIPE, "TMPDIR": str(tmp)})
    assert sort.stdout.splitlines()[1].startswith("6000000\t")
    assert sorted(p.name for p in seeds_warehouse.parent.iterdir()) == before
    assert list(tmp.iterdir()) == []  # the private temp folder is removed


@pytest.mark.parametrize("sql", [
    "select * from read_csv_auto/**/('/etc/passwd')", "select * from read_text('/etc/hostname')",
    "select * from glob('/etc/*')", "copy fct_meetings to '/tmp/x.csv'", "attach '/tmp/other.duckdb'",
    "install httpfs", "load httpfs", "set memory_limit = '100GB'", "reset lock_configuration"])
def test_outside_access_and_settings_are_refused(seeds_warehouse, sql):
    proc = query(seeds_warehouse, sql)
    assert proc.returncode == 2 and "refused" in proc.stderr, proc.stderr


def test_duckdb_itself_refuses_what_the_statement_check_would_let_through(seeds_warehouse):
    with _connect_read_only(seeds_warehouse) as conn:
        for sql in ("select * from read_csv_auto/**/('/etc/passwd')", "select * from read_text('/etc/hostname')",
                    "copy fct_meetings to '/tmp/x.csv'", "attach '/tmp/other.duckdb'", "install httpfs",
                    "set memory_limit = '100GB'", "set enable_external_access = true", "reset lock_configuration"):
            with pytest.raises(duckdb.Error):
                conn.execute(sql)
        assert conn.execute("select count(*) from fct_meetings").fetchone()[0] > 0


def test_cells_print_literally_on_a_terminal(seeds_warehouse):
    sql = "select '[/foo] x' as a, '[link=https://example.org]click[/link]' as b, '[bold]c' as c"
    proc = query(seeds_warehouse, sql, env=TERMINAL)
    assert proc.returncode == 0, proc.stderr
    assert "\x1b]8;" not in proc.stdout  # no terminal hyperlink
    text = ANSI.sub("", proc.stdout)
    assert "[/foo] x" in text and "[link=https://example.org]click[/link]" in text and "[bold]c" in text


def test_piped_output_is_tab_separated_and_never_cut(seeds_warehouse):
    proc = query(seeds_warehouse, "select repeat('ض', 300) as wide, '[/foo] x' as b, 'a\tb' as c")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["wide\tb\tc", "ض" * 300 + "\t[/foo] x\ta\\tb"]


def test_json_prints_json_lines(seeds_warehouse):
    proc = query(seeds_warehouse, "--json", "select i, 'نص ' || i as s, [i, 2] as l, date '2024-01-02' as d "
                                            "from range(3) t(i) order by i")
    lines = proc.stdout.splitlines()
    assert [json.loads(line) for line in lines] == [{"i": i, "s": f"نص {i}", "l": [i, 2], "d": "2024-01-02"}
                                                    for i in range(3)]
    assert lines[0] == '{"i":0,"s":"نص 0","l":[0,2],"d":"2024-01-02"}'
    special = query(seeds_warehouse, "--json", "select 'nan'::double as n, 'inf'::double as i, 1.5::double as x")
    assert json.loads(special.stdout) == {"n": None, "i": None, "x": 1.5}  # strict JSON: no NaN/Infinity tokens


def test_summary_prints_its_path_literally(seeds_warehouse, tmp_path):
    copy = tmp_path / "[bold]w.duckdb"
    shutil.copyfile(seeds_warehouse, copy)
    for env in (TERMINAL, PIPE):
        out = ANSI.sub("", cli("summary", "--warehouse", str(copy), env=env).stdout)
        assert "[bold]w.duckdb" in out and "Top partner countries" in out and "TKM" in out


def test_extract_and_refresh_print_names_and_evidence_literally(tmp_path):
    articles = tmp_path / "[b]news"
    articles.mkdir()
    (articles / "[link=file:x]x.txt").write_text(
        "مباحثات [/foo] عراقية تركمانستانية\n\n"
        "بغداد [/foo] – بحث وزير الخارجية العراقي مع نظيره التركمانستاني اليوم في بغداد "
        "التعاون في مجال الطاقة.\n", encoding="utf-8")
    shown = cli("extract", str(articles / "[link=file:x]x.txt"), env=TERMINAL)
    text = ANSI.sub("", shown.stdout)
    assert "[link=file:x]x.txt" in text and "بغداد [/foo] –" in text
    assert "\x1b]8;" not in shown.stdout  # no terminal hyperlink made of the data
    missing = cli("refresh", "--articles", str(tmp_path / "[i]missing"), check=False)
    assert missing.returncode == 2 and "[i]missing" in missing.stderr
