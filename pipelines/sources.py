"""Reading articles from a folder: text, HTML, JSON / JSON Lines and sidecar metadata.

Every entry of a folder ends up as an article, as a duplicate of one, or in quarantine with a
reason — bad input never raises and never vanishes. An article's id is the hash of its normalised
text, so renaming or re-sending a file never changes it; what the source calls it (file name, JSON
`id` or URL) is kept as `source_id`. Repairs made while reading (invalid bytes replaced, a source
id shared by two texts) are kept as notes.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from .extract.normalise import norm
from .settings import MAX_ARTICLE_BYTES

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 64 * 1024
ARTICLE_ID_LENGTH = 16  # hex digits of the content hash
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Article:
    source_id: str
    source_path: str
    text: str
    content_hash: str
    encoding: str
    size_bytes: int
    url: str | None = None
    title: str | None = None
    published_date: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def article_id(self) -> str:
        """The article's identity: a prefix of its content hash (the same text always gets the same id)."""
        return self.content_hash[:ARTICLE_ID_LENGTH]


@dataclass(frozen=True)
class Quarantined:
    path: str
    reason: str
    detected_encoding: str | None
    size_bytes: int | None


@dataclass(frozen=True)
class Duplicate:
    path: str
    duplicate_of: str


@dataclass(frozen=True)
class Note:
    path: str
    article_id: str
    note: str


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class Rejected(Exception):
    """A file that cannot become an article; the message is the quarantine reason."""

    def __init__(self, reason: str, encoding: str | None = None, size: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.encoding = encoding
        self.size = size


def content_hash(text: str) -> str:
    """Identity of an article: the hash of its normalised text."""
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """Text and count of replaced sequences when the bytes are UTF-8 with a few invalid ones, else None."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode("utf-8"))
    decoded = sum(1 for ch in text if ord(ch) > 127 and ch != _REPLACEMENT)
    if decoded >= 10 * replaced:  # other encodings' Arabic bytes are almost never valid UTF-8
        return text, replaced
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding); see decode_noted."""
    text, encoding, _ = decode_noted(data)
    return text, encoding


def decode_noted(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes → (text, encoding, notes): BOMs first, then UTF-8 (a few invalid bytes are replaced and
    noted), then charset-normalizer's best guess."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise Rejected("invalid UTF-16 (has a byte-order mark, but the bytes do not decode)") from None
    body, encoding = (data[3:], "utf-8-sig") if data.startswith(b"\xef\xbb\xbf") else (data, "utf-8")
    if body.startswith(_BINARY_MAGIC):
        raise Rejected("binary file (not text)")
    try:
        return body.decode("utf-8"), encoding, []
    except UnicodeDecodeError:
        pass
    if b"\x00" in body[:4096]:
        raise Rejected("binary file (not text)")
    mostly = _mostly_utf8(body)
    if mostly:
        text, replaced = mostly
        return text, encoding, [f"{replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"]
    best = from_bytes(body, cp_isolation=["cp1256", "iso8859_6", "utf_16", "cp1252", "cp1251", "koi8_r"]).best()
    if best is None:
        raise Rejected("undecodable bytes: no text encoding fits")
    text = str(best)
    if "\x00" in text or sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * max(1, len(text)):
        raise Rejected("binary file (not text)", best.encoding)
    return text, best.encoding, []


def _check_text(text: str, encoding: str) -> str:
    if not text.strip():
        raise Rejected("whitespace only", encoding)
    letters = _LETTER.findall(text)
    arabic = sum(1 for ch in letters if _ARABIC.match(ch))
    if not letters or arabic < 0.3 * len(letters):
        raise Rejected("not Arabic text", encoding)
    return text


def _html_text(html: str) -> tuple[str, str | None]:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        raise Rejected("HTML with no article body")
    meta = trafilatura.extract_metadata(html)
    return body, (meta.title if meta else None)


def _inside(path: Path, folder: Path) -> bool:
    """Whether a path, symlinks followed, stays in the folder (never raises, even on a symlink loop)."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root


def read_bytes(path: Path, folder: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file in `folder`, read once from one open handle (at most `limit` + 1
    bytes, so a file growing meanwhile is still bounded). Never blocks: FIFOs are refused, not read."""
    if path.is_symlink() and not _inside(path, folder):
        raise Rejected("symlink pointing outside the articles folder (refused)")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except PermissionError:
        raise Rejected("unreadable: permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Rejected("symlink loop (the link never reaches a file)") from None
        if exc.errno == errno.ENOENT and path.is_symlink():
            raise Rejected("broken symlink (its target does not exist)") from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise Rejected("a folder, not a file (subfolders are not read)")
        kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
        raise Rejected(f"not a regular file ({kind}); not read")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        over = f"{limit // 2**20} MB" if limit % 2**20 == 0 else f"{limit // 1024} KB"
        raise Rejected(f"file over {over} (more than {limit} bytes)", size=len(data))
    return data


def _published(meta: dict, where: str) -> str | None:
    """A `published_date` that starts with YYYY-MM-DD; an impossible calendar date is refused."""
    value = meta.get("published_date")
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    day = value.strip()[:10]
    try:
        date.fromisoformat(day)
    except ValueError:
        raise Rejected(f"impossible published_date '{day}'{where}") from None
    return day


def _string(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _parse_json(text: str, what: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise Rejected(f"{what}: JSON nested too deeply") from None
    except ValueError as exc:
        detail = f"{exc.msg} (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise Rejected(f"{what}: {detail}") from None


def _sidecar(path: Path, folder: Path) -> dict:
    meta_path = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not os.path.lexists(meta_path):
        return {}
    name = meta_path.name
    try:
        data = read_bytes(meta_path, folder, MAX_SIDECAR_BYTES)
    except Rejected as r:
        raise Rejected(f"sidecar {name}: {r.reason}") from None
    except OSError as exc:
        raise Rejected(f"sidecar {name} unreadable: {exc.strerror or exc}") from None
    meta = _parse_json(data.decode("utf-8", errors="replace"), f"invalid sidecar {name}")
    if not isinstance(meta, dict):
        raise Rejected(f"invalid sidecar {name}: not a JSON object")
    _published(meta, f" in sidecar {name}")
    return meta


def _json_items(text: str, suffix: str) -> list[object]:
    if suffix == ".json":
        data = _parse_json(text, "invalid JSON")
        return data if isinstance(data, list) else [data]
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(_parse_json(line, f"invalid JSON on line {n}"))
            except Rejected as r:
                items.append(r)
    return items


def read_file(path: Path, folder: Path) -> list[Article | Quarantined]:
    """One input file → its articles, or quarantine entries explaining why not. Never raises."""
    size, encoding = None, None
    try:
        data = read_bytes(path, folder)
        size = len(data)
        if size == 0:
            raise Rejected("empty file")
        text, encoding, notes = decode_noted(data)
        suffix = path.suffix.lower()
        if suffix in JSON_SUFFIXES:
            return _json_articles(path, text, encoding, size, notes)
        meta = _sidecar(path, folder)
        title = None
        if suffix in HTML_SUFFIXES:
            _check_text(text, encoding)
            text, title = _html_text(text)
        return [_article(str(path), path.name, text, encoding, size, meta, notes, title)]
    except Rejected as r:
        return [Quarantined(str(path), r.reason, r.encoding or encoding, r.size or size)]
    except OSError as exc:
        return [Quarantined(str(path), f"unreadable: {exc.strerror or exc}", encoding, size)]
    except Exception as exc:  # a reader bug must not block the batch: the file is quarantined instead
        return [Quarantined(str(path), f"could not be read: {type(exc).__name__}: {exc}", encoding, size)]


def _article(where: str, source_id: str, text: str, encoding: str, size: int, meta: dict, notes: list[str],
             title: str | None = None) -> Article:
    _check_text(text, encoding)
    return Article(source_id, where, text, content_hash(text), encoding, size, url=_string(meta.get("url")),
                   title=_string(meta.get("title")) or title, published_date=_published(meta, ""),
                   notes=tuple(notes))


def _item_id(item: dict, path: Path, n: int) -> str:
    """What the source calls a JSON item: its `id` (any JSON value, as text), else its URL, else FILE#N."""
    value = item.get("id")
    if value is not None and value != "":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _string(item.get("url")) or f"{path.name}#{n}"


def _json_articles(path: Path, text: str, encoding: str, size: int, notes: list[str]) -> list[Article | Quarantined]:
    out: list[Article | Quarantined] = []
    for n, item in enumerate(_json_items(text, path.suffix.lower()), 1):
        where = f"{path}#{n}"
        if isinstance(item, Rejected):
            out.append(Quarantined(where, item.reason, encoding, size))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            reason = _string(item.get("error")) if isinstance(item, dict) else None
            url = _string(item.get("url")) if isinstance(item, dict) else None
            out.append(Quarantined(where + (f" ({url})" if url else ""), reason or "JSON item without text",
                                   encoding, size))
            continue
        try:
            out.append(_article(where, _item_id(item, path, n), item["text"], encoding, size, item, notes))
        except Rejected as r:
            out.append(Quarantined(where, r.reason, encoding, size))
    return out


def input_files(folder: Path) -> list[Path]:
    """Every entry of a folder that should be an input (sorted; sidecars and hidden entries are not).
    Folders, FIFOs and broken links are listed too, so that reading reports them instead of skipping them."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".") and not p.name.endswith(SIDECAR_SUFFIX))


def _unsupported(path: Path) -> Quarantined:
    if path.is_dir():
        return Quarantined(str(path), "a folder, not a file (subfolders are not read)", None, None)
    try:
        size = path.stat().st_size
    except OSError:
        size = None
    return Quarantined(str(path), f"unsupported file type '{path.suffix or 'none'}'", None, size)


def read_inputs(inputs: Iterable[tuple[Path, Path]]) -> tuple[list[Article], list[Quarantined]]:
    """Each (folder, path) read in turn: the articles found and the quarantine entries, in reading order."""
    found: list[Article] = []
    quarantined: list[Quarantined] = []
    for folder, path in inputs:
        if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES:
            quarantined.append(_unsupported(path))
            continue
        for item in read_file(path, folder):
            (quarantined if isinstance(item, Quarantined) else found).append(item)
    return found, quarantined


def read_folders(folders: list[Path], known_sources: dict[str, str] | None = None) -> Batch:
    """Read every input of the folders. Inputs repeating one text are one article (same id); its source
    is the one the warehouse already knows (`known_sources`: article id → source path), else the first."""
    found, quarantined = read_inputs(every_input(folders))
    return choose_sources(found, quarantined, known_sources or {})


def every_input(folders: list[Path]) -> list[tuple[Path, Path]]:
    """(folder, path) of every input of the folders, in reading order."""
    return [(folder, path) for folder in folders for path in input_files(folder)]


def choose_sources(found: list[Article], quarantined: list[Quarantined], known_sources: dict[str, str]) -> Batch:
    """The batch of what was read (articles in reading order): one article per text, the others its duplicates."""
    batch = Batch(quarantined=quarantined)
    canonical: dict[str, Article] = {}
    for item in found:
        current = canonical.get(item.article_id)
        if current is None or (item.source_path == known_sources.get(item.article_id) != current.source_path):
            canonical[item.article_id] = item
    for item in found:
        keep = canonical[item.article_id]
        if item is keep:
            batch.articles.append(item)
        else:
            batch.duplicates.append(Duplicate(item.source_path, keep.article_id))
        batch.notes.extend(Note(item.source_path, keep.article_id, note) for note in item.notes)
    batch.notes.extend(shared_source_id_notes(batch.articles))
    return batch


def shared_source_id_notes(articles: list[Article]) -> list[Note]:
    """A source id used by several different texts (articles in reading order): each is its own article; say so."""
    by_id: dict[str, list[Article]] = {}
    for a in articles:
        by_id.setdefault(a.source_id, []).append(a)
    return [Note(a.source_path, a.article_id,
                 f"source id '{source_id}' is also used by {', '.join(o.source_path for o in same if o is not a)}; "
                 "kept as separate articles (ids follow the text)")
            for source_id, same in by_id.items() if len(same) > 1 for a in same]
