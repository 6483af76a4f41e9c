"""`diplomacy bench`: extraction throughput on a folder, and the cost of refreshes on synthetic corpora.

Timings are wall-clock on whatever else the machine is doing; compare them as ratios.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .parallel import Job, extract_one, worker_count, worker_pool
from .settings import PROJECT_ROOT
from .sources import Article, read_file
from .synthetic import SyntheticCorpus

DEV_ARTICLES = PROJECT_ROOT.parent / "shared" / "eval" / "dev" / "articles"
STAGES = {"ingest_articles": "ingest", "extract_facts": "extract", "warehouse_models": "dbt",
          "published_warehouse": "publish"}
OTHER_STEPS = "checks and report"
_STEP_DONE = re.compile(r"✔ (\w+) \(([\d.]+)s\)")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def default_folder() -> Path:
    """The dev set when it is there, else the seed articles."""
    return DEV_ARTICLES if DEV_ARTICLES.is_dir() else PROJECT_ROOT / "seeds"


def _jobs(folder: Path) -> list[Job]:
    items = [item for path in sorted(folder.glob("*.txt")) for item in read_file(path, folder)]
    return [(a.article_id, a.content_hash, a.text, a.published_date) for a in items if isinstance(a, Article)]


def _warm_up() -> None:
    extract_one(("warm-up", "", "العراق وتركمانستان يوقعان مذكرة تفاهم في مجال الطاقة.", None))


def _warm_up_task(_: int) -> None:
    time.sleep(0.05)  # lets every worker finish its initializer before the clock starts


def extraction_throughput(folder: Path, repeat: int = 3, processes: int | None = None) -> dict:
    """Articles per second after start-up: in this process, and on a pool of every core."""
    jobs = _jobs(folder)
    if not jobs:
        raise ValueError(f"no readable .txt articles in {folder}")
    _warm_up()  # lexicons load once
    started = time.perf_counter()
    for _ in range(repeat):
        for job in jobs:
            extract_one(job)
    single = time.perf_counter() - started
    processes = processes or worker_count()
    with worker_pool(processes, initializer=_warm_up) as pool:
        list(pool.map(_warm_up_task, range(processes)))
        started = time.perf_counter()
        list(pool.map(extract_one, jobs * repeat, chunksize=4))
        pooled = time.perf_counter() - started
    n, kilobytes = len(jobs) * repeat, sum(len(j[2].encode("utf-8")) for j in jobs) * repeat / 1000
    return {"folder": str(folder), "articles": len(jobs), "repeat": repeat,
            "articles_per_s": round(n / single, 1), "ms_per_article": round(1000 * single / n, 2),
            "kb_per_s": round(kilobytes / single, 1),
            "all_cores": {"processes": processes, "articles_per_s": round(n / pooled, 1)}}


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(pid, []))
    return total


def timed_refresh(articles: Path, root: Path, name: str = "refresh") -> dict:
    """One `diplomacy refresh` in a child process (its output in `<root>/<name>.log`): wall time,
    per-stage split, peak RSS of its process tree."""
    env = {**os.environ, "DAGSTER_HOME": str(root / "home"), "DIPLOMACY_INBOX": str(root / "inbox")}
    log = root / f"{name}.log"
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen([str(Path(sys.executable).with_name("diplomacy")), "refresh", "--articles", str(articles),
                                 "--warehouse", str(root / "w.duckdb")], env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)
    wall = time.perf_counter() - started
    output = log.read_text(encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"refresh of {articles} failed ({proc.returncode}):\n{output[-2000:]}")
    return {"wall_s": round(wall, 1), "stages_s": stage_split(output, wall), "peak_rss_mb": round(peak / 2**20)}


def stage_split(progress: str, wall: float) -> dict[str, float]:
    """Seconds per stage from a refresh's progress lines, always the same columns: the Python asset
    checks and the report are summed into one, the rest of the wall time is start-up and other."""
    stages = {name: 0.0 for name in [*STAGES.values(), OTHER_STEPS]}
    for step, seconds in _STEP_DONE.findall(progress):
        column = STAGES.get(step, OTHER_STEPS)
        stages[column] = round(stages[column] + float(seconds), 1)
    stages["start-up and other"] = round(wall - sum(stages.values()), 1)
    return stages


def refresh_benchmark(sizes: list[int], workdir: Path | None = None,
                      progress: Callable[[str], None] = lambda msg: None) -> dict:
    """For each size N: a full refresh of N synthetic articles, a refresh with nothing new, one with 10 new."""
    corpus = SyntheticCorpus()
    rows = []
    with tempfile.TemporaryDirectory(prefix="diplomacy-bench-") as tmp:
        base = workdir or Path(tmp)
        for n in sizes:
            root = base / f"n{n}"
            articles = root / "articles"
            corpus.write(articles, 0, n)
            row: dict = {"articles": n}
            for label in ("full", "no_change", "plus_10"):
                if label == "plus_10":
                    corpus.write(articles, n, n + 10)
                progress(f"{n} articles: {label.replace('_', ' ')} refresh…")
                row[label] = timed_refresh(articles, root, label)
            rows.append(row)
    return {"refresh": rows, "checks": acceptance(rows)}


def acceptance(rows: list[dict]) -> dict:
    """The issue's targets, computed from the measurements (smallest and largest size)."""
    small, large = rows[0], rows[-1]
    per_article = lambda r: 1000 * r["full"]["wall_s"] / r["articles"]  # noqa: E731
    out = {f"full_{r['articles']}_ms_per_article": round(per_article(r), 1) for r in rows}
    if len(rows) > 1:
        out["extra_ms_per_article_largest_vs_smallest"] = round(per_article(large) - per_article(small), 1)
    out["no_change_share_of_full"] = round(large["no_change"]["wall_s"] / large["full"]["wall_s"], 3)
    out["plus_10_share_of_full"] = round(large["plus_10"]["wall_s"] / large["full"]["wall_s"], 3)
    return out
