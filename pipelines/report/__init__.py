"""The analyst's report: a self-contained static HTML page drawn from the published warehouse."""
from __future__ import annotations

from pathlib import Path

from .data import connect_read_only, load
from .html import render


def report_dir(warehouse: Path) -> Path:
    """Where the report of a warehouse goes by default: `report/` beside the DuckDB file."""
    return warehouse.parent / "report"


def build_report(warehouse: Path, out_dir: Path) -> Path:
    """Write `out_dir/index.html` from the warehouse (opened read-only) and return its path."""
    with connect_read_only(warehouse) as conn:
        page = render(load(conn))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(page, encoding="utf-8")
    partial.replace(target)  # a reader never opens half a report
    return target
