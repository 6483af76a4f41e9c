"""Reading folders: every bad input is quarantined with a reason; good files in the batch still land."""
import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from pipelines.extract import extract_article
from pipelines.sources import Rejected, content_hash, decode, decode_noted, read_bytes, read_folders

SEED = ROOT / "seeds" / "001_079d5c1b2b9b6042.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _facts(article):
    f = extract_article(article.text, "x", article.published_date)
    return ([(m["type"], m["countries"], m["date"]) for m in f["meetings"]],
            [(a["type"], a["parties"], a["status"]) for a in f["agreements"]], f["sectors"])


@pytest.fixture
def batch_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (folder / "english.txt").write_text("The ministers met in Ashgabat to discuss energy cooperation. " * 5, encoding="utf-8")
    (folder / "russian.txt").write_text("Министры встретились в Ашхабаде и обсудили сотрудничество. " * 5, encoding="utf-8")
    (folder / "nobody.html").write_text("<html><head><title>x</title></head><body><nav>الرئيسية</nav></body></html>",
                                        encoding="utf-8")
    (folder / "broken.json").write_text('{"id": "a1", "text": "نص', encoding="utf-8")
    (folder / "items.jsonl").write_text(json.dumps({"id": "no-text", "title": "عنوان"}, ensure_ascii=False) + "\n"
                                        + json.dumps({"url": "https://example.org/a2", "published_date": "2024-05-01",
                                                      "text": SEED_TEXT.replace("اليوم", "اليوم الأربعاء")},
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "huge.txt").write_bytes(("نص عربي " * 800_000).encode("utf-8"))
    locked = folder / "locked.txt"
    locked.write_text(SEED_TEXT, encoding="utf-8")
    locked.chmod(0)
    (folder / "copy.txt").write_text(SEED_TEXT, encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(SEED_TEXT + " خارج", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    yield folder
    locked.chmod(0o644)


def test_every_bad_input_is_quarantined_with_its_reason(batch_folder):
    batch = read_folders([batch_folder])
    reasons = {os.path.basename(q.path): q.reason for q in batch.quarantined}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "whitespace only"
    assert reasons["image.txt"] == "binary file (not text)"
    assert reasons["english.txt"] == reasons["russian.txt"] == "not Arabic text"
    assert reasons["nobody.html"] in ("HTML with no article body", "not Arabic text")
    assert reasons["broken.json"].startswith("invalid JSON")
    assert reasons["items.jsonl#1"] == "JSON item without text"
    assert reasons["huge.txt"].startswith("file over 5 MB")
    assert reasons["link.txt"] == "symlink pointing outside the articles folder (refused)"
    if os.geteuid() != 0:  # root reads anything
        assert reasons["locked.txt"] == "unreadable: permission denied"
    by_source = {a.source_id: a for a in batch.articles}
    assert {"copy.txt", "https://example.org/a2"} <= set(by_source)  # the first of two equal texts is the source
    seed_id = by_source["copy.txt"].article_id
    assert seed_id == content_hash(SEED_TEXT)[:16]  # the id is the text's hash, not the file name
    assert [(os.path.basename(d.path), d.duplicate_of) for d in batch.duplicates if "good" in d.path] == [("good.txt", seed_id)]
    # once the warehouse knows the text from one file, that file stays its source; the id never changes
    again = read_folders([batch_folder], {seed_id: str(batch_folder / "good.txt")})
    assert {a.source_id for a in again.articles if a.article_id == seed_id} == {"good.txt"}
    assert "copy.txt" in {os.path.basename(d.path) for d in again.duplicates if d.duplicate_of == seed_id}
    json_item = by_source["https://example.org/a2"]
    assert json_item.published_date == "2024-05-01" and json_item.source_path.endswith("items.jsonl#2")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_encodings_give_the_same_facts(tmp_path, encoding):
    text = SEED_TEXT.replace("“", '"').replace("”", '"') if encoding in ("cp1256", "iso8859_6") else SEED_TEXT
    if encoding == "iso8859_6":
        text = text.replace("ـ", "")
    (tmp_path / "a.txt").write_bytes(text.encode(encoding, errors="strict"))
    (article,) = read_folders([tmp_path]).articles
    assert article.text.replace("\r\n", "\n").strip() == text.strip()
    assert _facts(article) == _facts(read_folders([SEED.parent]).articles[1])


def test_html_version_gives_the_same_facts(tmp_path):
    paragraphs = "".join(f"<p>{p}</p>" for p in SEED_TEXT.split("\n\n") if p.strip())
    html = (f"<html><head><meta charset='windows-1256'><title>خبر</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
            f"<article>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    (tmp_path / "a.html").write_bytes(html.replace("“", '"').replace("”", '"').encode("cp1256"))
    (article,) = read_folders([tmp_path]).articles
    seed = read_folders([SEED.parent]).articles[1]
    assert _facts(article) == _facts(seed)


def test_sidecar_metadata_flows_into_the_facts(tmp_path):
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "a.meta.json").write_text(json.dumps({"url": "https://mfa.example/a", "title": "t",
                                                      "published_date": "2024-11-05"}), encoding="utf-8")
    (article,) = read_folders([tmp_path]).articles
    assert (article.url, article.published_date) == ("https://mfa.example/a", "2024-11-05")
    facts = extract_article(article.text, article.article_id, article.published_date)
    assert facts["published_date"] == "2024-11-05"
    assert facts["meetings"][0]["date"] == "2024-11-05"  # "اليوم" anchored on the published date


def test_a_fifo_is_reported_without_being_opened_for_a_blocking_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    shutil.copy(SEED, tmp_path / "good.txt")
    result = []
    reader = threading.Thread(target=lambda: result.append(read_folders([tmp_path])), daemon=True)
    reader.start()
    reader.join(60)  # a blocking open() of the FIFO would hang here forever
    assert result, "reading the folder blocked on the FIFO"
    (batch,) = result
    assert [(os.path.basename(q.path), q.reason) for q in batch.quarantined] == [("pipe.txt", "not a regular file (FIFO); not read")]
    assert [a.source_id for a in batch.articles] == ["good.txt"]


def test_size_is_checked_on_what_was_read_not_on_stat(tmp_path):
    status = Path("/proc/self/status")  # stat says 0 bytes; reading gives the text
    assert status.stat().st_size == 0
    assert b"Name:" in read_bytes(status, status.parent)
    (tmp_path / "big.txt").write_bytes(b"x" * 2048)
    with pytest.raises(Rejected, match=r"^file over 1 KB \(more than 1024 bytes\)$"):
        read_bytes(tmp_path / "big.txt", tmp_path, limit=1024)
    assert read_bytes(tmp_path / "big.txt", tmp_path, limit=2048) == b"x" * 2048


def test_a_few_invalid_utf8_bytes_are_replaced_and_noted():
    data = SEED_TEXT.encode("utf-8")
    text, encoding, notes = decode_noted(data[:500] + b"\xff" + data[500:] + b"\xe2\x80")
    assert encoding == "utf-8" and notes == ["2 invalid UTF-8 byte sequence(s) replaced with U+FFFD"]
    assert text.replace("\ufffd", "") == SEED_TEXT
    # an Arabic code page is not mistaken for damaged UTF-8
    cp1256 = SEED_TEXT.replace("“", '"').replace("”", '"').encode("cp1256")
    assert decode_noted(cp1256)[1:] == ("cp1256", []) and decode(cp1256)[1] == "cp1256"
    with_bom = b"\xef\xbb\xbf" + data + b"\xff"
    assert decode_noted(with_bom)[1:] == ("utf-8-sig", ["1 invalid UTF-8 byte sequence(s) replaced with U+FFFD"])


def test_json_and_sidecar_faults_are_reasons_not_crashes(tmp_path):
    (tmp_path / "deep.jsonl").write_text(json.dumps({"id": "ok", "text": SEED_TEXT}, ensure_ascii=False) + "\n"
                                         + "[" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "ids.json").write_text(json.dumps([{"id": 0, "text": SEED_TEXT + " أ"}, {"id": {"k": 1}, "text": SEED_TEXT + " ب"},
                                                   {"id": None, "url": ["not", "a", "string"], "title": {"x": 1},
                                                    "text": SEED_TEXT + " ت"}], ensure_ascii=False), encoding="utf-8")
    for name, sidecar in (("bad_json", "{"), ("not_object", "[1]"), ("deep", "[" * 50_000), ("bad_day", '{"published_date": "2023-13-01"}')):
        shutil.copy(SEED, tmp_path / f"{name}.txt")
        (tmp_path / f"{name}.meta.json").write_text(sidecar, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "loop.txt")
    (tmp_path / "loop.meta.json").symlink_to(tmp_path / "loop.meta.json")
    batch = read_folders([tmp_path])
    reasons = {os.path.basename(q.path): q.reason for q in batch.quarantined}
    assert reasons == {
        "deep.jsonl#2": "invalid JSON on line 2: JSON nested too deeply",
        "bad_json.txt": "invalid sidecar bad_json.meta.json: Expecting property name enclosed in double quotes (line 1)",
        "not_object.txt": "invalid sidecar not_object.meta.json: not a JSON object",
        "deep.txt": "invalid sidecar deep.meta.json: JSON nested too deeply",
        "bad_day.txt": "impossible published_date '2023-13-01' in sidecar bad_day.meta.json",
        "loop.txt": "sidecar loop.meta.json: symlink loop (the link never reaches a file)"}
    by_path = {os.path.basename(a.source_path): a for a in batch.articles}
    assert by_path["deep.jsonl#1"].source_id == "ok"
    assert [by_path[f"ids.json#{n}"].source_id for n in (1, 2, 3)] == ["0", '{"k": 1}', "ids.json#3"]
    assert (by_path["ids.json#3"].url, by_path["ids.json#3"].title) == (None, None)  # non-text metadata is dropped


def test_article_ids_follow_the_text_not_the_name(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    shutil.copy(SEED, tmp_path / "one" / "first_name.txt")
    (tmp_path / "two" / "items.jsonl").write_text(json.dumps({"id": "x", "text": SEED_TEXT}, ensure_ascii=False),
                                                  encoding="utf-8")
    (first,) = read_folders([tmp_path / "one"]).articles
    (second,) = read_folders([tmp_path / "two"]).articles
    assert first.article_id == second.article_id == content_hash(SEED_TEXT)[:16]
    assert (first.source_id, second.source_id) == ("first_name.txt", "x")
