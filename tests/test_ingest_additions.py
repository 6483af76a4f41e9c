"""Ingest reads only the files added since the last ingest, and lands exactly what a full re-read
would; anything else than additions (a file removed or changed, new reader code) reads everything."""
import json
import os
import shutil

import duckdb
import pytest

from conftest import ROOT, refresh
from pipelines.incremental import ingest
from pipelines.refresh_state import READER, input_listing, record
from pipelines.sources import content_hash, read_folders
from pipelines.synthetic import SyntheticCorpus
from pipelines.warehouse import known_sources, land_batch

SEED = ROOT / "seeds" / "001_079d5c1b2b9b6042.txt"
# short sentences of our own
TEXTS = {
    "talks": "التقى وزير الخارجية العراقي نظيره الأردني في عمان يوم 3 مارس 2024 وبحثا التعاون في مجال النقل.",
    "visit": "زار وزير الخارجية الجزائري تونس يوم 15 يونيو 2019 وبحث مع نظيره العلاقات الثنائية.",
    "twin_1": "وقعت الكويت وعمان مذكرة تفاهم للتعاون في مجال التعليم يوم 9 مايو 2022.",
    "twin_2": "أجرى وزير الخارجية الإماراتي اتصالا هاتفيا مع نظيره الكازاخستاني يوم 2 فبراير 2021.",
    "twin_3": "استقبل رئيس وزراء قطر وزير خارجية تركمانستان في الدوحة يوم 7 يناير 2023.",
    "twin_4": "عقدت اللجنة المشتركة بين مصر والسودان اجتماعها في القاهرة يوم 11 أبريل 2020.",
    "bad_bytes": "بحث وزيرا خارجية المغرب وموريتانيا في الرباط يوم 20 أكتوبر 2024 سبل تعزيز التعاون التجاري.",
    "inbox": "اجتمع وزيرا خارجية لبنان وسوريا في دمشق لبحث ملف الحدود المشتركة.",
}
COLUMNS = {  # every column but the landing times
    "articles": "article_id, content_hash, source_path, url, title, published_date, text, encoding, size_bytes, source_id",
    "duplicates": "path, duplicate_of",
    "quarantine": "path, reason, detected_encoding, size_bytes",
    "ingest_notes": "path, article_id, note",
}


def jsonl(*items):
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def write_old(articles, inbox):
    """The first ingest's files: a seed, a text file with a sidecar, JSON items two of which share a source id,
    a blank file, a broken symlink."""
    articles.mkdir()
    inbox.mkdir()
    shutil.copy(SEED, articles / "m_seed.txt")
    (articles / "m_talks.txt").write_text(TEXTS["talks"], encoding="utf-8")
    (articles / "m_talks.meta.json").write_text(json.dumps({"published_date": "2024-03-04"}), encoding="utf-8")
    (articles / "m_items.json").write_text(json.dumps([{"id": "twin", "text": TEXTS["twin_1"]},
                                                      {"id": "twin", "text": TEXTS["twin_2"]},
                                                      {"id": "solo", "text": TEXTS["visit"]}],
                                                     ensure_ascii=False), encoding="utf-8")
    (articles / "m_blank.txt").write_text("   \n", encoding="utf-8")
    (articles / "m_link.txt").symlink_to(articles / "m_target.txt")  # broken until its target is written


def write_new(articles, inbox):
    """Added files: duplicates of old texts (one sorting before its source), an empty file, JSON Lines
    with a bad line, ids shared with old articles, invalid bytes, a sidecar, a hidden file, an inbox file."""
    shutil.copy(SEED, articles / "a_seed_copy.txt")  # sorts before the old source, which stays canonical
    (articles / "z_talks_copy.txt").write_text(TEXTS["talks"], encoding="utf-8")
    (articles / "n_empty.txt").write_bytes(b"")
    (articles / "a_first.jsonl").write_text(jsonl({"id": "twin", "text": TEXTS["twin_3"]}), encoding="utf-8")
    (articles / "z_more.jsonl").write_text(jsonl({"id": "twin", "text": TEXTS["twin_4"]}), encoding="utf-8")
    (articles / "n_lines.jsonl").write_text(jsonl({"id": "solo", "text": TEXTS["visit"] + " وأكدا التنسيق."})
                                            + "{not json\n" + jsonl({"id": "m_talks.txt", "url": "https://example.org/x"}),
                                            encoding="utf-8")
    encoded = TEXTS["bad_bytes"].encode("utf-8")
    (articles / "n_bad_bytes.txt").write_bytes(encoded[:30] + b"\xff" + encoded[30:])
    (articles / "n_bad_bytes.meta.json").write_text(json.dumps({"title": "عنوان"}), encoding="utf-8")
    (articles / ".hidden.txt").write_text(TEXTS["inbox"], encoding="utf-8")
    (inbox / "feed_1.txt").write_text(TEXTS["inbox"], encoding="utf-8")


