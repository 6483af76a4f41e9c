"""`diplomacy` — the command line of diplomacy-warehouse."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Facts about diplomacy from Arabic news, in a DuckDB warehouse.")
out = Console()
err = Console(stderr=True, soft_wrap=True)


def _use(articles: Optional[Path], warehouse: Optional[Path]) -> None:
    """Options win over environment variables, which win over the defaults (see pipelines/settings.py)."""
    if articles:
        os.environ["DIPLOMACY_ARTICLES"] = str(articles.resolve())
    if warehouse:
        os.environ["DIPLOMACY_WAREHOUSE"] = str(warehouse.resolve())
    os.environ["DIPLOMACY_WAREHOUSE"] = str(settings.warehouse_path())
    from .orchestration import prepare_dagster_home

    prepare_dagster_home()


def _ensure_manifest() -> None:
    """@dbt_assets needs dbt's manifest; build it if this checkout has none yet."""
    manifest = settings.DBT_PROJECT_DIR / "target" / "manifest.json"
    if not manifest.exists():
        err.print("[dim]preparing dbt manifest (dbt parse)…[/dim]")
        subprocess.run([str(Path(sys.executable).with_name("dbt")), "parse", "--quiet", "--profiles-dir", ".",
                        "--project-dir", "."], cwd=settings.DBT_PROJECT_DIR, check=True)


@app.command()
def refresh(
    articles: Optional[Path] = typer.Option(None, help="Articles folder (default: $DIPLOMACY_ARTICLES, else seeds/)."),
    warehouse: Optional[Path] = typer.Option(None, help="DuckDB file (default: $DIPLOMACY_WAREHOUSE, else warehouse/diplomacy.duckdb)."),
    wait: float = typer.Option(0, help="Seconds to wait if another refresh is running (default: exit at once)."),
    feed: list[str] = typer.Option([], help="RSS/Atom feed URL to fetch into the inbox first (repeatable)."),
) -> None:
    """Ingest the articles, extract facts and rebuild the warehouse — the same Dagster job the UI runs.

    The run builds a private copy of the warehouse and swaps it in atomically at the end: queries keep
    working during a refresh, and a refresh that dies leaves the previous warehouse intact."""
    _use(articles, warehouse)
    if articles and not articles.is_dir():
        err.print(f"[red]error:[/red] articles folder {escape(str(articles))} does not exist")
        raise typer.Exit(2)
    _ensure_manifest()
    for url in feed:
        from .feeds import FetchError, fetch_feed

        try:
            fetched = fetch_feed(url, settings.inbox_dir())
        except FetchError as exc:
            err.print(f"[red]feed error:[/red] {escape(str(exc))}")
            raise typer.Exit(1)
        err.print(escape(f"feed {url}: {len(fetched.written)} items into {settings.inbox_dir()} ({fetched.failed} failed)"))
    from .orchestration import run_refresh

    started = time.monotonic()
    err.print(f"refreshing [bold]{escape(str(settings.warehouse_path()))}[/bold] from {escape(str(settings.articles_dir()))}")
    if _up_to_date():
        err.print(f"[green]done[/green] in {time.monotonic() - started:.1f}s — nothing to do: the input folders, the "
                  "extractor and the dbt project are as at the last refresh, which is the live warehouse")
        return
    result = run_refresh(progress=lambda msg: err.print(f"  {escape(msg)}"), wait_seconds=wait)
    if not result.success:
        where = f" at step {result.failed_step}" if result.failed_step else ""
        err.print(f"[red]refresh failed[/red]{escape(where)}: {escape(str(result.error))}")
        raise typer.Exit(3 if result.locked else 1)
    counts = result.counts
    err.print(f"[green]done[/green] in {time.monotonic() - started:.1f}s — articles: {counts.get('articles', 0)} "
              f"(new {counts.get('new', 0)}, unchanged {counts.get('unchanged', 0)}, "
              f"re-extracted {counts.get('re_extracted', 0)}), duplicates {counts.get('duplicates', 0)}, "
              f"quarantined {counts.get('quarantined', 0)}")


