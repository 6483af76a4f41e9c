"""Extraction as Dagster partitions, by source and month: the path past one machine (docs/scaling.md).

A partition extracts the articles of one source folder published in one month and writes their
facts as one JSON Lines file, `<facts_root>/source=<source>/month=<YYYY-MM>.jsonl`. Partitions share
nothing, so any executor runs them side by side: the multiprocess executor here, the Kubernetes or
Celery executor on a cluster. Not part of the `refresh` job (which lands facts in DuckDB).
"""
import json
from pathlib import Path

import dagster as dg

from ..extract import extract_article
from ..sources import read_folders


SOURCES = dg.DynamicPartitionsDefinition(name="source")
SOURCE_MONTH = dg.MultiPartitionsDefinition({
    "source": SOURCES, "month": dg.MonthlyPartitionsDefinition(start_date="1991-01-01", end_offset=1)})


class PartitionedExtractionConfig(dg.Config):
    sources_root: str  # one folder per source
    facts_root: str


def partition_path(facts_root: Path, source: str, month: str) -> Path:
    return facts_root / f"source={source}" / f"month={month}.jsonl"


@dg.asset(partitions_def=SOURCE_MONTH, group_name="extract", kinds={"python"},
          description="Facts of one source's articles published in one month, as JSON Lines.")
def facts_by_source_month(context: dg.AssetExecutionContext, config: PartitionedExtractionConfig) -> dg.MaterializeResult:
    keys = SOURCE_MONTH.get_partition_key_from_str(context.partition_key).keys_by_dimension
    source, month = keys["source"], keys["month"][:7]
    batch = read_folders([Path(config.sources_root) / source])
    articles = sorted((a for a in batch.articles if (a.published_date or "")[:7] == month), key=lambda a: a.article_id)
    path = partition_path(Path(config.facts_root), source, month)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(extract_article(a.text, a.article_id, a.published_date), ensure_ascii=False) + "\n")
    return dg.MaterializeResult(metadata={"articles": len(articles), "path": str(path)})


partitioned_extraction = dg.define_asset_job("partitioned_extraction", selection=[facts_by_source_month],
                                             executor_def=dg.multiprocess_executor)


def partitioned_extraction_job() -> dg.JobDefinition:
    """The job, resolved (for `dg.reconstructable`, which out-of-process executors need)."""
    return dg.Definitions(assets=[facts_by_source_month], jobs=[partitioned_extraction]).resolve_job_def(
        "partitioned_extraction")
