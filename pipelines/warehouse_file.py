"""Opening the warehouse file: a damaged file (not DuckDB, or truncated) is named, with the fix."""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

DUCKDB_MAGIC = b"DUCK"  # DuckDB's main header: an 8-byte checksum, then these bytes
HEADER_BYTES = 3 * 4096  # the main header and two database headers come before the first block


class WarehouseFileError(Exception):
    """The warehouse file exists but is not a whole DuckDB database."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path} is not a readable DuckDB file ({reason}): delete it and run `diplomacy refresh`")


def open_readonly(path: Path, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse at `path`; WarehouseFileError if the file is damaged."""
    with open(path, "rb") as f:
        header, opened = f.read(12), os.fstat(f.fileno())
    if header[8:12] != DUCKDB_MAGIC:
        raise WarehouseFileError(path, "no DuckDB header")
    if opened.st_size < HEADER_BYTES:
        raise WarehouseFileError(path, f"truncated: {opened.st_size} bytes")
    conn = duckdb.connect(str(path), read_only=True, config=config or {})
    try:
        # Blocks in use must all lie inside the file; free blocks at its end may have been cut off by
        # DuckDB itself, so the file can be shorter than all its blocks.
        block_size, used = conn.execute("select block_size, used_blocks from pragma_database_size() "
                                        "where database_name = current_database()").fetchone()
        replaced = os.stat(path).st_ino != opened.st_ino  # a refresh published a new file meanwhile
        expected = HEADER_BYTES + block_size * used
        if not replaced and opened.st_size < expected:
            raise WarehouseFileError(path, f"truncated: {opened.st_size} of {expected} bytes")
    except BaseException:
        conn.close()
        raise
    if replaced:
        conn.close()
        return open_readonly(path, config)
    return conn


def check_warehouse_file(path: Path) -> None:
    """Raise WarehouseFileError if `path` exists and is not a whole DuckDB database."""
    if path.exists():
        open_readonly(path).close()
