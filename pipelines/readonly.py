"""Guarding `diplomacy query`: only reads of the warehouse get through, bounded in time and memory.

DuckDB enforces it: the connection is read-only, external access (files, network, extensions) is
disabled and the configuration is locked, so no statement can reach outside the warehouse or lift the
limits. The statement-type check runs first only to give a refused write a clear message. Spill files,
if any, go to a fresh folder under the system temp dir, removed afterwards.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .warehouse_file import open_readonly

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
DEFAULT_TIMEOUT_SECONDS = 60.0


class UnsafeQuery(ValueError):
    """A statement that would write to the warehouse or reach outside it."""


class QueryStopped(RuntimeError):
    """A query stopped by its time or memory limit."""


def check_query(sql: str) -> None:
    """Raise UnsafeQuery unless every statement is a SELECT (or EXPLAIN)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise UnsafeQuery(f"cannot parse the statement: {exc}") from None
    if not statements:
        raise UnsafeQuery("no statement given")
    for statement in statements:
        if statement.type not in ALLOWED:
            kind = statement.type.name.replace("_", " ")
            raise UnsafeQuery(f"{kind} statements are not allowed: the warehouse is read-only here (use SELECT)")


def default_memory_limit() -> str:
    """A modest share of this machine's RAM: a quarter of it, at most 2 GB."""
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return f"{min(ram // 4, 2 * 1024**3) // 1024**2}MB"


@contextmanager
def connect_read_only(path: Path, memory_limit: str | None = None):
    """A locked read-only connection to the warehouse, with a private temp folder removed on exit.

    A damaged warehouse file raises warehouse_file.WarehouseFileError (its message names the fix)."""
    spill = tempfile.mkdtemp(prefix="diplomacy-query-")
    try:
        conn = open_readonly(path, config={
            "enable_external_access": False, "autoinstall_known_extensions": False,
            "autoload_known_extensions": False, "memory_limit": memory_limit or default_memory_limit(),
            "temp_directory": spill, "lock_configuration": True})
        try:
            yield conn
        finally:
            conn.close()
    finally:
        shutil.rmtree(spill, ignore_errors=True)


def run_query(conn: duckdb.DuckDBPyConnection, sql: str, timeout: float = DEFAULT_TIMEOUT_SECONDS):
    """(column names, rows) of a query; interrupted after `timeout` seconds (0: no limit) → QueryStopped."""
    timer = threading.Timer(timeout, conn.interrupt) if timeout > 0 else None
    if timer:
        timer.daemon = True
        timer.start()
    try:
        cursor = conn.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except duckdb.InterruptException:
        raise QueryStopped(f"stopped after {timeout:g} s (the time limit; raise it with --timeout)") from None
    except duckdb.OutOfMemoryException as exc:
        limit = conn.execute("select current_setting('memory_limit')").fetchone()[0]
        raise QueryStopped(f"out of memory: the query needs more than {limit} "
                           f"(raise it with --memory-limit) — {str(exc).splitlines()[0]}") from None
    finally:
        if timer:
            timer.cancel()
