"""The Dagster UI's own API, end to end: webserver and daemon on a free loopback port, the `refresh` job
launched through GraphQL, then the materialization metadata and the asset checks read back through it."""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request

import dagster as dg
import duckdb

from conftest import BIN, ROOT
from pipelines.defs.metadata import RAW_TABLES
from pipelines.launcher import stop_group
from pipelines.orchestration import INSTANCE_CONFIG

ENTRY = """label __typename ... on IntMetadataEntry { intValue } ... on MarkdownMetadataEntry { mdStr }
           ... on PathMetadataEntry { path } ... on JsonMetadataEntry { jsonString } ... on UrlMetadataEntry { url }
           ... on TextMetadataEntry { text }"""
ASSETS = """{ assetNodes { assetKey { path } isMaterializable
    owners { __typename ... on TeamAssetOwner { team } } tags { key value } metadataEntries { %s }
    internalFreshnessPolicy { __typename ... on TimeWindowFreshnessPolicy { failWindowSeconds } }
    assetMaterializations(limit: 1) { runId metadataEntries { %s } }
    assetChecksOrError { __typename ... on AssetChecks { checks { name description
        executionForLatestMaterialization { runId status evaluation { success severity metadataEntries { %s } } } } } }
} }""" % (ENTRY, ENTRY, ENTRY)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class GraphQL:
    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/graphql"

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        assert not answer.get("errors"), answer["errors"]
        return answer["data"]

    def wait_for_location(self, deadline: float) -> dict:
        while time.monotonic() < deadline:
            try:
                repos = self("{ repositoriesOrError { ... on RepositoryConnection { nodes { name location { name } "
                             "schedules { name description } sensors { name description } } } } }")
                nodes = repos["repositoriesOrError"].get("nodes")
                if nodes:
                    return nodes[0]
            except (OSError, KeyError, AssertionError):
                pass
            time.sleep(2)
        raise AssertionError("the webserver did not load the code location")


def _entries(entries: list[dict]) -> dict:
    return {e["label"]: e for e in entries}


