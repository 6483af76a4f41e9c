"""The Dagster webserver serves the whole asset graph (raw assets and dbt models)."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

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
