"""The warehouse stays whole: reruns change nothing, readers are never blocked, killed or
concurrent refreshes never corrupt anything."""
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import BIN, ROOT, cli, refresh

TABLES = ("fct_meetings", "fct_agreements", "fct_article_sectors", "dim_article", "bridge_meeting_source")


def snapshot(path):
    with duckdb.connect(str(path), read_only=True) as conn:
        counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
        ids = conn.execute("select meeting_id from fct_meetings union all select agreement_id from fct_agreements "
                           "order by 1").fetchall()
    return counts, ids


@pytest.fixture
def built(tmp_path, seeds_warehouse):
    """A copy of the seeds warehouse (and its Dagster home) to refresh again."""
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, warehouse)
    return warehouse


def start_refresh(warehouse, home):
    env = {**os.environ, "DAGSTER_HOME": str(home), "DIPLOMACY_INBOX": str(home / "inbox")}
    return subprocess.Popen([str(BIN / "diplomacy"), "refresh", "--articles", str(ROOT / "seeds"), "--warehouse",
                             str(warehouse)], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def dbt_log_of(proc) -> Path:
    """The dbt log file a running refresh reports on stderr."""
    for line in proc.stderr:
        if found := re.search(r"dbt output in (\S+)", line):
            return Path(found.group(1))
    raise AssertionError("the refresh did not say where dbt writes its output")


def test_rerun_is_a_no_op_while_readers_keep_reading_and_a_second_refresh_is_refused(built, tmp_path):
    before = snapshot(built)
    reader = duckdb.connect(str(built), read_only=True)  # held open through the whole refresh
    answers, stop = [], threading.Event()

    def keep_querying():
        while not stop.is_set():
            answers.append(reader.execute("select count(*) from fct_meetings").fetchone()[0])
            time.sleep(0.2)

    thread = threading.Thread(target=keep_querying)
    thread.start()
    home = tmp_path / "home"
    first = start_refresh(built, home)
    first_log = dbt_log_of(first)
    while first_log.stat().st_size == 0 and first.poll() is None:
        time.sleep(0.2)  # dbt build has written output: the first refresh holds the lock
    second = refresh(ROOT / "seeds", built, home, check=False)  # same Dagster home: same place for dbt logs
    first.wait(timeout=600)
    err = first.stderr.read()  # the rest of it (dbt_log_of read the start)
    stop.set()
    thread.join()
    reader.close()
    assert first.returncode == 0, err
    assert second.returncode == 3 and "another refresh is running" in second.stderr
    assert answers and set(answers) == {before[0]["fct_meetings"]}  # never blocked, never half-built
    assert "new 0, unchanged 5, re-extracted 0" in err
    assert snapshot(built) == before  # same rows, same ids
    dbt_output = first_log.read_text(encoding="utf-8")
    assert dbt_output.startswith("Running with dbt=") and "Done. PASS=" in dbt_output  # whole, not truncated
    assert first_log != Path(re.search(r"dbt output in (\S+)", second.stderr).group(1))


def session_processes(session: int) -> dict[int, list[str]]:
    """Live processes of a session: pid → command line."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[3]) == session:
            found[int(stat.parent.name)] = cmdline
    return found


def wait_for_dbt_build(proc) -> None:
    """Return once the refresh's `dbt build` child runs."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        for pid, cmdline in session_processes(proc.pid).items():
            if pid != proc.pid and "build" in cmdline and any(arg.endswith("/dbt") for arg in cmdline):
                return
        time.sleep(0.2)
    raise AssertionError(f"no dbt build started (refresh exited {proc.poll()})")


@pytest.mark.parametrize("kill_at", [3.0, 9.0, "dbt build"])
def test_sigkill_mid_refresh_leaves_the_previous_warehouse_whole_and_nothing_running(built, tmp_path, kill_at):
    before = snapshot(built)
    (tmp_path / "articles").mkdir()
    for f in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(f, tmp_path / "articles" / f.name)
    proc = start_refresh(built, tmp_path / "home")
    if kill_at == "dbt build":
        wait_for_dbt_build(proc)
    else:
        time.sleep(kill_at)
    proc.kill()  # SIGKILL to the refresh process only
    proc.wait()
    try:
        deadline = time.monotonic() + 10
        while session_processes(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert session_processes(proc.pid) == {}, "a child of the killed refresh is still running"
        assert snapshot(built) == before
        assert cli("query", "--warehouse", str(built), "select count(*) from fct_meetings").returncode == 0
        after = refresh(tmp_path / "articles", built, tmp_path / "home")
        assert after.returncode == 0
        assert snapshot(built) == before
        assert not list(built.parent.glob(built.name + ".build-*"))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # orphans of the killed run, if the test failed
        except ProcessLookupError:
            pass


def test_a_damaged_warehouse_file_is_named_with_the_fix(built, tmp_path):
    fix = "delete it and run `diplomacy refresh`"
    os.truncate(built, built.stat().st_size // 2)  # e.g. a copy cut short by a full disk
    for args in (["summary"], ["quarantine"], ["query", "select count(*) from fct_meetings"]):
        proc = cli(*args, "--warehouse", str(built), check=False)
        assert proc.returncode == 2, proc.stderr
        assert f"{built} is not a readable DuckDB file (truncated" in proc.stderr and fix in proc.stderr
    proc = refresh(ROOT / "seeds", built, tmp_path / "home", check=False)
    assert proc.returncode == 1
    assert f"{built} is not a readable DuckDB file (truncated" in proc.stderr and fix in proc.stderr
    assert not list(built.parent.glob(built.name + ".build-*"))
    not_duckdb = tmp_path / "notes.duckdb"
    not_duckdb.write_text("not a database\n", encoding="utf-8")
    proc = cli("summary", "--warehouse", str(not_duckdb), check=False)
    assert proc.returncode == 2 and f"{not_duckdb} is not a readable DuckDB file (no DuckDB header)" in proc.stderr
