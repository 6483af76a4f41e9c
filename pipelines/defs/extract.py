"""Extract: run the fact extractor over new or changed articles (on every core for big batches)."""
from collections.abc import Iterator

import dagster as dg

from ..extract import EXTRACTOR_VERSION
from ..parallel import extract_many
from ..warehouse import RAW_SCHEMA, land_facts, previous_extractions, quarantine_failures
from .metadata import landed
from .resources import Warehouse


LAND_EVERY = 1000  # articles read, extracted and landed at a time


def articles_to_extract(conn) -> tuple[list[str], dict]:
    """Ids of the articles that are new or changed (or were extracted by another extractor version), and counts."""
    done = previous_extractions(conn)
    todo, counts = [], {"new": 0, "unchanged": 0, "re_extracted": 0}
    for article_id, digest in conn.execute(f"select article_id, content_hash from {RAW_SCHEMA}.articles "
                                           "order by article_id").fetchall():
        previous = done.get(article_id)
        if previous == (digest, EXTRACTOR_VERSION):
            counts["unchanged"] += 1
            continue
        counts["re_extracted" if previous else "new"] += 1
        todo.append(article_id)
    return todo, counts


def article_jobs(conn, article_ids: list[str]) -> Iterator[tuple]:
    """Extraction jobs (id, hash, text, published date) of these articles, read LAND_EVERY at a time."""
    for start in range(0, len(article_ids), LAND_EVERY):
        yield from conn.execute(f"select article_id, content_hash, text, cast(published_date as varchar) "
                                f"from {RAW_SCHEMA}.articles where article_id in (select unnest(?::varchar[])) "
                                "order by article_id", [article_ids[start:start + LAND_EVERY]]).fetchall()


FACT_ASSETS = {
    "raw_meetings": "Meetings extracted per article, with evidence and offsets.",
    "raw_meeting_participants": "Participants of the extracted meetings.",
    "raw_agreements": "Agreements extracted per article, with evidence and offsets.",
    "raw_article_sectors": "Sectors each article discusses.",
}


@dg.multi_asset(
    group_name="extract",
    specs=[dg.AssetSpec("article_facts", deps=["raw_articles"], kinds={"python", "duckdb"},
                        description="One extraction per article (contract-shaped facts JSON, extractor version)."),
           *[dg.AssetSpec(key, deps=["raw_articles"], kinds={"duckdb"}, description=text)
             for key, text in FACT_ASSETS.items()]],
)
def extract_facts(context: dg.AssetExecutionContext, warehouse: Warehouse):
    with warehouse.duckdb().get_connection() as conn:
        todo, counts = articles_to_extract(conn)
        landing, failures = [], []
        land_facts(conn, [])  # facts of articles no longer ingested go first
        for n, (article_id, digest, facts, error) in enumerate(extract_many(article_jobs(conn, todo), len(todo)), 1):
            if error is None:
                landing.append((article_id, digest, facts))
            else:
                context.log.error(f"extraction failed for {article_id}: {error}")
                failures.append((article_id, f"extraction failed: {error}"))
            if len(landing) >= LAND_EVERY or n == len(todo):
                land_facts(conn, landing)  # landed as it goes: the corpus is never held whole
                landing = []
            if n % 500 == 0 or n == len(todo):
                context.log.info(f"extracted {n}/{len(todo)} articles")
        quarantine_failures(conn, failures)
        counts["failed"] = len(failures)
        totals = {t: conn.execute(f"select count(*) from {RAW_SCHEMA}.{t}").fetchone()[0]
                  for t in ("meetings", "agreements", "article_sectors")}
    context.log.info(f"extraction: {counts}; facts now {totals}")
    yield dg.MaterializeResult(asset_key="article_facts",
                               metadata={**counts, **totals, "extractor_version": EXTRACTOR_VERSION,
                                         **landed(warehouse, "article_facts")})
    for key in FACT_ASSETS:
        yield dg.MaterializeResult(asset_key=key, metadata=landed(warehouse, key))
