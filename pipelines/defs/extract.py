"""Extract: run the fact extractor over new or changed articles (on every core for big batches)."""
import dagster as dg

from ..extract import EXTRACTOR_VERSION
from ..parallel import extract_many
from ..warehouse import RAW_SCHEMA, land_facts, previous_extractions, quarantine_failures
from .metadata import landed
from .resources import Warehouse


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
        done = previous_extractions(conn)
        articles = conn.execute(f"select article_id, content_hash from {RAW_SCHEMA}.articles order by article_id").fetchall()
        todo, counts = [], {"new": 0, "unchanged": 0, "re_extracted": 0}
        for article_id, digest in articles:
            previous = done.get(article_id)
            if previous == (digest, EXTRACTOR_VERSION):
                counts["unchanged"] += 1
                continue
            counts["re_extracted" if previous else "new"] += 1
            todo.append(article_id)
        jobs = conn.execute(f"select article_id, content_hash, text, cast(published_date as varchar) from {RAW_SCHEMA}.articles "
                            "where article_id in (select unnest(?::varchar[])) order by article_id", [todo]).fetchall()
        extractions, failures = [], []
        for n, (article_id, digest, facts, error) in enumerate(extract_many(jobs, len(jobs)), 1):
            if error is None:
                extractions.append((article_id, digest, facts))
            else:
                context.log.error(f"extraction failed for {article_id}: {error}")
                failures.append((article_id, f"extraction failed: {error}"))
            if n % 500 == 0 or n == len(jobs):
                context.log.info(f"extracted {n}/{len(jobs)} articles")
        land_facts(conn, extractions)
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
