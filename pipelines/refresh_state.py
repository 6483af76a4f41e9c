"""What the last refresh saw, kept in the warehouse, so that a refresh does only what changed.

Fingerprints live in `raw.refresh_state`: the input folders as listed (name, size, mtime of
every file; ingest skips reading when they are the same), the reader's code and the folders it
read (ingest reads only added files when both are the same), and the raw tables plus the dbt
project (the dbt build is skipped when they are the same as at the last successful build). The
listing itself is `raw.input_files`, one row per entry.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb

from .settings import DBT_PROJECT_DIR

STATE_TABLE = "raw.refresh_state"
INPUTS, BUILD, READER, FOLDERS = "inputs", "build", "reader", "folders"
_READER_CODE = tuple(Path(__file__).with_name(name) for name in ("sources.py", "settings.py", "incremental.py"))
_DBT_INPUTS = ("models", "macros", "seeds", "dbt_project.yml", "profiles.yml")


def _ensure(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"create schema if not exists raw; create table if not exists {STATE_TABLE} "
                 "(name varchar primary key, fingerprint varchar not null)")


def recorded(conn: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The fingerprint recorded under `name`, if any."""
    _ensure(conn)
    row = conn.execute(f"select fingerprint from {STATE_TABLE} where name = ?", [name]).fetchone()
    return row[0] if row else None


def record(conn: duckdb.DuckDBPyConnection, name: str, fingerprint: str) -> None:
    _ensure(conn)
    conn.execute(f"insert or replace into {STATE_TABLE} values (?, ?)", [name, fingerprint])


def landed_counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Counts of the raw tables ingest lands. The extraction step re-quarantines the articles it
    cannot read: their earlier entries go (a full ingest drops them too)."""
    conn.execute("delete from raw.quarantine where path like 'raw.articles/%'")
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {"articles": one("select count(*) from raw.articles"),
            "duplicates": one("select count(*) from raw.duplicates"),
            "quarantined": one("select count(*) from raw.quarantine"),
            "notes": one("select count(*) from raw.ingest_notes")}


def input_listing(folders: list[Path]) -> list[tuple]:
    """Every entry of the folders, nothing read: (folder, name, size, mtime_ns, mode) of the entry itself,
    then the same three of what a symlink points to (None when it points nowhere or is not a link)."""
    rows = []
    for folder in folders:
        if not folder.is_dir():
            continue
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                own, target = entry.stat(follow_symlinks=False), None
                if entry.is_symlink():
                    try:
                        target = entry.stat()
                    except OSError:
                        pass
                rows.append((str(folder), entry.name, own.st_size, own.st_mtime_ns, own.st_mode,
                             *((target.st_size, target.st_mtime_ns, target.st_mode) if target else (None,) * 3)))
    return rows


def reader_fingerprint() -> str:
    """The code that decides what a file becomes (a change means every file is read again)."""
    return hashlib.sha256(b"".join(code.read_bytes() for code in _READER_CODE)).hexdigest()


def inputs_fingerprint(folders: list[Path], listing: list[tuple]) -> str:
    """The folders, every entry's listing and the reader's code."""
    digest = hashlib.sha256(reader_fingerprint().encode())
    for folder in folders:
        digest.update(f"\0folder {folder}\n".encode())
    for row in listing:
        digest.update("\0".join(map(str, row)).encode() + b"\n")
    return digest.hexdigest()


def build_fingerprint(conn: duckdb.DuckDBPyConnection) -> str:
    """Every row of every raw table (order-independent) and every file of the dbt project."""
    digest = hashlib.sha256()
    tables = [r[0] for r in conn.execute(
        "select table_name from information_schema.tables where table_schema = 'raw' "
        "and table_name not in ('refresh_state', 'input_files') order by 1").fetchall()]
    for table in tables:
        count, rows_hash = conn.execute(f"select count(*), bit_xor(hash(t)) from raw.{table} as t").fetchone()
        digest.update(f"{table}\0{count}\0{rows_hash}\n".encode())
    for name in _DBT_INPUTS:
        path = DBT_PROJECT_DIR / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(f"{file.relative_to(DBT_PROJECT_DIR)}\n".encode() + file.read_bytes())
    return digest.hexdigest()


def nothing_to_refresh(warehouse: Path, folders: list[Path], extractor_version: str, report: Path) -> bool:
    """Whether the live warehouse was built from exactly these input folders (as listed), by this
    extractor and this dbt project, with every article extracted and its report written: a refresh
    would change nothing. Read-only and cheap, so the CLI can answer without starting Dagster."""
    from .warehouse_file import WarehouseFileError, open_readonly

    if not warehouse.exists() or not report.exists():
        return False
    try:
        conn = open_readonly(warehouse)
    except (WarehouseFileError, duckdb.Error, OSError):
        return False  # the refresh itself reports what is wrong with the file
    with conn:
        try:
            state = dict(conn.execute(f"select name, fingerprint from {STATE_TABLE}").fetchall())
            unextracted = conn.execute(
                "select count(*) from raw.articles a left join raw.extractions e using (article_id) "
                "where e.article_id is null or e.content_hash <> a.content_hash or e.extractor_version <> ?",
                [extractor_version]).fetchone()[0]
        except duckdb.CatalogException:
            return False  # built by an older version, or never refreshed
        return (unextracted == 0 and state.get(INPUTS) == inputs_fingerprint(folders, input_listing(folders))
                and state.get(BUILD) == build_fingerprint(conn))