def run_ingest(path, folders):
    """Ingest the folders into the warehouse file; what ingest said."""
    said = []
    with duckdb.connect(str(path)) as conn:
        ingest(conn, folders, said.append)
    return said


def full_reread(path, folders):
    """Today's full re-read of the folders into the warehouse (the known sources stay canonical)."""
    with duckdb.connect(str(path)) as conn:
        land_batch(conn, read_folders(folders, known_sources(conn)), input_listing(folders))


def raw_rows(path):
    with duckdb.connect(str(path), read_only=True) as conn:
        return {table: sorted(conn.execute(f"select {columns} from raw.{table}").fetchall(), key=repr)
                for table, columns in COLUMNS.items()}


def kept(path):
    """Physical row id and landing time of every article row: a row deleted and inserted again changes."""
    with duckdb.connect(str(path), read_only=True) as conn:
        return set(conn.execute("select article_id, rowid, ingested_at from raw.articles").fetchall())


@pytest.fixture
def grown(tmp_path):
    """Old files ingested in full, then new files added and ingested; and the same folders read in full."""
    articles, inbox = tmp_path / "articles", tmp_path / "inbox"
    folders = [articles, inbox]
    write_old(articles, inbox)
    warehouse = tmp_path / "w.duckdb"
    first = run_ingest(warehouse, folders)
    before = kept(warehouse)
    shutil.copyfile(warehouse, tmp_path / "before.duckdb")
    write_new(articles, inbox)
    said = run_ingest(warehouse, folders)
    reread = tmp_path / "reread.duckdb"
    shutil.copyfile(tmp_path / "before.duckdb", reread)
    full_reread(reread, folders)
    return {"folders": folders, "warehouse": warehouse, "first": first, "said": said, "before": before,
            "reread": reread, "tmp": tmp_path}


def test_added_files_alone_are_read_and_land_what_a_full_reread_lands(grown):
    assert grown["first"] == ["full re-read: no per-file listing from an earlier ingest"]
    assert grown["said"] == ["read 8 new files; 5 unchanged files not re-read"]  # the hidden file is not an input
    assert raw_rows(grown["warehouse"]) == raw_rows(grown["reread"])
    assert grown["before"] <= kept(grown["warehouse"])  # every earlier article row left where it was


def test_outcomes_of_the_added_files(grown):
    rows = raw_rows(grown["warehouse"])
    articles, inbox = grown["folders"]
    base = lambda path: path.removeprefix(f"{articles}/").removeprefix(f"{inbox}/")  # noqa: E731
    seed_id = content_hash(SEED.read_text(encoding="utf-8"))[:16]
    duplicates = {base(p): of for p, of in rows["duplicates"]}
    assert duplicates == {"a_seed_copy.txt": seed_id, "z_talks_copy.txt": content_hash(TEXTS["talks"])[:16]}
    assert [base(r[2]) for r in rows["articles"] if r[0] == seed_id] == ["m_seed.txt"]  # the known source stays
    reasons = {base(p): r for p, r, *_ in rows["quarantine"]}
    assert reasons["n_empty.txt"] == "empty file" and reasons["m_blank.txt"] == "whitespace only"
    assert reasons["m_link.txt"] == "broken symlink (its target does not exist)"
    assert reasons["n_lines.jsonl#2"].startswith("invalid JSON on line 2")
    assert reasons["n_lines.jsonl#3 (https://example.org/x)"] == "JSON item without text"
    twins = sorted(base(n_path) for n_path, _, note in rows["ingest_notes"] if note.startswith("source id 'twin'"))
    assert twins == ["a_first.jsonl#1", "m_items.json#1", "m_items.json#2", "z_more.jsonl#1"]
    (first_note,) = [n for p, _, n in rows["ingest_notes"] if p.endswith("m_items.json#1")]
    assert [base(p) for p in first_note.split("used by ")[1].split(";")[0].split(", ")] == [
        "a_first.jsonl#1", "m_items.json#2", "z_more.jsonl#1"]  # in reading order, old and new together
    assert any("source id 'solo'" in n for p, _, n in rows["ingest_notes"] if p.endswith("n_lines.jsonl#1"))
    assert any("invalid UTF-8" in n for p, _, n in rows["ingest_notes"] if p.endswith("n_bad_bytes.txt"))
    titles = {r[9]: r[4] for r in rows["articles"]}
    assert titles["n_bad_bytes.txt"] == "عنوان" and "feed_1.txt" in titles and ".hidden.txt" not in titles


