"""The feed fetcher against a local HTTP server on 127.0.0.1."""
import http.server
import threading

import pytest

from conftest import ROOT
from pipelines.feeds import FetchError, fetch, fetch_feed
from pipelines.sources import read_folders

ARTICLE = (ROOT / "seeds" / "001_079d5c1b2b9b6042.txt").read_text(encoding="utf-8")
PAGE = ("<html><head><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav><article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n") if p.strip()) + "</article></body></html>")


def feed_xml(base: str) -> str:
    items = "".join(f"<item><title>{n}</title><link>{base}/{n}</link><pubDate>Tue, 03 Dec 2024 10:00:00 GMT</pubDate></item>"
                    for n in ("article", "loop", "huge", "missing", "empty"))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {"/feed.xml": (200, feed_xml(base).encode(), "application/rss+xml"),
                  "/article": (200, PAGE.encode("utf-8"), "text/html; charset=utf-8"),
                  "/huge": (200, b"x" * (5 * 1024 * 1024 + 10), "text/plain"),
                  "/empty": (200, b"<html><body><nav>menu</nav></body></html>", "text/html")}
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, body, kind = routes.get(self.path, (404, b"not found", "text/plain"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_fetch_limits(server):
    assert fetch(server + "/article")[0].startswith(b"<html>")
    for path, message in (("/loop", "redirect"), ("/huge", "over 5 MB"), ("/missing", "HTTP 404")):
        with pytest.raises(FetchError, match=message):
            fetch(server + path)
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd")


def test_feed_items_land_in_the_inbox_and_failures_are_quarantined_with_reasons(server, tmp_path):
    result = fetch_feed(server + "/feed.xml", tmp_path)
    assert len(result.written) == 5 and result.failed >= 3
    batch = read_folders([tmp_path])
    (article,) = batch.articles
    assert article.source_id == server + "/article" and article.published_date == "2024-12-03"
    assert "المشاورات السياسية" in article.text
    reasons = sorted(q.reason for q in batch.quarantined)
    assert any("redirect" in r for r in reasons) and any("over 5 MB" in r for r in reasons)
    assert any("HTTP 404" in r for r in reasons)
    assert {"HTML with no article body", "not Arabic text"} & set(reasons)  # the page with nothing but a menu
    assert len(batch.quarantined) == 4


def test_refresh_with_a_feed_lands_its_articles_and_quarantines_failed_items(server, tmp_path):
    import duckdb

    from conftest import cli

    empty = tmp_path / "articles"
    empty.mkdir()
    cli("refresh", "--articles", str(empty), "--warehouse", str(tmp_path / "w.duckdb"), "--feed", server + "/feed.xml",
        env={"DAGSTER_HOME": str(tmp_path / "home"), "DIPLOMACY_INBOX": str(tmp_path / "inbox")})
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as conn:
        articles = conn.execute("select source_id, published_date::varchar from dim_article").fetchall()
        meetings = conn.execute("select meeting_type, countries from fct_meetings").fetchall()
        quarantined = conn.execute("select count(*) from staging.stg_quarantine").fetchone()[0]
    assert articles == [(server + "/article", "2024-12-03")]
    assert meetings == [("consultations", ["IRQ", "TKM"])]
    assert quarantined == 4
