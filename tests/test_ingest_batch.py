"""One refresh over a batch of hostile inputs: every bad file is quarantined (or kept with a note), every
good file lands, and a renamed file keeps its article and fact ids."""
import json
import os
import re
import shutil

import duckdb
import pytest

from conftest import ROOT, cli, refresh
from pipelines.sources import content_hash

SEED_001 = ROOT / "seeds" / "001_079d5c1b2b9b6042.txt"
SEED_002 = ROOT / "seeds" / "002_c35bca3886ffa18b.txt"
# short sentences of our own, one per input that must land
SENTENCES = {
    "clash": "التقى وزير الخارجية العراقي نظيره الأردني في عمان يوم 3 مارس 2024 وبحثا التعاون في مجال النقل.",
    "json_clash": "استقبل رئيس وزراء قطر وزير خارجية تركمانستان في الدوحة يوم 7 يناير 2023.",
    "same_id_1": "وقعت الكويت وعمان مذكرة تفاهم للتعاون في مجال التعليم يوم 9 مايو 2022.",
    "same_id_2": "أجرى وزير الخارجية الإماراتي اتصالا هاتفيا مع نظيره الكازاخستاني يوم 2 فبراير 2021.",
    "float_id": "عقدت اللجنة المشتركة بين مصر والسودان اجتماعها في القاهرة يوم 11 أبريل 2020.",
    "string_id": "زار وزير الخارجية الجزائري تونس يوم 15 يونيو 2019 وبحث مع نظيره العلاقات الثنائية.",
    "bad_bytes": "بحث وزيرا خارجية المغرب وموريتانيا في الرباط يوم 20 أكتوبر 2024 سبل تعزيز التعاون التجاري.",
}
BAD_DATE_TEXT = "اجتمع وزيرا خارجية لبنان وسوريا في دمشق لبحث ملف الحدود المشتركة."


def _item(key, **extra):
    return {**extra, "text": SENTENCES[key]}


def build_batch(folder):
    """Good files and every kind of bad one, side by side."""
    folder.mkdir()
    shutil.copy(SEED_001, folder / "seed_one.txt")
    shutil.copy(SEED_002, folder / "seed_two.txt")
    (folder / "clash.txt").write_text(SENTENCES["clash"], encoding="utf-8")
    items = [_item("json_clash", id="clash.txt"), _item("same_id_1", id="twin"), _item("same_id_2", id="twin"),
             _item("float_id", id=1.0), _item("string_id", id="1.0"),
             {"id": "bad-date", "published_date": "2020-02-30", "text": BAD_DATE_TEXT}]
    (folder / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (folder / "dated.txt").write_text(BAD_DATE_TEXT + " وأكدا أهمية التنسيق.", encoding="utf-8")
    (folder / "dated.meta.json").write_text(json.dumps({"published_date": "2020-02-30"}), encoding="utf-8")
    (folder / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "dir.txt").mkdir()
    (folder / "[bold]loud.bin").write_bytes(b"x")
    encoded = SENTENCES["bad_bytes"].encode("utf-8")
    (folder / "bad_bytes.txt").write_bytes(encoded[:30] + b"\xff\xfe" + encoded[30:] + b"\xc3")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Refresh the batch; keep a copy; rename a seed file; refresh again."""
    tmp = tmp_path_factory.mktemp("hostile_batch")
    articles = tmp / "articles"
    build_batch(articles)
    warehouse = tmp / "w.duckdb"
    refresh(articles, warehouse, tmp / "home")
    first = tmp / "first.duckdb"
    shutil.copyfile(warehouse, first)
    (articles / "seed_one.txt").rename(articles / "renamed_one.txt")
    second = refresh(articles, warehouse, tmp / "home")
    return first, warehouse, second


def rows(path, sql):
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute(sql).fetchall()


def test_bad_files_are_quarantined_with_their_reason(runs):
    first, _, _ = runs
    reasons = {os.path.basename(p): r for p, r in rows(first, "select path, reason from raw.quarantine")}
    assert reasons["items.json#6"] == "impossible published_date '2020-02-30'"
    assert reasons["dated.txt"] == "impossible published_date '2020-02-30' in sidecar dated.meta.json"
    assert reasons["deep.json"] == "invalid JSON: JSON nested too deeply"
    assert reasons["a.txt"] == reasons["b.txt"] == reasons["self.txt"] == "symlink loop (the link never reaches a file)"
    assert reasons["fifo.txt"] == "not a regular file (FIFO); not read"
    assert reasons["dir.txt"] == "a folder, not a file (subfolders are not read)"
    assert reasons["[bold]loud.bin"] == "unsupported file type '.bin'"
    assert len(reasons) == 9


def test_good_files_land_and_id_clashes_keep_both_articles(runs):
    first, _, _ = runs
    landed = [r[0] for r in rows(first, "select source_id from raw.articles order by 1")]
    assert landed == sorted(["seed_one.txt", "seed_two.txt", "clash.txt", "clash.txt", "twin", "twin", "1.0", "1.0",
                             "bad_bytes.txt"])  # two seeds, every clashing input under its own id, the repaired file
    ids = rows(first, "select article_id from raw.articles order by 1")
    for key in ("clash", "json_clash", "same_id_1", "same_id_2", "float_id", "string_id"):
        assert (content_hash(SENTENCES[key])[:16],) in ids, key
    assert rows(first, "select count(*) from dim_article") == [(9,)]
    notes = rows(first, "select path, note from raw.ingest_notes order by path, note")
    shared = [(os.path.basename(p), n) for p, n in notes if "source id" in n]
    assert sorted(p for p, _ in shared) == ["clash.txt", "items.json#1", "items.json#2", "items.json#3",
                                            "items.json#4", "items.json#5"]
    assert all(n.endswith("kept as separate articles (ids follow the text)") for _, n in shared)


def test_invalid_bytes_are_replaced_and_noted(runs):
    first, _, _ = runs
    (text,) = rows(first, "select text from raw.articles where source_id = 'bad_bytes.txt'")[0]
    assert text.replace("\ufffd", "") == SENTENCES["bad_bytes"]
    notes = rows(first, "select note from raw.ingest_notes where path like '%bad_bytes.txt'")
    assert notes == [("3 invalid UTF-8 byte sequence(s) replaced with U+FFFD",)]
    for env in ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1", "COLUMNS": "250"}):
        out = re.sub(r"\x1b\[[0-9;]*m", "", cli("quarantine", "--warehouse", str(first), env=env).stdout)
        assert "9 quarantined" in out and "symlink loop" in out and "[bold]loud.bin" in out  # file names as data
        assert "7 kept with a note" in out
        assert "invalid UTF-8 byte sequence(s) replaced" in out


def test_a_renamed_file_keeps_its_article_and_fact_ids(runs):
    first, second, proc = runs
    facts = ("select meeting_id from raw.meetings union all select agreement_id from raw.agreements "
             "union all select meeting_id from fct_meetings union all select agreement_id from fct_agreements order by 1")
    assert rows(first, facts) == rows(second, facts) and rows(first, facts)
    seed_id = content_hash(SEED_001.read_text(encoding="utf-8"))[:16]
    assert rows(first, f"select source_id from raw.articles where article_id = '{seed_id}'") == [("seed_one.txt",)]
    assert rows(second, f"select source_id from raw.articles where article_id = '{seed_id}'") == [("renamed_one.txt",)]
    assert "new 0, unchanged 9, re-extracted 0" in proc.stderr  # the renamed text is not extracted again