def test_refresh_launched_through_graphql_records_metadata_and_checks(tmp_path):
    home, articles = tmp_path / "home", tmp_path / "articles"
    home.mkdir()
    (home / "dagster.yaml").write_text(INSTANCE_CONFIG, encoding="utf-8")
    shutil.copytree(ROOT / "seeds", articles)
    (articles / "empty.txt").write_bytes(b"")  # refused: the warning check and the quarantine preview show it
    warehouse = tmp_path / "diplomacy.duckdb"  # the name the dbt manifest's relation names carry
    env = {**os.environ, "DAGSTER_HOME": str(home), "DIPLOMACY_WAREHOUSE": str(warehouse),
           "DIPLOMACY_ARTICLES": str(articles), "DIPLOMACY_INBOX": str(tmp_path / "inbox"),
           "FRESHNESS_DAEMON_INTERVAL_SECONDS": "5"}
    with dg.DagsterInstance.from_config(str(home)):
        pass  # the instance's storage exists before two processes would race to create it
    port = _free_port()

    def start(name: str, *args: str) -> subprocess.Popen:
        proc = subprocess.Popen([str(BIN / name), *args, "-m", "pipelines.definitions"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=open(tmp_path / f"{name}.log", "w"),
                                start_new_session=True)
        started.append(proc)
        return proc

    started: list[subprocess.Popen] = []
    try:
        start("dagster-webserver", "-h", "127.0.0.1", "-p", str(port))
        start("dagster-daemon", "run")
        gql = GraphQL(port)
        repo = gql.wait_for_location(time.monotonic() + 300)
        assert all(s["description"] for s in repo["schedules"] + repo["sensors"])
        launched = gql("""mutation($p: ExecutionParams!) { launchRun(executionParams: $p) { __typename
                            ... on LaunchRunSuccess { run { runId } } ... on PythonError { message } } }""",
                       {"p": {"selector": {"repositoryLocationName": repo["location"]["name"],
                                           "repositoryName": repo["name"], "jobName": "refresh"}, "runConfigData": {}}})
        assert launched["launchRun"]["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["launchRun"]["run"]["runId"]
        status, deadline = None, time.monotonic() + 900
        while status not in ("SUCCESS", "FAILURE", "CANCELED") and time.monotonic() < deadline:
            time.sleep(3)
            status = gql("query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }",
                         {"id": run_id})["runOrError"]["status"]
        assert status == "SUCCESS", (tmp_path / "dagster-daemon.log").read_text()[-3000:]
        nodes = {"/".join(n["assetKey"]["path"]): n for n in gql(ASSETS)["assetNodes"]}
        freshness, deadline = None, time.monotonic() + 180
        while freshness != "HEALTHY" and time.monotonic() < deadline:  # the daemon evaluates the policy
            time.sleep(3)
            freshness = gql('{ assetNodeOrError(assetKey: {path: ["published_warehouse"]}) { ... on AssetNode { '
                            'freshnessStatusInfo { freshnessStatus } } } }')["assetNodeOrError"][
                "freshnessStatusInfo"]["freshnessStatus"]
        assert freshness == "HEALTHY"
    finally:
        for proc in started:
            stop_group(proc)

    with duckdb.connect(str(warehouse), read_only=True) as conn:
        count = lambda table: conn.execute(f"select count(*) from {table}").fetchone()[0]  # noqa: E731
        views = {r[0] for r in conn.execute("select table_name from information_schema.tables "
                                            "where table_type = 'VIEW'").fetchall()}
        raw = {key: f"raw.{table}" for key, table in RAW_TABLES.items()}
        counted = set()
        for key, node in nodes.items():
            assert node["owners"] == [{"__typename": "TeamAssetOwner", "team": "diplomacy-analytics"}], key
            assert {t["key"]: t["value"] for t in node["tags"]}.get("layer"), key
            assert "dagster/code_references" in _entries(node["metadataEntries"]), key
            if not node["isMaterializable"] or key in views:
                continue
            latest = node["assetMaterializations"][0]
            assert latest["runId"] == run_id, key
            meta = _entries(latest["metadataEntries"])
            table = raw.get(key) or _entries(node["metadataEntries"]).get("dagster/table_name", {}).get("text")
            table = table and ".".join(table.split(".")[-2:])  # schema.table: the catalog is the file dbt parsed with
            if table:  # every table asset records its row count at materialization
                assert meta["dagster/row_count"]["intValue"] == count(table), key
                counted.add(key)
        assert set(RAW_TABLES) | {"countries", "dim_country", "fct_meetings", "mart_country_timeline"} <= counted
        assert len(counted) == len([k for k, n in nodes.items() if k not in views and "dagster/table_name" in
                                    _entries(n["metadataEntries"])]) + len(RAW_TABLES)
        assert "dagster/column_schema" in _entries(nodes["raw_meetings"]["metadataEntries"])
        dbt_tests = _entries(nodes["fct_meetings"]["assetMaterializations"][0]["metadataEntries"])
        manifest = json.loads((ROOT / "dbt_project" / "target" / "manifest.json").read_text(encoding="utf-8"))
        expected = sorted(n["name"] for n in manifest["nodes"].values()
                          if n["resource_type"] == "test" and n.get("attached_node") == "model.diplomacy.fct_meetings")
        assert dbt_tests["dbt_tests_passed"]["intValue"] == len(expected) > 0  # each dbt test's result, on its model
        assert all(f"| {name} | pass |" in dbt_tests["dbt_tests"]["mdStr"] for name in expected)

        facts = _entries(nodes["article_facts"]["assetMaterializations"][0]["metadataEntries"])["newest_facts"]["mdStr"]
        newest = conn.execute("select meeting_date, evidence, article_id from raw.meetings "
                              "order by meeting_date desc nulls last limit 1").fetchone()
        assert "| date | kind | countries | type | evidence | article |" in facts
        assert newest[0] in facts and newest[1][:60] in facts and newest[2] in facts
        refused = _entries(nodes["raw_quarantine"]["assetMaterializations"][0]["metadataEntries"])["newest_refused"]
        assert "empty.txt" in refused["mdStr"] and "empty file" in refused["mdStr"]

        chart = _entries(nodes["mart_country_timeline"]["assetMaterializations"][0]["metadataEntries"])
        values = json.loads(chart["meetings_per_country_year"]["jsonString"])["data"]["values"]
        assert {(v["country"], v["year"]): v["meetings"] for v in values} == dict(
            ((c, y), n) for c, y, n in conn.execute(
                "select b.iso3, m.meeting_year, count(*) from bridge_meeting_country b join fct_meetings m "
                "using (meeting_id) where m.meeting_year is not null group by 1, 2").fetchall())
    report = _entries(nodes["analyst_report"]["assetMaterializations"][0]["metadataEntries"])["path"]["path"]
    assert report == str(tmp_path / "report" / "index.html") and "timeline-row" in open(report).read()
    policy = nodes["published_warehouse"]["internalFreshnessPolicy"]
    assert policy == {"__typename": "TimeWindowFreshnessPolicy", "failWindowSeconds": 26 * 3600}

    checks = {(key, c["name"]): c for key, node in nodes.items()
              if node["assetChecksOrError"]["__typename"] == "AssetChecks"
              for c in node["assetChecksOrError"]["checks"]}
    python_checks = {("article_facts", "evidence_at_offsets"), ("fct_meetings", "country_codes_in_dim_country"),
                     ("fct_agreements", "country_codes_in_dim_country"), ("fct_meetings", "no_meeting_after_publication"),
                     ("raw_quarantine", "nothing_quarantined")}
    assert python_checks <= set(checks)
    for key in python_checks:
        execution = checks[key]["executionForLatestMaterialization"]
        assert checks[key]["description"] and execution["runId"] == run_id and execution["evaluation"], key
        passed = key != ("raw_quarantine", "nothing_quarantined")
        assert execution["evaluation"]["success"] is passed, key
    warning = checks["raw_quarantine", "nothing_quarantined"]["executionForLatestMaterialization"]["evaluation"]
    assert warning["severity"] == "WARN" and _entries(warning["metadataEntries"])["refused_files"]["intValue"] == 1
    evidence = _entries(checks["article_facts", "evidence_at_offsets"]["executionForLatestMaterialization"]
                        ["evaluation"]["metadataEntries"])
    assert evidence["facts_checked"]["intValue"] > 0 and evidence["mismatches"]["intValue"] == 0
