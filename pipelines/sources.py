"""Reading articles from a folder: text, HTML, JSON / JSON Lines and sidecar metadata.

Every file ends up either as an article, as a duplicate of one, or in quarantine
with a reason — bad input never raises and never vanishes.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .extract.normalise import norm
from .settings import MAX_ARTICLE_BYTES

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SIDECAR_SUFFIX = ".meta.json"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Article:
    article_id: str
    source_path: str
    text: str
    content_hash: str
    encoding: str
    size_bytes: int
    url: str | None = None
    title: str | None = None
    published_date: str | None = None


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


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


class Rejected(Exception):
    """A file that cannot become an article; the message is the quarantine reason."""

    def __init__(self, reason: str, encoding: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.encoding = encoding


def content_hash(text: str) -> str:
    """Identity of an article: the hash of its normalised text."""
    return hashlib.sha256(norm(text).encode("utf-8")).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding): BOMs first, then strict UTF-8, then charset-normalizer's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(_BINARY_MAGIC):
        raise Rejected("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise Rejected("binary file (not text)")
    best = from_bytes(data, cp_isolation=["cp1256", "iso8859_6", "utf_16", "cp1252", "cp1251", "koi8_r"]).best()
    if best is None:
        raise Rejected("undecodable bytes: no text encoding fits")
    text = str(best)
    if "\x00" in text or sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * max(1, len(text)):
        raise Rejected("binary file (not text)", best.encoding)
    return text, best.encoding


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


def _published(value) -> str | None:
    if isinstance(value, str) and _DATE.match(value.strip()):
        return value.strip()[:10]
    return None


def _sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _json_items(text: str, suffix: str) -> list[object]:
    if suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise Rejected(f"invalid JSON: {exc.msg} (line {exc.lineno})") from None
        return data if isinstance(data, list) else [data]
    items = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                items.append(Rejected(f"invalid JSON on line {n}: {exc.msg}"))
    return items


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def read_file(path: Path, folder: Path) -> list[Article | Quarantined]:
    """One input file → its articles, or quarantine entries explaining why not."""
    size = None
    try:
        if path.is_symlink() and not _inside(path, folder):
            raise Rejected("symlink pointing outside the articles folder (refused)")
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise Rejected(f"file over {MAX_ARTICLE_BYTES // (1024 * 1024)} MB ({size} bytes)")
        if size == 0:
            raise Rejected("empty file")
        try:
            data = path.read_bytes()
        except PermissionError:
            raise Rejected("unreadable: permission denied") from None
        text, encoding = decode(data)
        suffix = path.suffix.lower()
        meta = _sidecar(path)
        if suffix in HTML_SUFFIXES:
            _check_text(text, encoding)
            body, title = _html_text(text)
            return [_article(path, body, encoding, size, meta, title=title)]
        if suffix in JSON_SUFFIXES:
            return _json_articles(path, text, encoding, size)
        return [_article(path, _check_text(text, encoding), encoding, size, meta)]
    except Rejected as r:
        return [Quarantined(str(path), r.reason, r.encoding, size)]
    except OSError as exc:
        return [Quarantined(str(path), f"unreadable: {exc.strerror or exc}", None, size)]


def _article(path: Path, text: str, encoding: str, size: int, meta: dict, title: str | None = None,
             article_id: str | None = None) -> Article:
    _check_text(text, encoding)
    return Article(article_id or path.name, str(path), text, content_hash(text), encoding, size,
                   url=meta.get("url"), title=meta.get("title") or title,
                   published_date=_published(meta.get("published_date")))


def _json_articles(path: Path, text: str, encoding: str, size: int) -> list[Article | Quarantined]:
    out: list[Article | Quarantined] = []
    for n, item in enumerate(_json_items(text, path.suffix.lower()), 1):
        where = f"{path}#{n}"
        if isinstance(item, Rejected):
            out.append(Quarantined(where, item.reason, encoding, size))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            reason = item.get("error") if isinstance(item, dict) and item.get("error") else "JSON item without text"
            out.append(Quarantined(where + (f" ({item['url']})" if isinstance(item, dict) and item.get("url") else ""),
                                   reason, encoding, size))
            continue
        item_id = str(item.get("id") or item.get("url") or f"{path.name}#{n}")
        try:
            out.append(_article(path, item["text"], encoding, size, item, article_id=item_id))
        except Rejected as r:
            out.append(Quarantined(where, r.reason, encoding, size))
    return out


def input_files(folder: Path) -> list[Path]:
    """Candidate input files in a folder (sorted; sidecars and hidden files are not inputs)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if not p.name.startswith(".") and not p.name.endswith(SIDECAR_SUFFIX) and (p.is_file() or p.is_symlink()))


def read_folders(folders: list[Path], known_ids: dict[str, str] | None = None) -> Batch:
    """Read every input file of the folders. Files repeating one text are one article: the id the
    warehouse already knows for that text (`known_ids`: content hash → article id), else the first file."""
    batch = Batch()
    found: list[Article] = []
    for folder in folders:
        for path in input_files(folder):
            if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES:
                batch.quarantined.append(Quarantined(str(path), f"unsupported file type '{path.suffix or 'none'}'", None,
                                                     path.stat().st_size if path.exists() else None))
                continue
            for item in read_file(path, folder):
                if isinstance(item, Quarantined):
                    batch.quarantined.append(item)
                else:
                    found.append(item)
    known_ids = known_ids or {}
    canonical: dict[str, Article] = {}
    for item in found:
        current = canonical.get(item.content_hash)
        if current is None or (item.article_id == known_ids.get(item.content_hash) != current.article_id):
            canonical[item.content_hash] = item
    for item in found:
        keep = canonical[item.content_hash]
        if item is keep:
            batch.articles.append(item)
        else:
            batch.duplicates.append(Duplicate(item.source_path, keep.article_id))
    return batch
