"""The analyst's report: `diplomacy report` writes one self-contained page, and a real browser renders
the warehouse's numbers and the Arabic evidence from it."""
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import duckdb
import lxml.html
import pytest

from conftest import cli
from pipelines.report import data, html

INSTALL_HINT = "install Debian's chromium to run it: apt-get install -y chromium fonts-noto-core"


def test_report_is_self_contained_and_written_by_the_refresh(seeds_warehouse, tmp_path):
    proc = cli("report", "--out", str(tmp_path / "out"), "--warehouse", str(seeds_warehouse))
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "index.html" in proc.stdout
    assert not re.search(r"<script|<link|<img|@import|url\(", page, re.I)  # nothing fetched at view time
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    # the refresh job's `analyst_report` asset already wrote the same page beside the warehouse
    assert (seeds_warehouse.parent / "report" / "index.html").read_text(encoding="utf-8") == page


def test_report_missing_warehouse_is_a_clear_error(tmp_path):
    proc = cli("report", "--warehouse", str(tmp_path / "none.duckdb"), check=False)
    assert proc.returncode == 2 and "no warehouse" in proc.stderr


def _chromium() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip(f"no chromium on this machine; {INSTALL_HINT}")
    return browser


def _headless(browser: str, tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'chromium-profile'}", *args],
                          capture_output=True, text=True, timeout=180, check=True)


def test_browser_renders_the_warehouse_counts_and_arabic_evidence(seeds_warehouse, tmp_path):
    browser = _chromium()
    cli("report", "--out", str(tmp_path), "--warehouse", str(seeds_warehouse))
    url = (tmp_path / "index.html").as_uri()
    dom = lxml.html.fromstring(_headless(browser, tmp_path, "--dump-dom", url).stdout)
    with duckdb.connect(str(seeds_warehouse), read_only=True) as conn:
        per_country = dict(conn.execute("select iso3, count(*) from bridge_meeting_country group by 1").fetchall())
        agreements = dict(conn.execute("select iso3, count(*) from bridge_agreement_party group by 1").fetchall())
        totals = {k: conn.execute(f"select count(*) from {t}").fetchone()[0]
                  for k, t in (("meetings", "fct_meetings"), ("agreements", "fct_agreements"),
                               ("articles", "dim_article"))}
        sector_events = dict(conn.execute("select sector, sum(meetings + agreements) from mart_sector_year "
                                          "group by 1").fetchall())
        pairs = {(a, b): m + g for a, b, m, g in conn.execute(
            "select country_a, country_b, meetings, agreements from mart_country_pair").fetchall()}
        evidence = sorted(r[0] for r in conn.execute(
            "select evidence from bridge_meeting_source union all select evidence from bridge_agreement_source"
        ).fetchall())
    assert per_country and evidence  # seeds have meetings and agreements

    timeline = {g.get("data-country"): int(g.get("data-meetings"))
                for g in dom.xpath("//svg[contains(@class, 'timeline')]//g[@class='timeline-row']")}
    assert timeline == per_country
    dots = dom.xpath("//svg[contains(@class, 'timeline')]//circle[@class='meeting']")
    assert len(dots) == sum(int(g.get("data-dated")) for g in dom.xpath("//g[@class='timeline-row']")) > 0

    partners = {tr.get("data-country"): (int(tr.xpath("td[@data-col='meetings']")[0].text_content()),
                                         int(tr.xpath("td[@data-col='agreements']")[0].text_content()))
                for tr in dom.xpath("//table[@id='partners']/tbody/tr")}
    assert partners == {c: (per_country.get(c, 0), agreements.get(c, 0)) for c in set(per_country) | set(agreements)}
    for kind, n in totals.items():
        assert dom.xpath(f"//div[@data-total='{kind}']/b")[0].text_content() == str(n)
    assert len(dom.xpath("//table[@id='meeting-facts']/tbody/tr")) == totals["meetings"]
    assert len(dom.xpath("//table[@id='agreement-facts']/tbody/tr")) == totals["agreements"]

    assert {tr.get("data-sector"): sum(int(td.get("data-value")) for td in tr.xpath("td"))
            for tr in dom.xpath("//table[@id='sector-years']/tbody/tr")} == sector_events
    matrix = dom.xpath("//table[@id='country-pairs']")[0]
    columns = [th.text_content() for th in matrix.xpath("thead/tr/th")][1:]
    for a, b in pairs:  # both halves of the symmetric matrix
        for row, col in ((a, b), (b, a)):
            cell = matrix.xpath(f"tbody/tr[@data-country='{row}']/td")[columns.index(col)]
            assert int(cell.get("data-value")) == pairs[a, b]

    shown = dom.xpath("//p[contains(@class, 'evidence')]")
    assert all(p.get("dir") == "rtl" and p.get("lang") == "ar" for p in shown)
    assert sorted(p.text_content() for p in shown) == evidence
    for link in dom.xpath("//a[@class='article-link']"):  # every evidence links to its article's section
        assert dom.xpath(f"//section[@id='{link.get('href')[1:]}']")
    sections = dom.xpath("//section[@class='article']")
    assert len(sections) == totals["articles"]
    for section in sections:  # which names the article's source file
        href = section.xpath(".//a[@class='source-file']")[0].get("href")
        assert href.startswith("file:///") and Path(unquote(href[len("file://"):])).is_file()

    top, full = tmp_path / "report.png", tmp_path / "report-full.png"
    _headless(browser, tmp_path, f"--screenshot={top}", "--window-size=1400,2000", url)
    _headless(browser, tmp_path, f"--screenshot={full}", "--window-size=1400,7000", url)
    for shot in (top, full):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_a_big_warehouse_lists_its_newest_facts_and_says_so(seeds_warehouse, monkeypatch):
    """Lists of facts (and their articles) are capped so the page stays readable at 10⁵ articles."""
    monkeypatch.setattr(data, "LISTED_FACTS", 2)
    monkeypatch.setattr(data, "CHART_COUNTRIES", 3)
    report = data.load(data.connect_read_only(seeds_warehouse))
    dom = lxml.html.fromstring(html.render(report))
    meetings = dom.xpath("//table[@id='meeting-facts']/tbody/tr")
    assert len(meetings) == 2 < report.totals["meetings"]
    assert "2 of" in dom.xpath("//p[@data-listed='meetings']")[0].text_content()
    with duckdb.connect(str(seeds_warehouse), read_only=True) as conn:
        newest = [r[0] for r in conn.execute("select meeting_id from fct_meetings "
                                             "order by meeting_date_start desc nulls last, meeting_id limit 2").fetchall()]
    assert [tr.get("data-fact") for tr in meetings] == newest
    sources = {article_id for f in report.facts for article_id, _ in f.sources}
    assert {s.get("id") for s in dom.xpath("//section[@class='article']")} == {f"article-{a}" for a in sources}
    assert len(dom.xpath("//g[@class='timeline-row']")) == 3
