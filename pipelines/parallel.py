"""Extraction of many articles on every core. Workers only extract; the caller keeps the one
DuckDB connection that writes (DuckDB has a single writer)."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .extract import extract_article

# Below this many articles a worker pool costs more than it saves (each worker loads the lexicons).
MIN_PARALLEL_BATCH = 200

Job = tuple[str, str, str, str | None]  # article id, content hash, text, published date
Outcome = tuple[str, str, dict | None, str | None]  # article id, content hash, facts or None, error or None


def extract_one(job: Job) -> Outcome:
    """One article's facts; an exception becomes the error text instead of stopping the batch."""
    article_id, digest, text, published = job
    try:
        return article_id, digest, extract_article(text, article_id, published), None
    except Exception as exc:  # one bad article must not stop the run: the caller quarantines it
        return article_id, digest, None, repr(exc)


def worker_count() -> int:
    """Cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_many(jobs: Iterable[Job], count: int, processes: int | None = None) -> Iterator[Outcome]:
    """Outcomes in the order of `jobs`: in this process for small batches or one core, else on a pool."""
    processes = processes or worker_count()
    if processes < 2 or count < MIN_PARALLEL_BATCH:
        yield from map(extract_one, jobs)
        return
    with worker_pool(processes) as pool:
        pending = deque()  # a bounded window of submitted articles: the corpus is streamed, never held
        for job in jobs:
            pending.append(pool.submit(extract_one, job))
            if len(pending) >= 16 * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def worker_pool(processes: int, initializer=None) -> ProcessPoolExecutor:
    """A pool of extraction workers. Spawned: they start clean instead of inheriting Dagster's threads
    and open DuckDB handles. A worker that dies raises BrokenProcessPool in the caller (never a hang)."""
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"), initializer=initializer)
