"""A compact progress logger for terminal runs (`diplomacy refresh`); the UI keeps Dagster's own."""
import logging
import re
import sys
import time

import dagster as dg

_UNGATED_CHECK = re.compile(r"Blocking asset check .* emitted no result in step 'warehouse_models'")
# When the dbt build is skipped (nothing changed) its tests give no results and publishing is skipped
# too; Dagster's executor warns once per test about that. Expected: not printed.
logging.getLogger("dagster._core.execution.plan.active").addFilter(
    lambda record: not _UNGATED_CHECK.match(record.getMessage()))
_SHOWN_EVENTS = {"STEP_START": "▶", "STEP_SUCCESS": "✔", "STEP_FAILURE": "✘"}


class _ProgressHandler(logging.Handler):
    def __init__(self, stream) -> None:
        super().__init__()
        self.stream = stream
        self.started: dict[str, float] = {}

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", {}) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        line = None
        if event is not None and event.event_type_value in _SHOWN_EVENTS:
            mark = _SHOWN_EVENTS[event.event_type_value]
            if mark == "▶":
                self.started[step] = time.monotonic()
                line = f"{mark} {step}"
            else:
                line = f"{mark} {step} ({time.monotonic() - self.started.get(step, time.monotonic()):.1f}s)"
        elif event is None and record.levelno >= logging.INFO:
            message = meta.get("orig_message", record.getMessage())
            if record.levelno >= logging.WARNING or step != "warehouse_models" or message.startswith("dbt build"):
                line = f"    {message}"  # dbt's own lines stay in its log
        if line:
            self.stream.write(line + "\n")
            self.stream.flush()


@dg.logger(description="One line per step and per pipeline message, for terminals.")
def progress_logger(_init_context) -> logging.Logger:
    log = logging.Logger("diplomacy.progress", level=logging.DEBUG)
    log.addHandler(_ProgressHandler(sys.stderr))
    return log
