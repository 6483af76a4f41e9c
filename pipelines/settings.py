"""Where things are. One place decides every path the pipeline, dbt and the CLI use."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


def duckdb_memory_limit() -> str:
    """DuckDB's memory limit for the refresh's connections and for dbt (`DIPLOMACY_DUCKDB_MEMORY`, else
    400MB): its buffer cache stays bounded however big the warehouse, and larger work spills to disk."""
    return os.environ.get("DIPLOMACY_DUCKDB_MEMORY") or "400MB"


def articles_dir() -> Path:
    """The folder the default run ingests (`DIPLOMACY_ARTICLES`, else `seeds/`)."""
    return Path(os.environ.get("DIPLOMACY_ARTICLES") or PROJECT_ROOT / "seeds").resolve()


def inbox_dir() -> Path:
    """The folder the sensor watches for new articles (`DIPLOMACY_INBOX`, else `inbox/`)."""
    return Path(os.environ.get("DIPLOMACY_INBOX") or PROJECT_ROOT / "inbox").resolve()


def warehouse_path() -> Path:
    """The DuckDB file analysts query (`DIPLOMACY_WAREHOUSE`, else `warehouse/diplomacy.duckdb`), absolute."""
    return Path(os.environ.get("DIPLOMACY_WAREHOUSE") or PROJECT_ROOT / "warehouse" / "diplomacy.duckdb").resolve()


def dagster_home() -> Path:
    """Dagster's instance folder, shared by the CLI and the UI so both see the same runs."""
    return Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").resolve()