def test_additions_match_one_full_ingest_of_every_file(tmp_path):
    """A growing corpus (new names sort after the old ones): ingesting in steps equals one full ingest."""
    corpus, articles, inbox = SyntheticCorpus(), tmp_path / "articles", tmp_path / "inbox"
    corpus.write(articles, 0, 30)
    run_ingest(tmp_path / "steps.duckdb", [articles, inbox])
    corpus.write(articles, 30, 40)
    shutil.copy(articles / "syn_0000003.txt", articles / "syn_0000003_copy.txt")  # a late duplicate of an old text
    assert run_ingest(tmp_path / "steps.duckdb", [articles, inbox]) == [
        "read 11 new files; 30 unchanged files not re-read"]
    run_ingest(tmp_path / "once.duckdb", [articles, inbox])
    assert raw_rows(tmp_path / "steps.duckdb") == raw_rows(tmp_path / "once.duckdb")
    assert len(raw_rows(tmp_path / "once.duckdb")["duplicates"]) == 1


def _change(articles, inbox, warehouse, how):
    if how == "removed":
        (articles / "m_talks.txt").unlink()
    elif how == "modified":
        (articles / "m_items.json").write_text(json.dumps([{"id": "twin", "text": TEXTS["twin_3"]}],
                                                          ensure_ascii=False), encoding="utf-8")
        os.utime(articles / "m_items.json", ns=(1, 1))
    elif how == "sidecar":
        (articles / "m_seed.meta.json").write_text(json.dumps({"published_date": "2020-01-02"}), encoding="utf-8")
    elif how == "link_target":
        (articles / "m_target.txt").write_text(TEXTS["inbox"] + " وبحثا التعاون.", encoding="utf-8")
    elif how == "reader":
        with duckdb.connect(str(warehouse)) as conn:
            record(conn, READER, "an earlier reader")
    elif how == "listed_yet_landed":  # a file the last read saw, though it was not listed then
        with duckdb.connect(str(warehouse)) as conn:
            conn.execute("delete from raw.input_files where name = 'm_talks.txt'")


@pytest.mark.parametrize("how, reason", [
    ("removed", "m_talks.txt was removed"),
    ("modified", "m_items.json changed (size, time or mode)"),
    ("sidecar", "m_seed.meta.json added to a file read before"),
    ("link_target", "m_link.txt changed (size, time or mode)"),
    ("reader", "the reader's code changed"),
    ("listed_yet_landed", "a file listed as new is already in the warehouse"),
])
def test_anything_but_additions_reads_every_file_again(grown, how, reason):
    articles, inbox = grown["folders"]
    warehouse = grown["warehouse"]
    _change(articles, inbox, warehouse, how)
    (inbox / "feed_2.txt").write_text(TEXTS["inbox"] + " مجددا", encoding="utf-8")  # an addition as well
    reread = grown["tmp"] / "reread_again.duckdb"
    shutil.copyfile(warehouse, reread)
    said = run_ingest(warehouse, grown["folders"])
    assert len(said) == 1 and said[0].startswith("full re-read: ") and said[0].endswith(reason)
    full_reread(reread, grown["folders"])
    assert raw_rows(warehouse) == raw_rows(reread)
    assert run_ingest(warehouse, grown["folders"])[0].endswith("nothing re-read")


def test_refresh_reads_only_the_added_file(tmp_path):
    """The refresh job: ingest reads the one new file, and its facts land."""
    articles, home = (tmp_path / "articles").resolve(), (tmp_path / "home").resolve()
    articles.mkdir()
    shutil.copy(SEED, articles / "seed.txt")
    warehouse = tmp_path / "w.duckdb"
    assert run_ingest(warehouse, [articles, home / "inbox"])[0].startswith("full re-read")
    (articles / "talks.txt").write_text(TEXTS["talks"], encoding="utf-8")
    done = refresh(articles, warehouse, home)
    assert "read 1 new file; 1 unchanged file not re-read" in done.stderr
    assert "new 2, unchanged 0, re-extracted 0" in done.stderr  # nothing was extracted before
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        assert conn.execute("select count(*) from dim_article").fetchone() == (2,)
        assert conn.execute("select countries from fct_meetings f join bridge_meeting_source s using (meeting_id) "
                            "where s.article_id = ?", [content_hash(TEXTS["talks"])[:16]]).fetchall() == [(["IRQ", "JOR"],)]
