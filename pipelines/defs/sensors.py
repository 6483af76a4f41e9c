"""The inbox sensor: a refresh when files appear or change in the inbox folder."""
import hashlib
import json

import dagster as dg

from ..settings import inbox_dir
from ..sources import SIDECAR_SUFFIX, input_files
from .schedules import refresh_job


def inbox_state() -> dict[str, int]:
    """File name → modification time (ns) of every input and sidecar in the inbox."""
    folder = inbox_dir()
    if not folder.is_dir():
        return {}
    files = input_files(folder) + sorted(folder.glob("*" + SIDECAR_SUFFIX))
    state = {}
    for path in files:
        try:
            state[path.name] = path.lstat().st_mtime_ns
        except OSError:
            continue
    return state


@dg.sensor(job=refresh_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a refresh when files in the inbox folder are new or changed (cursor: names and mtimes).")
def inbox_sensor(context: dg.SensorEvaluationContext):
    state = inbox_state()
    seen = json.loads(context.cursor) if context.cursor else {}
    changed = sorted(name for name, mtime in state.items() if seen.get(name) != mtime)
    context.update_cursor(json.dumps(state, sort_keys=True))
    if not changed:
        return dg.SkipReason(f"no new or changed files in {inbox_dir()}")
    run_key = hashlib.sha256(json.dumps({n: state[n] for n in changed}, sort_keys=True).encode()).hexdigest()[:16]
    return dg.RunRequest(run_key=run_key, tags={"diplomacy/trigger": "inbox", "diplomacy/files": str(len(changed))})
