"""The Dagster UI: the webserver serves the whole asset graph, and `diplomacy ui` stops cleanly."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import BIN, ROOT

QUERY = '{"query": "{ assetNodes { assetKey { path } } }"}'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webserver_lists_raw_assets_and_dbt_models(tmp_path):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "DIPLOMACY_WAREHOUSE": str(tmp_path / "w.duckdb")}
    proc = subprocess.Popen([str(BIN / "dagster-webserver"), "-m", "pipelines.definitions", "-h", "127.0.0.1",
                             "-p", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        keys = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and keys is None:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=QUERY.encode(),
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=10) as response:
                    data = json.load(response)
                keys = {"/".join(node["assetKey"]["path"]) for node in data["data"]["assetNodes"]}
            except (OSError, KeyError, TypeError):
                time.sleep(1)
        assert keys, "webserver did not answer"
        assert {"raw_articles", "raw_quarantine", "article_facts", "raw_meetings", "raw_agreements"} <= keys
        assert {"stg_meetings", "int_meeting_clusters", "fct_meetings", "fct_agreements", "dim_country",
                "mart_country_pair", "countries"} <= keys
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _group_members(pgid: int) -> list[int]:
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def test_diplomacy_ui_stops_its_whole_process_tree_on_sigterm(tmp_path):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "DIPLOMACY_WAREHOUSE": str(tmp_path / "w.duckdb")}
    # started like a background job of a non-interactive shell: no terminal, SIGINT ignored
    launcher = subprocess.Popen([str(BIN / "diplomacy"), "ui", "--port", str(port)], cwd=ROOT, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    first_line = launcher.stderr.readline()
    dagster_pid = int(first_line.split("(pid ")[1].split(")")[0])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=5)
            break
        except OSError:
            time.sleep(1)
    else:
        raise AssertionError("the UI did not come up")
    assert len(_group_members(dagster_pid)) >= 2  # webserver, daemon, code server…
    launcher.send_signal(signal.SIGTERM)
    assert launcher.wait(timeout=60) is not None
    time.sleep(1)
    assert _group_members(dagster_pid) == []
