"""The raw layer of the warehouse: tables the pipeline lands and dbt reads as sources.

Every fact row keeps its provenance: article id, evidence sentence, character
offsets into the article's text, extractor version and extraction time.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone

import duckdb

from .sources import Batch, Note

RAW_SCHEMA = "raw"

DDL = f"""
create schema if not exists {RAW_SCHEMA};
create table if not exists {RAW_SCHEMA}.articles (
    article_id varchar primary key,
    content_hash varchar not null,
    source_path varchar not null,
    url varchar,
    title varchar,
    published_date date,
    text varchar not null,
    encoding varchar,
    size_bytes bigint,
    ingested_at timestamp not null,
    source_id varchar
);
alter table {RAW_SCHEMA}.articles add column if not exists source_id varchar;
create table if not exists {RAW_SCHEMA}.ingest_notes (
    path varchar not null,
    article_id varchar not null,
    note varchar not null,
    noted_at timestamp not null
);
create table if not exists {RAW_SCHEMA}.quarantine (
    path varchar not null,
    reason varchar not null,
    detected_encoding varchar,
    size_bytes bigint,
    quarantined_at timestamp not null
);
create table if not exists {RAW_SCHEMA}.duplicates (
    path varchar not null,
    duplicate_of varchar not null,
    seen_at timestamp not null
);
create table if not exists {RAW_SCHEMA}.input_files (
    folder varchar not null,
    name varchar not null,
    size_bytes bigint not null,
    mtime_ns bigint not null,
    mode integer not null,
    target_size_bytes bigint,
    target_mtime_ns bigint,
    target_mode integer
);
create table if not exists {RAW_SCHEMA}.extractions (
    article_id varchar primary key,
    content_hash varchar not null,
    extractor_version varchar not null,
    published_date date,
    extracted_at timestamp not null,
    facts_json varchar not null
);
create table if not exists {RAW_SCHEMA}.meetings (
    meeting_id varchar primary key,
    article_id varchar not null,
    meeting_index integer not null,
    meeting_type varchar not null,
    status varchar not null,
    meeting_date varchar,
    countries varchar[] not null,
    organizations varchar[] not null,
    location_city varchar,
    location_country varchar,
    round integer,
    evidence varchar not null,
    evidence_start integer,
    evidence_end integer,
    extractor_version varchar not null,
    extracted_at timestamp not null
);
create table if not exists {RAW_SCHEMA}.meeting_participants (
    meeting_id varchar not null,
    article_id varchar not null,
    participant_index integer not null,
    name_ar varchar,
    role varchar not null,
    country varchar
);
create table if not exists {RAW_SCHEMA}.agreements (
    agreement_id varchar primary key,
    article_id varchar not null,
    agreement_index integer not null,
    agreement_type varchar not null,
    status varchar not null,
    agreement_date varchar,
    parties varchar[] not null,
    sectors varchar[] not null,
    title_ar varchar,
    evidence varchar not null,
    evidence_start integer,
    evidence_end integer,
    extractor_version varchar not null,
    extracted_at timestamp not null
);
create table if not exists {RAW_SCHEMA}.article_sectors (
    article_id varchar not null,
    sector varchar not null,
    extractor_version varchar not null
);
"""

FACT_TABLES = ("meetings", "meeting_participants", "agreements", "article_sectors")


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection):
    """Commit on success, roll back on any error: readers never see half a landing."""
    conn.execute("begin")
    try:
        yield conn
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")


INSERT_ROWS = 5000  # rows per insert statement: bounds the memory of one statement's parameters


def _insert(conn: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Append rows (tuples in the table's column order): each column is passed as one list and unnested,
    ~25× faster than `executemany`, which binds and runs one insert per row."""
    for start in range(0, len(rows), INSERT_ROWS):
        columns = [list(column) for column in zip(*rows[start:start + INSERT_ROWS])]
        unnested = ", ".join(f"unnest(${i})" for i in range(1, len(columns) + 1))
        conn.execute(f"insert into {RAW_SCHEMA}.{table} select {unnested}", columns)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(DDL)


TEXTS_TABLE = "read_texts"  # a temporary table (position, text): texts read, set aside until landed
_ARTICLE_COLUMNS = ("article_id", "content_hash", "source_path", "url", "title", "published_date", "text",
                    "encoding", "size_bytes", "ingested_at", "source_id")


def land_batch(conn: duckdb.DuckDBPyConnection, batch: Batch, listing: list[tuple],
               set_aside: list[int] | None = None) -> None:
    """Replace the raw article, quarantine, duplicate and note tables with this batch's contents, and
    the input listing (`raw.input_files`) with the one the batch was read from. With `set_aside`, the
    articles' texts wait in TEXTS_TABLE (the text of `batch.articles[i]` at position `set_aside[i]`)
    and go from table to table, never through Python again."""
    ensure_schema(conn)
    with transaction(conn):
        for table in ("articles", "quarantine", "duplicates", "ingest_notes", "input_files"):
            conn.execute(f"delete from {RAW_SCHEMA}.{table}")
        if set_aside is None:
            _append_batch(conn, batch, listing)
            return
        at = now()
        rows = [(a.article_id, a.content_hash, a.source_path, a.url, a.title, a.published_date, position,
                 a.encoding, a.size_bytes, at, a.source_id) for a, position in zip(batch.articles, set_aside)]
        columns = ", ".join("t.text" if c == "text" else f"r.{c}" for c in _ARTICLE_COLUMNS)
        unnested = ", ".join(f"unnest(${i}) as {'position' if c == 'text' else c}"
                             for i, c in enumerate(_ARTICLE_COLUMNS, 1))
        for start in range(0, len(rows), INSERT_ROWS):
            conn.execute(f"insert into {RAW_SCHEMA}.articles select {columns} from (select {unnested}) as r "
                         f"join {TEXTS_TABLE} as t using (position) order by r.position",
                         [list(column) for column in zip(*rows[start:start + INSERT_ROWS])])
        _append_batch(conn, Batch(quarantined=batch.quarantined, duplicates=batch.duplicates, notes=batch.notes), listing)