def _up_to_date() -> bool:
    """A refresh would change nothing (checked read-only, without starting Dagster)."""
    from .extract import EXTRACTOR_VERSION
    from .refresh_state import nothing_to_refresh
    from .report import report_dir

    live = settings.warehouse_path()
    return nothing_to_refresh(live, [settings.articles_dir(), settings.inbox_dir()], EXTRACTOR_VERSION,
                              report_dir(live) / "index.html")


@contextmanager
def _connect_read_only(warehouse: Optional[Path], memory_limit: Optional[str] = None):
    """The locked read-only connection of pipelines/readonly.py; a missing or damaged file exits 2 with the fix."""
    from .readonly import connect_read_only
    from .warehouse_file import WarehouseFileError

    path = (warehouse or settings.warehouse_path()).resolve()
    if not path.exists():
        err.print(f"[red]error:[/red] no warehouse at {escape(str(path))} — run `diplomacy refresh` (or `make run`) first")
        raise typer.Exit(2)
    with ExitStack() as stack:
        try:
            conn = stack.enter_context(connect_read_only(path, memory_limit))
        except WarehouseFileError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}")
            raise typer.Exit(2)
        yield conn


def _json_value(value):
    """A cell as JSON allows it: NaN and ±infinity (not JSON) become null."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _tsv(value) -> str:
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _print_table(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    """Rows as data: a table on a terminal (cells never read as markup), else tab-separated lines, never cut."""
    if not out.is_terminal:
        lines = ([title] if title else []) + ["\t".join(map(_tsv, line)) for line in [columns, *rows]]
        sys.stdout.write("".join(line + "\n" for line in lines))
        sys.stdout.flush()
        return
    table = Table(title=Text(title) if title else None, show_lines=False)
    for c in columns:
        table.add_column(Text(c))
    for row in rows:
        table.add_row(*[Text("" if v is None else str(v)) for v in row])
    out.print(table)


@app.command()
def query(
    sql: str = typer.Argument(..., help="A SELECT (or WITH … SELECT) statement."),
    warehouse: Optional[Path] = typer.Option(None, help="DuckDB file (default: the configured warehouse)."),
    as_json: bool = typer.Option(False, "--json", help="Print rows as JSON Lines (one compact object per line)."),
    timeout: float = typer.Option(60.0, help="Stop the query after this many seconds (0: no limit)."),
    memory_limit: Optional[str] = typer.Option(None, help="DuckDB memory cap, e.g. 500MB (default: 25% of RAM, at most 2GB)."),
) -> None:
    """Run SQL on a locked read-only connection, bounded in time and memory; statements that write or
    reach outside the warehouse are refused. Off a terminal, rows print as tab-separated lines."""
    import duckdb

    from .readonly import QueryStopped, UnsafeQuery, check_query, run_query

    try:
        check_query(sql)
    except UnsafeQuery as exc:
        err.print(f"[red]refused:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    try:
        with _connect_read_only(warehouse, memory_limit) as conn:
            columns, rows = run_query(conn, sql, timeout)
    except QueryStopped as exc:
        err.print(f"[red]query stopped:[/red] {escape(str(exc))}")
        raise typer.Exit(4)
    except duckdb.PermissionException as exc:
        err.print(f"[red]refused:[/red] {escape(str(exc))}")
        raise typer.Exit(2)
    except duckdb.Error as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write("".join(json.dumps({c: _json_value(v) for c, v in zip(columns, row)}, ensure_ascii=False,
                                            default=str, separators=(",", ":"), allow_nan=False) + "\n"
                                 for row in rows))
    else:
        _print_table(columns, rows)


@app.command()
def summary(warehouse: Optional[Path] = typer.Option(None, help="DuckDB file (default: the configured warehouse).")) -> None:
    """One screen: articles, meetings, agreements, top partner countries and sectors."""
    with _connect_read_only(warehouse) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        out.print(f"[bold]{escape(str(settings.warehouse_path() if warehouse is None else warehouse))}[/bold]",
                  soft_wrap=True)
        out.print(f"articles {one('select count(*) from dim_article')} · meetings {one('select count(*) from fct_meetings')}"
                  f" · agreements {one('select count(*) from fct_agreements')}"
                  f" · quarantined {one('select count(*) from staging.stg_quarantine')}", soft_wrap=True)
        _print_table(["country", "name", "meetings", "agreements"], conn.execute("""
            with m as (select iso3, count(*) n from bridge_meeting_country group by 1),
                 a as (select iso3, count(*) n from bridge_agreement_party group by 1)
            select iso3, c.name_en, coalesce(m.n, 0), coalesce(a.n, 0)
            from m full join a using (iso3) join dim_country c using (iso3)
            order by coalesce(m.n, 0) + coalesce(a.n, 0) desc, iso3 limit 8""").fetchall(), "Top partner countries")
        _print_table(["sector", "articles", "agreements"], conn.execute("""
            select s.sector, count(distinct s.article_id),
                   (select count(*) from bridge_agreement_sector b where b.sector = s.sector)
            from fct_article_sectors s group by 1 order by 2 desc, 1 limit 8""").fetchall(), "Top sectors")


@app.command()
def quarantine(warehouse: Optional[Path] = typer.Option(None, help="DuckDB file (default: the configured warehouse).")) -> None:
    """List the input files that were refused, with the reason, and the articles kept with a note."""
    with _connect_read_only(warehouse) as conn:
        rows = conn.execute("select path, reason, detected_encoding, size_bytes, quarantined_at "
                            "from staging.stg_quarantine order by path").fetchall()
        has_notes = conn.execute("select count(*) from duckdb_views() "
                                 "where schema_name = 'staging' and view_name = 'stg_ingest_notes'").fetchone()[0]
        notes = conn.execute("select path, article_id, note, noted_at from staging.stg_ingest_notes "
                             "order by path, note").fetchall() if has_notes else []
    _print_table(["path", "reason", "encoding", "bytes", "when"], rows, f"{len(rows)} quarantined")
    _print_table(["path", "article", "note", "when"], notes, f"{len(notes)} kept with a note")


@app.command()
def report(
    out_dir: Optional[Path] = typer.Option(None, "--out", help="Folder for index.html (default: report/ beside the warehouse)."),
    warehouse: Optional[Path] = typer.Option(None, help="DuckDB file (default: the configured warehouse)."),
) -> None:
    """Write a self-contained HTML report: timeline, partners, agreements, sectors, country pairs, evidence."""
    from .report import build_report, report_dir

    path = (warehouse or settings.warehouse_path()).resolve()
    if not path.exists():
        err.print(f"[red]error:[/red] no warehouse at {escape(str(path))} — run `diplomacy refresh` (or `make run`) first")
        raise typer.Exit(2)
    target = build_report(path, (out_dir or report_dir(path)).resolve())
    out.print(f"report written to {escape(str(target))}")


def _read_inputs(files: list[Path]):
    from .sources import Quarantined, read_file

    for path in files:
        for item in read_file(path, path.parent):
            if isinstance(item, Quarantined):
                err.print(f"[yellow]skipped[/yellow] {escape(f'{item.path}: {item.reason}')}")
            else:
                yield item


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Article files (.txt, .html, .json, .jsonl)."),
    as_json: bool = typer.Option(False, "--json", help="One contract-shaped JSON object per line."),
) -> None:
    """Extract facts from article files: a readable summary, or JSON Lines with --json."""
    from .extract import extract_article

    for article in _read_inputs(files):
        facts = extract_article(article.text, article.source_id, article.published_date)
        if as_json:
            sys.stdout.write(json.dumps(facts, ensure_ascii=False) + "\n")
        else:
            _print_facts(facts)


def _print_facts(facts: dict) -> None:
    out.rule(f"[bold]{escape(facts['article'])}[/bold]  published {facts['published_date'] or '—'}")
    for m in facts["meetings"]:
        out.print(f"[cyan]meeting[/cyan] {m['type']} ({m['status']}) {m['date'] or 'date unknown'} — "
                  + escape(f"{', '.join(m['countries'])}" + (f" @ {m['location_city']}" if m["location_city"] else "")
                           + (f", round {m['round']}" if m["round"] else "")))
        for p in m["participants"]:
            out.print(escape(f"    · {p['name_ar'] or '(unnamed)'} — {p['role']} {p['country'] or ''}"))
        out.print(f"    [dim]«{escape(m['evidence'])}»[/dim]")
    for a in facts["agreements"]:
        out.print(f"[magenta]agreement[/magenta] {a['type']} ({a['status']}) {a['date'] or 'date unknown'} — "
                  f"{', '.join(a['parties']) or 'parties unknown'}; sectors: {', '.join(a['sectors']) or '—'}")
        out.print(f"    {escape(a['title_ar'] or '(no title)')}\n    [dim]«{escape(a['evidence'])}»[/dim]")
    out.print(f"[green]sectors[/green]: {', '.join(facts['sectors']) or '—'}")
    if not facts["meetings"] and not facts["agreements"]:
        out.print("[dim]no meetings or agreements found[/dim]")


@app.command()
def evaluate(
    gold: Path = typer.Option(..., help="Folder of gold <article>.json files."),
    pred: Path = typer.Option(..., help="Predictions: JSON Lines file or folder of <article>.json."),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
) -> None:
    """Score predictions as the facts contract's scoring section says (P/R/F1, strict F1, attributes)."""
    from .evaluation import evaluate as run, load_predictions

    report = run(gold, load_predictions(pred))
    if as_json:
        sys.stdout.write(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
        return
    rows = [(a["article"], *a["meetings"], *a["agreements"], ",".join(a["sectors_missed"]), ",".join(a["sectors_extra"]))
            for a in report["per_article"]]
    _print_table(["article", "m_tp", "m_fp", "m_fn", "a_tp", "a_fp", "a_fn", "sectors missed", "extra"], rows)
    if report["missing_predictions"]:
        out.print("no prediction for: " + ", ".join(report["missing_predictions"]))
    for kind in ("meetings", "agreements", "sectors"):
        r = report[kind]
        out.print(f"{kind:10} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f']:.3f}")
    out.print(f"strict F1 (all key attributes right): meetings {report['strict']['meetings']:.3f} "
              f"agreements {report['strict']['agreements']:.3f}")
    for k, v in report["meeting_attrs"].items():
        out.print(f"  meeting {k:18} {v:.3f}")
    for k, v in report["agreement_attrs"].items():
        out.print(f"  agreement {k:16} {v:.3f}")


@app.command()
def bench(
    targets: Optional[list[str]] = typer.Argument(None, help="Articles folder (default: the dev set if present, else "
                                                  "seeds/); with --refresh, the corpus sizes."),
    refresh_sizes: bool = typer.Option(False, "--refresh", help="Time refreshes of synthetic corpora of these sizes."),
    repeat: int = typer.Option(3, help="Passes over the folder (extraction)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    workdir: Optional[Path] = typer.Option(None, help="Keep the synthetic corpora and warehouses here (default: a temporary folder)."),
) -> None:
    """Extraction throughput (one process and all cores) on a folder, or with --refresh N...: full,
    no-change and +10-article refreshes of synthetic corpora, peak RSS and the time per stage."""
    from . import bench as benchmark

    if refresh_sizes:
        try:
            sizes = [int(t) for t in targets or []]
        except ValueError:
            sizes = []
        if not sizes or min(sizes) < 1:
            err.print("[red]error:[/red] --refresh needs corpus sizes, e.g. `diplomacy bench --refresh 300 3000`")
            raise typer.Exit(2)
        report = benchmark.refresh_benchmark(sizes, workdir, progress=lambda msg: err.print(f"[dim]{msg}[/dim]"))
        if as_json:
            sys.stdout.write(json.dumps(report) + "\n")
            return
        _print_refresh_report(report)
        return
    folder = Path(targets[0]) if targets else benchmark.default_folder()
    try:
        report = {"extraction": benchmark.extraction_throughput(folder, repeat)}
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    e = report["extraction"]
    out.print(f"{e['articles']} articles × {e['repeat']} from {e['folder']}: one process {e['articles_per_s']} articles/s "
              f"({e['ms_per_article']} ms each, {e['kb_per_s']} kB/s); {e['all_cores']['processes']} processes "
              f"{e['all_cores']['articles_per_s']} articles/s")


def _print_refresh_report(report: dict) -> None:
    rows = []
    for r in report["refresh"]:
        for label, name in (("full", "full"), ("no_change", "no-op"), ("plus_10", "+10")):
            run = r[label]
            rows.append((r["articles"], name, run["wall_s"], f"{run['wall_s'] / r['full']['wall_s']:.0%}",
                         *run["stages_s"].values(), run["peak_rss_mb"]))
    _print_table(["N", "run", "wall s", "of full", "ingest", "extract", "dbt", "publish", "checks, report", "other",
                  "RSS MB"], rows,
                 "Refreshes of N synthetic articles: full, nothing new (no-op), 10 new (+10); seconds")
    for key, value in report["checks"].items():
        out.print(f"  {key}: {value}")


@app.command()
def ui(port: int = typer.Option(3000, help="Port of the web UI."),
       host: str = typer.Option("127.0.0.1", help="Interface to bind (loopback by default).")) -> None:
    """Start the Dagster UI and daemon; Ctrl-C or SIGTERM stops the whole process tree."""
    _use(None, None)
    _ensure_manifest()
    from .launcher import run_dagster_dev

    raise typer.Exit(run_dagster_dev(host, port, log=lambda msg: err.print(msg)))


class _Entry:
    """The console script. `diplomacy query` with its plain options is dispatched straight to the
    command: typer builds its parameter types with pydantic, which alone costs more start-up time
    than the whole query. Everything else (including `query --help`) goes through typer."""

    def __init__(self, typer_app: typer.Typer):
        self.typer_app = typer_app

    def __call__(self, args: list[str] | None = None) -> None:
        args = sys.argv[1:] if args is None else args
        fast = _plain_query_args(args)
        if fast is None:
            return self.typer_app(args)
        try:
            query(**fast)
        except typer.Exit as done:
            sys.exit(done.exit_code)
        sys.exit(0)


def _plain_query_args(args: list[str]) -> dict | None:
    """`query [--warehouse PATH] [--json] [--timeout S] [--memory-limit SIZE] SQL` → the command's keyword
    arguments (every one given, defaults as the command declares them); None for anything else."""
    if not args or args[0] != "query":
        return None
    found: dict = {"warehouse": None, "as_json": False, "timeout": 60.0, "memory_limit": None}
    options = {"--warehouse": ("warehouse", Path), "--timeout": ("timeout", float),
               "--memory-limit": ("memory_limit", str)}
    sql, rest = None, args[1:]
    while rest:
        word = rest.pop(0)
        name, has_value, value = word.partition("=")
        if word == "--json":
            found["as_json"] = True
        elif name in options and (has_value or rest):
            key, kind = options[name]
            try:
                found[key] = kind(value if has_value else rest.pop(0))
            except ValueError:
                return None  # typer explains the bad value
        elif word.startswith("-") or sql is not None:
            return None
        else:
            sql = word
    return None if sql is None else {**found, "sql": sql}


app = _Entry(app)

if __name__ == "__main__":
    app()
