"""Ingest that reads only what changed. Nothing is read when the input folders are listed as at the
last ingest. When they only gained entries (every entry listed then is still there with the same
size, time and mode; the reader's code and the folders are the same), only the new files are read
and their outcome is appended exactly as a full re-read would land it: a text the warehouse already
holds becomes a duplicate of it (the known source stays canonical); a new text is an article whose
source is the first new file holding it; the notes on a source id shared by several texts are
rewritten for the ids the new articles use. Anything else (a file removed or changed, a sidecar
added to a file read before) is a full re-read.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from .refresh_state import FOLDERS, INPUTS, READER, input_listing, inputs_fingerprint, reader_fingerprint, record
from .refresh_state import recorded
from .sources import (SIDECAR_SUFFIX, Article, Batch, Duplicate, Note, choose_sources, every_input, read_inputs,
                      shared_source_id_notes)
from .warehouse import RAW_SCHEMA, TEXTS_TABLE, known_sources, land_additions, land_batch


class FullReRead(Exception):
    """Only reading every file again lands the right rows; the message says why."""


@dataclass(frozen=True)
class Additions:
    files: list[tuple[Path, Path]]  # (folder, path) of each added input, in reading order
    listed: list[tuple]  # the added entries' listing rows (inputs, sidecars, hidden files)
    unchanged: int  # inputs listed before, not read again


def ingest(conn: duckdb.DuckDBPyConnection, folders: list[Path], log: Callable[[str], None]) -> tuple[Batch, int]:
    """Land what changed in the folders since the last ingest; say what was done through `log`.
    Returns what was read (empty when nothing was) and how many files."""
    listing = input_listing(folders)
    fingerprint = inputs_fingerprint(folders, listing)
    if recorded(conn, INPUTS) == fingerprint:
        log("input folders unchanged since the last refresh (names, sizes, times): nothing re-read")
        return Batch(), 0
    try:
        additions = plan(conn, folders, listing)
        batch, stale_notes = read_additions(conn, additions, folders, listing)
    except FullReRead as why:
        log(f"full re-read: {why}")
        batch = read_everything(conn, folders, listing)
        files_read = sum(1 for _, name, *_ in listing if is_input(name))
    else:
        land_additions(conn, batch, stale_notes, additions.listed)
        log(f"read {_files(len(additions.files), 'new')}; {_files(additions.unchanged, 'unchanged')} not re-read")
        files_read = len(additions.files)
    record(conn, READER, reader_fingerprint())
    record(conn, FOLDERS, folders_state(folders))
    record(conn, INPUTS, fingerprint)
    return batch, files_read


READ_AT_A_TIME = 2000  # files read before their texts are set aside in DuckDB


def read_everything(conn: duckdb.DuckDBPyConnection, folders: list[Path], listing: list[tuple]) -> Batch:
    """Read and land every input again, as `read_folders` would, READ_AT_A_TIME files at a time: the texts
    are set aside in a temporary table as they are read, so the corpus is never held in memory."""
    inputs = every_input(folders)
    conn.execute(f"create or replace temp table {TEXTS_TABLE} (position bigint, text varchar)")
    found, quarantined = [], []
    for start in range(0, len(inputs), READ_AT_A_TIME):
        articles, refused = read_inputs(inputs[start:start + READ_AT_A_TIME])
        if articles:
            conn.execute(f"insert into {TEXTS_TABLE} select unnest(?), unnest(?)",
                         [list(range(len(found), len(found) + len(articles))), [a.text for a in articles]])
        found += [replace(a, text="") for a in articles]
        quarantined += refused
    position = {id(article): n for n, article in enumerate(found)}
    batch = choose_sources(found, quarantined, known_sources(conn))
    land_batch(conn, batch, listing, set_aside=[position[id(a)] for a in batch.articles])
    conn.execute(f"drop table {TEXTS_TABLE}")
    return batch


def _files(n: int, kind: str) -> str:
    return f"{n} {kind} file{'' if n == 1 else 's'}"


def is_input(name: str) -> bool:
    """Whether a folder entry is read as an input (as `sources.input_files` decides)."""
    return not name.startswith(".") and not name.endswith(SIDECAR_SUFFIX)


def folders_state(folders: list[Path]) -> str:
    """The input folders, as recorded under FOLDERS."""
    return json.dumps([str(f) for f in folders])


def plan(conn: duckdb.DuckDBPyConnection, folders: list[Path], listing: list[tuple]) -> Additions:
    """The files added since the last ingest, or FullReRead when anything else changed."""
    reader = recorded(conn, READER)
    if reader is None:
        raise FullReRead("no per-file listing from an earlier ingest")
    if reader != reader_fingerprint():
        raise FullReRead("the reader's code changed")
    if recorded(conn, FOLDERS) != folders_state(folders) or len(set(folders)) != len(folders):
        raise FullReRead("the input folders are not the ones read last time")
    before = {(row[0], row[1]): row for row in conn.execute(f"select * from {RAW_SCHEMA}.input_files").fetchall()}
    now = {(row[0], row[1]): row for row in listing}
    for key, row in before.items():
        if key not in now:
            raise FullReRead(f"{Path(*key)} was removed")
        if now[key] != row:
            raise FullReRead(f"{Path(*key)} changed (size, time or mode)")
    listed = [row for key, row in now.items() if key not in before]
    stems = {(folder, Path(name).stem) for folder, name in before if is_input(name)}
    for folder, name, *_ in listed:
        if name.endswith(SIDECAR_SUFFIX) and (folder, name[:-len(SIDECAR_SUFFIX)]) in stems:
            raise FullReRead(f"sidecar {Path(folder, name)} added to a file read before")
    return Additions([(Path(folder), Path(folder) / name) for folder, name, *_ in listed if is_input(name)], listed,
                     sum(1 for _, name in before if is_input(name)))


def read_additions(conn: duckdb.DuckDBPyConnection, additions: Additions, folders: list[Path],
                   listing: list[tuple]) -> tuple[Batch, list[Note]]:
    """The added files' batch (to append) and the notes it makes stale (to delete first)."""
    paths = [str(path) for _, path in additions.files]
    seen = conn.execute(f"""
        select count(*) from (select source_path as path from {RAW_SCHEMA}.articles
                              union all select path from {RAW_SCHEMA}.duplicates
                              union all select path from {RAW_SCHEMA}.quarantine) as landed
        join (select unnest(?::varchar[]) as file) as added
          on landed.path = added.file or starts_with(landed.path, added.file || '#')""", [paths]).fetchone()[0]
    if seen:
        raise FullReRead("a file listed as new is already in the warehouse")
    found, quarantined = read_inputs(additions.files)
    known = {row[0] for row in conn.execute(f"select article_id from {RAW_SCHEMA}.articles "
                                            "where article_id in (select unnest(?::varchar[]))",
                                            [[a.article_id for a in found]]).fetchall()}
    batch = Batch(quarantined=quarantined)
    for item in found:
        if item.article_id in known:
            batch.duplicates.append(Duplicate(item.source_path, item.article_id))
        else:
            known.add(item.article_id)
            batch.articles.append(item)
        batch.notes.extend(Note(item.source_path, item.article_id, note) for note in item.notes)
    old = [Article(*row) for row in conn.execute(
        f"select source_id, source_path, text, content_hash, encoding, size_bytes, url, title, "
        f"cast(published_date as varchar) from {RAW_SCHEMA}.articles where source_id in (select unnest(?::varchar[]))",
        [sorted({a.source_id for a in batch.articles})]).fetchall()]
    order = _reading_order(folders, listing)
    stale = shared_source_id_notes(sorted(old, key=order))
    batch.notes.extend(shared_source_id_notes(sorted(old + batch.articles, key=order)))
    return batch, stale


def _reading_order(folders: list[Path], listing: list[tuple]):
    """Sort key of an article's source path: the order in which a full read meets it."""
    index = {str(f): i for i, f in enumerate(folders)}
    files = {str(Path(folder) / name): (index[folder], name) for folder, name, *_ in listing if is_input(name)}

    def key(article: Article) -> tuple[int, str, int]:
        path = article.source_path
        if path in files:
            return (*files[path], 0)
        file, _, item = path.rpartition("#")
        if file in files and item.isdigit():
            return (*files[file], int(item))
        raise FullReRead(f"{path} is not among the listed files")
    return key
