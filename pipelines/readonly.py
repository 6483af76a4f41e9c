"""Guarding `diplomacy query`: only reads of the warehouse get through.

The connection is read-only with external access disabled and the configuration
locked; this check runs first so a refused statement gets a clear message.
"""
from __future__ import annotations

import re

import duckdb

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
FILE_FUNCTIONS = re.compile(
    r"\b(read_\w+|glob|parquet_\w+|sniff_csv|iceberg_\w+|delta_scan|sqlite_scan|postgres_scan|mysql_scan|query_table)\s*\(",
    re.IGNORECASE)


class UnsafeQuery(ValueError):
    """A statement that would write to the warehouse or reach outside it."""


def check_query(sql: str) -> None:
    """Raise UnsafeQuery unless every statement only reads the warehouse."""
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
    match = FILE_FUNCTIONS.search(sql)
    if match:
        raise UnsafeQuery(f"{match.group(1)}() reads files outside the warehouse and is not allowed")
