"""The Dagster UI: `make ui`, started from a shell without the venv, serves the whole asset graph under
the location `diplomacy`, and SIGTERM stops every process it started."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import ROOT

WORKSPACE_QUERY = """{ workspaceOrError { __typename ... on Workspace { locationEntries { name loadStatus
  locationOrLoadError { __typename ... on PythonError { message }
    ... on RepositoryLocation { repositories { assetNodes { assetKey { path } } } } } } } } }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _processes() -> dict[int, tuple[int, int]]:
    """Every live (non-zombie) process: pid → (parent pid, session id)."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, ppid, _pgrp, session = stat.read_text().rsplit(")", 1)[1].split()[:4]
        except (OSError, ValueError):
            continue
        if state != "Z":
            found[int(stat.parent.name)] = (int(ppid), int(session))
    return found


def _sessions_of_tree(root: int) -> set[int]:
    """The sessions of `root` and all its descendants (the launcher gives `dagster dev` its own)."""
    procs, tree, grew = _processes(), {root}, True
    while grew:
        children = {pid for pid, (ppid, _) in procs.items() if ppid in tree} - tree
        tree |= children
        grew = bool(children)
    return {procs[pid][1] for pid in tree if pid in procs}


def _alive_in(sessions: set[int]) -> list[int]:
    return sorted(pid for pid, (_, session) in _processes().items() if session in sessions)


def _location_entries(port: int) -> list[dict] | None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": WORKSPACE_QUERY}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            entries = json.load(response)["data"]["workspaceOrError"]["locationEntries"]
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return entries if entries and all(e["loadStatus"] == "LOADED" for e in entries) else None


def test_make_ui_without_the_venv_on_path_loads_the_diplomacy_location_and_stops_whole(tmp_path):
    port = _free_port()
    log = tmp_path / "make_ui.log"
    env = {"HOME": os.environ.get("HOME", str(tmp_path)), "PATH": "/usr/bin:/bin",
           "DAGSTER_HOME": str(tmp_path / "dagster_home"), "DIPLOMACY_WAREHOUSE": str(tmp_path / "w.duckdb")}
    with open(log, "w") as out:
        # the user's command, as a background job of a non-interactive shell: no terminal, SIGINT ignored
        make = subprocess.Popen(["make", "ui", f"PORT={port}"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    sessions = {make.pid}
    try:
        entries, deadline = None, time.monotonic() + 240
        while entries is None and time.monotonic() < deadline and make.poll() is None:
            time.sleep(2)
            entries = _location_entries(port)
        sessions |= _sessions_of_tree(make.pid)
        assert entries, f"the UI did not come up:\n{log.read_text()[-3000:]}"
        assert [e["name"] for e in entries] == ["diplomacy"]
        location = entries[0]["locationOrLoadError"]
        assert location["__typename"] == "RepositoryLocation", location.get("message")
        keys = {"/".join(node["assetKey"]["path"]) for repo in location["repositories"] for node in repo["assetNodes"]}
        assert {"raw_articles", "raw_quarantine", "article_facts", "raw_meetings", "raw_agreements"} <= keys
        assert {"stg_meetings", "int_meeting_clusters", "fct_meetings", "fct_agreements", "dim_country",
                "mart_country_pair", "countries", "published_warehouse"} <= keys
        assert len(_alive_in(sessions)) >= 4  # make, the launcher, dagster dev, its webserver, daemon, code server…

        os.killpg(make.pid, signal.SIGTERM)  # as a supervisor stops a job: make and the launcher both get it
        try:
            make.wait(timeout=90)
        except subprocess.TimeoutExpired:
            alive = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                     for pid in _alive_in(sessions) if Path(f"/proc/{pid}").exists()}
            raise AssertionError(f"`make ui` still running 90 s after SIGTERM; alive: {alive}\n"
                                 f"{log.read_text()[-3000:]}") from None
        time.sleep(1)
        assert _alive_in(sessions) == [], "processes outlived `make ui`"
    finally:
        for pid in _alive_in(sessions):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
