"""Shared fixtures: the dev set, the CLI, and a warehouse built once from seeds/."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"
BIN = Path(sys.executable).parent


def cli(*args: str, env: dict | None = None, check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the `diplomacy` console script of this venv."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([str(BIN / "diplomacy"), *args], capture_output=True, text=True, env=full_env,
                          cwd=ROOT, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"diplomacy {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def refresh(articles: Path, warehouse: Path, home: Path, check: bool = True) -> subprocess.CompletedProcess:
    return cli("refresh", "--articles", str(articles), "--warehouse", str(warehouse),
               env={"DAGSTER_HOME": str(home), "DIPLOMACY_INBOX": str(home / "inbox")}, check=check)


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory) -> Path:
    """A warehouse built by `diplomacy refresh` from seeds/ into a temporary folder."""
    tmp = tmp_path_factory.mktemp("seeds_run")
    warehouse = tmp / "diplomacy.duckdb"
    refresh(ROOT / "seeds", warehouse, tmp / "dagster_home")
    return warehouse


@pytest.fixture
def read_only(seeds_warehouse):
    import duckdb

    conn = duckdb.connect(str(seeds_warehouse), read_only=True)
    yield conn
    conn.close()
