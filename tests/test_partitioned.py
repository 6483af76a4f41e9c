"""Extraction as partitions (source × month) under the multiprocess executor gives the same facts
as extracting the same articles in one process."""
import json
import shutil

import dagster as dg

from conftest import ROOT
from pipelines.defs.partitioned import SOURCES, partition_path, partitioned_extraction_job
from pipelines.extract import extract_article
from pipelines.sources import read_folders

DATES = {"wire": ["2024-05-02", "2024-05-20", "2024-06-11"], "agency": ["2024-05-07", "2024-06-30"]}


def test_partitions_under_the_multiprocess_executor_give_the_in_process_facts(tmp_path):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for source, dates in DATES.items():
        (tmp_path / "sources" / source).mkdir(parents=True)
        for seed, published in zip(seeds if source == "wire" else seeds[3:], dates):
            shutil.copy(seed, tmp_path / "sources" / source / seed.name)
            (tmp_path / "sources" / source / (seed.stem + ".meta.json")).write_text(
                json.dumps({"published_date": published}), encoding="utf-8")
    config = {"ops": {"facts_by_source_month": {"config": {"sources_root": str(tmp_path / "sources"),
                                                           "facts_root": str(tmp_path / "facts")}}}}
    keys = [dg.MultiPartitionKey({"source": s, "month": m}) for s in DATES for m in ("2024-05-01", "2024-06-01")]
    (tmp_path / "home").mkdir()
    with dg.instance_for_test(temp_dir=str(tmp_path / "home")) as instance:
        instance.add_dynamic_partitions(SOURCES.name, list(DATES))
        for key in keys:
            result = dg.execute_job(dg.reconstructable(partitioned_extraction_job), instance, run_config=config,
                                    tags={"dagster/partition": str(key)})
            assert result.success
            assert any("multiprocess executor" in (e.message or "") for e in instance.all_logs(result.run_id))
    partitioned = {}
    for key in keys:
        for line in partition_path(tmp_path / "facts", key.keys_by_dimension["source"], key.keys_by_dimension["month"][:7]) \
                .read_text(encoding="utf-8").splitlines():
            facts = json.loads(line)
            partitioned[(facts["article"], facts["published_date"])] = facts
    in_process = {}
    for source in DATES:
        for a in read_folders([tmp_path / "sources" / source]).articles:
            in_process[(a.article_id, a.published_date)] = extract_article(a.text, a.article_id, a.published_date)
    assert len(in_process) == 5 and partitioned == in_process


def test_a_big_batch_on_a_worker_pool_gives_the_in_process_facts_in_order():
    from pipelines.parallel import MIN_PARALLEL_BATCH, extract_many

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    jobs = [(f"a{i}", f"h{i}", texts[i % len(texts)], None) for i in range(MIN_PARALLEL_BATCH + 7)]
    pooled = list(extract_many(iter(jobs), len(jobs), processes=2))  # streamed through a bounded window
    assert pooled == list(extract_many(iter(jobs), len(jobs), processes=1))
    assert [outcome[0] for outcome in pooled] == [job[0] for job in jobs]
