"""Running the refresh job in-process — the same job the Dagster UI launches."""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg

from .settings import dagster_home

DBT_LOG_DAYS = 7  # a run's dbt log is kept this long
# Telemetry off (no network at run time); one queued run at a time (the schedule and the sensor may
# both ask for a refresh: the second waits in the queue instead of failing on the warehouse lock).
INSTANCE_CONFIG = "telemetry:\n  enabled: false\nrun_queue:\n  max_concurrent_runs: 1\n"


def prepare_dagster_home() -> None:
    """The Dagster instance folder the CLI and the UI share, with telemetry off (no network at run time)."""
    os.environ.setdefault("DAGSTER_HOME", str(dagster_home()))
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text(INSTANCE_CONFIG, encoding="utf-8")


@dataclass
class RefreshResult:
    success: bool
    counts: dict = field(default_factory=dict)
    failed_step: str | None = None
    error: str | None = None
    locked: bool = False


def run_refresh(progress: Callable[[str], None] = lambda msg: None, wait_seconds: float = 0.0) -> RefreshResult:
    """Materialize every asset (ingest → extract → dbt build) against the configured warehouse."""
    from .definitions import defs
    from .defs.resources import build_resources

    prepare_dagster_home()
    job = defs.resolve_job_def("refresh")
    dbt_log = _new_dbt_log()
    with dg.DagsterInstance.get() as instance, open(dbt_log, "w", encoding="utf-8") as log, redirect_stdout(log):
        progress(f"dagster instance {os.environ['DAGSTER_HOME']}; dbt output in {dbt_log}")
        result = job.execute_in_process(
            instance=instance, raise_on_error=False, resources=build_resources(wait_seconds),
            run_config={"loggers": {"progress": {}}})
    done = re.findall(r"Done\. PASS=\d+ WARN=\d+ ERROR=\d+ SKIP=\d+(?: NO-OP=\d+)? TOTAL=\d+", dbt_log.read_text(encoding="utf-8"))
    if done:
        progress(f"dbt build: {done[-1]}")
    counts: dict = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat.asset_key.path[-1] in ("raw_articles", "article_facts"):
            counts.update({k: v.value for k, v in mat.metadata.items() if isinstance(v.value, int)})
    if result.success:
        return RefreshResult(True, counts)
    failure = next((e for e in result.all_events if e.is_failure and getattr(e.event_specific_data, "error", None)), None)
    error = failure.event_specific_data.error if failure else None
    message = _root_message(error) if error else "unknown error (see the Dagster run in the UI)"
    return RefreshResult(False, counts, failure.step_key if failure else None, message,
                         locked="another refresh is running" in message)


def _new_dbt_log() -> Path:
    """A dbt log file of this run's own (a refused second refresh must not truncate a running one's).

    Logs live in `$DAGSTER_HOME/dbt_logs/`; those untouched for DBT_LOG_DAYS days are removed."""
    folder = dagster_home() / "dbt_logs"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("refresh-*.log"):
        try:
            if old.stat().st_mtime < time.time() - DBT_LOG_DAYS * 86400:
                old.unlink()
        except FileNotFoundError:
            pass  # removed by another refresh meanwhile
    return folder / f"refresh-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}.log"


def _root_message(error) -> str:
    """The innermost error's message: what actually went wrong, not the wrapper's."""
    while getattr(error, "cause", None) is not None:
        error = error.cause
    return error.message.strip().splitlines()[-1] if error.message.strip() else error.cls_name
