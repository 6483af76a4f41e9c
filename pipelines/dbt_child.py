"""`diplomacy-dbt`: dbt, set up to die with the process that started it.

dagster-dbt starts dbt with a plain `subprocess.Popen` (no preexec hook). If that process is killed
with SIGKILL, dbt would live on and keep writing the run's private warehouse copy after the lock is
gone. This wrapper asks Linux to SIGKILL it when its parent dies (`PR_SET_PDEATHSIG`, which survives
`exec`), then becomes the venv's dbt.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from pathlib import Path

PARENT_PID_ENV = "DIPLOMACY_DBT_PARENT"  # set by the process that runs dbt, to close the start-up race
PR_SET_PDEATHSIG = 1


def die_with_parent(expected_parent: int | None) -> None:
    """SIGKILL this process when its parent dies; exit at once if it is already gone (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(1)


def main() -> None:
    parent = os.environ.get(PARENT_PID_ENV)
    die_with_parent(int(parent) if parent else None)
    dbt = str(Path(sys.executable).with_name("dbt"))
    os.execv(dbt, [dbt, *sys.argv[1:]])


if __name__ == "__main__":
    main()