def land_additions(conn: duckdb.DuckDBPyConnection, batch: Batch, stale_notes: list[Note], listed: list[tuple]) -> None:
    """Append a batch read from added files and their listing rows; `stale_notes` (notes the batch
    rewrites) go first. Rows already landed stay as they are."""
    ensure_schema(conn)
    with transaction(conn):
        if stale_notes:
            conn.execute(f"""delete from {RAW_SCHEMA}.ingest_notes as n using (select unnest(?::varchar[]) as path,
                             unnest(?::varchar[]) as article_id, unnest(?::varchar[]) as note) as stale
                             where n.path = stale.path and n.article_id = stale.article_id and n.note = stale.note""",
                         [list(column) for column in zip(*((s.path, s.article_id, s.note) for s in stale_notes))])
        _append_batch(conn, batch, listed)


def _append_batch(conn: duckdb.DuckDBPyConnection, batch: Batch, listing: list[tuple]) -> None:
    at = now()
    _insert(conn, "articles", [(a.article_id, a.content_hash, a.source_path, a.url, a.title, a.published_date,
                                a.text, a.encoding, a.size_bytes, at, a.source_id) for a in batch.articles])
    _insert(conn, "quarantine", [(q.path, q.reason, q.detected_encoding, q.size_bytes, at) for q in batch.quarantined])
    _insert(conn, "duplicates", [(d.path, d.duplicate_of, at) for d in batch.duplicates])
    _insert(conn, "ingest_notes", [(n.path, n.article_id, n.note, at) for n in batch.notes])
    _insert(conn, "input_files", listing)


def land_facts(conn: duckdb.DuckDBPyConnection, extractions: list[tuple[str, str, dict]]) -> None:
    """Store extractions ((article_id, content_hash, facts)) and replace those articles' fact rows;
    facts of articles no longer ingested go. Other articles' rows are left as they are."""
    ensure_schema(conn)
    at = now()
    with transaction(conn):
        _update_facts(conn, extractions, at)


def _update_facts(conn: duckdb.DuckDBPyConnection, extractions: list[tuple[str, str, dict]], at: datetime) -> None:
    conn.execute(f"delete from {RAW_SCHEMA}.extractions where article_id not in (select article_id from {RAW_SCHEMA}.articles)")
    changed = [article_id for article_id, _, _ in extractions]
    if changed:
        conn.execute(f"delete from {RAW_SCHEMA}.extractions where article_id in (select unnest(?::varchar[]))", [changed])
    for table in FACT_TABLES:
        conn.execute(f"delete from {RAW_SCHEMA}.{table} "
                     f"where article_id not in (select article_id from {RAW_SCHEMA}.extractions)")
    _insert(conn, "extractions", [(article_id, digest, facts["extractor_version"], facts.get("published_date"), at,
                                   json.dumps(facts, ensure_ascii=False)) for article_id, digest, facts in extractions])
    meetings, participants, agreements, sectors = [], [], [], []
    for _, _, facts in extractions:
        article_id, version = facts["article"], facts["extractor_version"]
        for i, m in enumerate(facts["meetings"]):
            meeting_id = f"{article_id}#m{i}"
            meetings.append((meeting_id, article_id, i, m["type"], m["status"], m["date"], m["countries"],
                             m["organizations"], m["location_city"], m["location_country"], m["round"], m["evidence"],
                             m.get("evidence_start"), m.get("evidence_end"), version, at))
            participants.extend((meeting_id, article_id, j, p["name_ar"], p["role"], p["country"])
                                for j, p in enumerate(m["participants"]))
        for i, a in enumerate(facts["agreements"]):
            agreements.append((f"{article_id}#a{i}", article_id, i, a["type"], a["status"], a["date"], a["parties"],
                               a["sectors"], a["title_ar"], a["evidence"], a.get("evidence_start"),
                               a.get("evidence_end"), version, at))
        sectors.extend((article_id, s, version) for s in facts["sectors"])
    for table, data in (("meetings", meetings), ("meeting_participants", participants), ("agreements", agreements),
                        ("article_sectors", sectors)):
        _insert(conn, table, data)


def quarantine_failures(conn: duckdb.DuckDBPyConnection, failures: list[tuple[str, str]]) -> None:
    """Record articles the extractor could not read (article id, reason) in the quarantine table."""
    at = now()
    with transaction(conn):
        _insert(conn, "quarantine", [(f"{RAW_SCHEMA}.articles/{article_id}", reason, None, None, at)
                                     for article_id, reason in failures])


def known_sources(conn: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """article id → source path of the articles already in the warehouse (which copy is the source stays stable)."""
    ensure_schema(conn)
    return dict(conn.execute(f"select article_id, source_path from {RAW_SCHEMA}.articles").fetchall())


def previous_extractions(conn: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """article_id → (content_hash, extractor_version) of what is already extracted."""
    ensure_schema(conn)
    return {r[0]: (r[1], r[2]) for r in
            conn.execute(f"select article_id, content_hash, extractor_version from {RAW_SCHEMA}.extractions").fetchall()}
