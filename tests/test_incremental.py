"""Refreshes do only what changed: unchanged inputs are not re-read, unchanged articles keep their
fact rows, and a refresh with nothing new leaves the published warehouse as it is."""
import json
import shutil

import duckdb

from conftest import ROOT, cli, refresh
from pipelines.synthetic import REPEAT_EVERY, SyntheticCorpus
from pipelines.sources import content_hash

NEW_ARTICLE = """الإمارات وتركمانستان تبحثان التعاون في مجال النقل

عقد وزير الخارجية الإماراتي جلسة مباحثات مع نظيره التركمانستاني في أبوظبي يوم 3 مارس 2024، تناولت التعاون في مجال النقل والموانئ.
"""


def facts_rows(path):
    """Meeting rows with their physical row id: a row deleted and inserted again gets a new one."""
    with duckdb.connect(str(path), read_only=True) as conn:
        return conn.execute("select meeting_id, rowid, extracted_at from raw.meetings order by 1").fetchall()


def test_refresh_with_nothing_new_reads_nothing_and_keeps_the_published_warehouse(seeds_warehouse, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, warehouse)
    shutil.copytree(seeds_warehouse.parent / "report", tmp_path / "report")
    before = warehouse.stat().st_ino, facts_rows(warehouse)
    seeds_inbox = seeds_warehouse.parent / "dagster_home" / "inbox"  # the folders the seeds build read
    done = cli("refresh", "--articles", str(ROOT / "seeds"), "--warehouse", str(warehouse),
               env={"DAGSTER_HOME": str(tmp_path / "home"), "DIPLOMACY_INBOX": str(seeds_inbox)})
    assert "nothing to do" in done.stderr and "dagster instance" not in done.stderr  # answered without a run
    assert (warehouse.stat().st_ino, facts_rows(warehouse)) == before  # the same file, untouched


def test_an_article_left_unextracted_is_extracted_by_the_next_refresh(seeds_warehouse, tmp_path):
    """Same inputs, but one article has no extraction (as after an extraction that failed): not up to date."""
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, warehouse)
    shutil.copytree(seeds_warehouse.parent / "report", tmp_path / "report")
    with duckdb.connect(str(warehouse)) as conn:
        conn.execute("delete from raw.extractions where article_id = (select min(article_id) from raw.extractions)")
    seeds_inbox = seeds_warehouse.parent / "dagster_home" / "inbox"
    done = cli("refresh", "--articles", str(ROOT / "seeds"), "--warehouse", str(warehouse),
               env={"DAGSTER_HOME": str(tmp_path / "home"), "DIPLOMACY_INBOX": str(seeds_inbox)})
    assert "nothing to do" not in done.stderr and "new 1, unchanged 4, re-extracted 0" in done.stderr


def test_a_new_article_lands_its_facts_and_leaves_the_others_rows_alone(seeds_warehouse, tmp_path):
    warehouse = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_warehouse, warehouse)
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles)
    (articles / "new_talks.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    before = facts_rows(warehouse)
    done = refresh(articles, warehouse, tmp_path / "home")
    assert "new 1, unchanged 5, re-extracted 0" in done.stderr
    after = facts_rows(warehouse)
    assert set(before) < set(after)  # every earlier row left where it was, plus the new article's
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        (new_id,) = conn.execute("select article_id from raw.articles where source_id = 'new_talks.txt'").fetchone()
        assert {row[0] for row in after} - {row[0] for row in before} == {f"{new_id}#m0"}
        assert conn.execute("select countries from fct_meetings f join bridge_meeting_source s using (meeting_id) "
                            "where s.article_id = ?", [new_id]).fetchall() == [(["ARE", "TKM"],)]


def test_synthetic_corpus_is_deterministic_distinct_and_grows_by_appending(tmp_path):
    corpus, again = SyntheticCorpus(), SyntheticCorpus()
    texts = [corpus.article(i)[0] for i in range(3 * REPEAT_EVERY)]
    assert texts == [again.article(i)[0] for i in range(3 * REPEAT_EVERY)]
    assert len({content_hash(t) for t in texts}) == len(texts)
    repeated = [t for i, t in enumerate(texts) if i % REPEAT_EVERY == 0]
    assert all(corpus.repeated_event in t for t in repeated)  # the dedup worst case: one event, many reports
    corpus.write(tmp_path, 0, 5)
    corpus.write(tmp_path, 5, 7)
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == [f"syn_{i:07d}.txt" for i in range(7)]
    assert (tmp_path / "syn_0000002.txt").read_text(encoding="utf-8") == texts[2]
    assert json.loads((tmp_path / "syn_0000000.meta.json").read_text())["published_date"] == "2024-05-14"


def test_bench_json_reports_the_single_process_rate():
    report = json.loads(cli("bench", "--json", "--repeat", "1", str(ROOT / "seeds")).stdout)
    extraction = report["extraction"]
    assert extraction["articles"] == 5 and extraction["articles_per_s"] > 0
    assert extraction["all_cores"]["processes"] >= 1 and extraction["all_cores"]["articles_per_s"] > 0


def test_bench_stage_split_has_fixed_columns_whatever_steps_ran():
    from pipelines.bench import stage_split

    progress = ("  ✔ ingest_articles (0.5s)\n  ✔ extract_facts (2.0s)\n  ✔ warehouse_models (10.0s)\n"
                "  ✔ fct_meetings_country_codes_in_dim_country (0.1s)\n  ✔ published_warehouse (0.2s)\n"
                "  ✔ analyst_report (0.3s)\n")
    assert stage_split(progress, 20.0) == {"ingest": 0.5, "extract": 2.0, "dbt": 10.0, "publish": 0.2,
                                           "checks and report": 0.4, "start-up and other": 6.9}
    assert list(stage_split("  ✔ ingest_articles (0.5s)\n", 3.0)) == list(stage_split(progress, 20.0))
