"""Reading folders: every bad input is quarantined with a reason; good files in the batch still land."""
import json
import os
import shutil

import pytest

from conftest import ROOT
from pipelines.extract import extract_article
from pipelines.sources import read_folders

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
    ingested = {a.article_id for a in batch.articles}
    assert {"copy.txt", "https://example.org/a2"} <= ingested  # the first of two equal texts is the article
    assert [(os.path.basename(d.path), d.duplicate_of) for d in batch.duplicates if "good" in d.path] == [("good.txt", "copy.txt")]
    # once the warehouse knows the text under one id, that id stays
    known = {a.content_hash: "good.txt" for a in batch.articles if a.article_id == "copy.txt"}
    again = read_folders([batch_folder], known)
    assert "good.txt" in {a.article_id for a in again.articles} and "copy.txt" not in {a.article_id for a in again.articles}
    json_item = next(a for a in batch.articles if a.article_id == "https://example.org/a2")
    assert json_item.published_date == "2024-05-01"


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
