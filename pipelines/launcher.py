"""Starting `dagster dev` so that Ctrl-C or SIGTERM stops its whole process tree.

A shell started without a terminal leaves SIGINT/SIGTERM ignored in its children,
and `dagster dev` then never stops; the child gets default handlers back and its
own process group, and the launcher forwards signals to the whole group.

The child runs as in an activated virtualenv (its bin folder first on PATH): `dagster dev` makes
dagster-dbt run `dbt parse` by name, and the user's shell need not have the venv on PATH. The code
location is the `[tool.dagster]` block of pyproject.toml, named `diplomacy`.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .settings import PROJECT_ROOT


def _default_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def stop_group(proc: subprocess.Popen, grace: float = 20.0) -> int:
    """SIGTERM the child's process group, then SIGKILL whatever is left after `grace` seconds."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return proc.wait()
    try:
        return proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait()
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # stragglers (daemon, code server) that outlived the parent
        except ProcessLookupError:
            pass


def venv_environment() -> dict[str, str]:
    """This process's environment as if its virtualenv were activated: its bin folder first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    path = os.environ.get("PATH")
    return {**os.environ, "VIRTUAL_ENV": sys.prefix, "PATH": os.pathsep.join([bin_dir, path]) if path else bin_dir}


def run_dagster_dev(host: str, port: int, log: Callable[[str], None] = print) -> int:
    """Run `dagster dev` bound to host:port until it exits or we are told to stop."""
    dagster = str(Path(sys.executable).with_name("dagster"))
    cmd = [dagster, "dev", "-h", host, "-p", str(port)]  # the location comes from pyproject.toml
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=venv_environment(), start_new_session=True,
                            preexec_fn=_default_signals)
    log(f"Dagster UI on http://{host}:{port} (pid {proc.pid}); Ctrl-C stops it")

    def forward(signum, _frame):
        log(f"stopping Dagster ({signal.Signals(signum).name})…")
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        for sig in previous:  # a second Ctrl-C or SIGTERM must not cut the stopping short
            signal.signal(sig, signal.SIG_IGN)
        return stop_group(proc)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
