"""The feed fetcher — the only code that uses the network at run time.

`fetch_feed` reads an RSS/Atom feed, fetches each item's page over HTTP (timeouts,
few redirects, size cap) and drops one JSON item per entry into the inbox, where the
next refresh ingests it like any other file. A failed fetch becomes an item without
text that carries its error, so it is quarantined with that reason.
"""
from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import feedparser

from .settings import MAX_ARTICLE_BYTES

TIMEOUT_SECONDS = 15
MAX_REDIRECTS = 3
USER_AGENT = "diplomacy-warehouse/1.0 (+feed fetcher)"


class FetchError(Exception):
    pass


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1


_OPENER = urllib.request.build_opener(_LimitedRedirects())


def fetch(url: str, limit: int = MAX_ARTICLE_BYTES) -> tuple[bytes, str]:
    """GET a URL: (body, final URL). Raises FetchError on HTTP errors, loops, time-outs or oversize bodies."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(limit + 1)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} for {url}" + (" (too many redirects)" if exc.code in (301, 302, 303, 307, 308) else "")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise FetchError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from None
    if len(body) > limit:
        raise FetchError(f"response over {limit // (1024 * 1024)} MB: {url}")
    return body, final


@dataclass
class FeedResult:
    written: list[Path]
    failed: int


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def _page_text(body: bytes) -> str | None:
    from .sources import Rejected, _html_text, decode

    try:
        html, _ = decode(body)
        return _html_text(html)[0]
    except Rejected:
        return None


def fetch_feed(url: str, inbox: Path) -> FeedResult:
    """Fetch every entry of a feed into `inbox` as JSON items (one file per entry, named by URL hash)."""
    body, _ = fetch(url)
    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        raise FetchError(f"not a readable RSS/Atom feed: {url} ({feed.bozo_exception})")
    inbox.mkdir(parents=True, exist_ok=True)
    written, failed = [], 0
    for entry in feed.entries:
        link = entry.get("link") or entry.get("id")
        if not link:
            continue
        item = {"url": link, "title": entry.get("title"), "published_date": _published(entry), "text": None}
        try:
            page, final = fetch(link)
            item["url"] = final
            item["text"] = _page_text(page)
            if not item["text"]:
                item["error"] = "HTML with no article body"
        except FetchError as exc:
            item["error"] = f"fetch failed: {exc}"
        if not item["text"]:
            content = " ".join(c.get("value", "") for c in entry.get("content", [])) or entry.get("summary", "")
            if len(content) > 200:
                item["text"], item["error"] = _page_text(content.encode("utf-8")) or content, None
        failed += not item["text"]
        path = inbox / f"feed-{hashlib.sha256(link.encode()).hexdigest()[:16]}.json"
        path.write_text(json.dumps({k: v for k, v in item.items() if v is not None}, ensure_ascii=False), encoding="utf-8")
        written.append(path)
    return FeedResult(written, failed)
