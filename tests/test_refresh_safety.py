"""The warehouse stays whole: reruns change nothing, readers are never blocked, killed or
concurrent refreshes never corrupt anything."""
import os
import shutil
import signal
import subprocess
import threading
import time

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
    first = start_refresh(built, tmp_path / "home")
    time.sleep(8)  # the first refresh holds the lock now
    second = cli("refresh", "--articles", str(ROOT / "seeds"), "--warehouse", str(built),
                 env={"DAGSTER_HOME": str(tmp_path / "home2")}, check=False)
    out, err = first.communicate(timeout=600)
    stop.set()
    thread.join()
    reader.close()
    assert first.returncode == 0, err
    assert second.returncode == 3 and "another refresh is running" in second.stderr
    assert answers and set(answers) == {before[0]["fct_meetings"]}  # never blocked, never half-built
    assert "new 0, unchanged 5, re-extracted 0" in err
    assert snapshot(built) == before  # same rows, same ids


@pytest.mark.parametrize("kill_after", [3.0, 9.0, 20.0])
def test_sigkill_mid_refresh_leaves_the_previous_warehouse_whole(built, tmp_path, kill_after):
    before = snapshot(built)
    (tmp_path / "articles").mkdir()
    for f in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(f, tmp_path / "articles" / f.name)
    proc = start_refresh(built, tmp_path / "home")
    time.sleep(kill_after)
    proc.kill()  # SIGKILL to the refresh process only; its dbt child may live on
    proc.wait()
    assert snapshot(built) == before
    assert cli("query", "--warehouse", str(built), "select count(*) from fct_meetings").returncode == 0
    try:
        after = refresh(tmp_path / "articles", built, tmp_path / "home")
        assert after.returncode == 0
        assert snapshot(built) == before
        assert not list(built.parent.glob(built.name + ".build-*"))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # orphans of the killed run
        except ProcessLookupError:
            pass
