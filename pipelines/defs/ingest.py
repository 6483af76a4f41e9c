"""Ingest: read the articles folder (and the inbox) into raw tables, quarantining bad input."""
from pathlib import Path

import dagster as dg

from ..incremental import ingest
from ..refresh_state import landed_counts
from ..settings import articles_dir, inbox_dir
from .metadata import landed
from .resources import Warehouse


class IngestConfig(dg.Config):
    articles_dir: str = ""  # empty: DIPLOMACY_ARTICLES, else seeds/
    inbox_dir: str = ""  # empty: DIPLOMACY_INBOX, else inbox/


@dg.multi_asset(
    group_name="ingest",
    specs=[
        dg.AssetSpec("raw_articles", kinds={"python", "duckdb"},
                     description="Articles read from the articles folder and the inbox (text, HTML, JSON), one row each."),
        dg.AssetSpec("raw_quarantine", kinds={"duckdb"}, description="Input files refused, with the reason."),
        dg.AssetSpec("raw_duplicates", kinds={"duckdb"}, description="Input files repeating an article already read."),
        dg.AssetSpec("raw_ingest_notes", kinds={"duckdb"},
                     description="Articles kept with a repair noted (invalid bytes replaced, a source id shared by two texts)."),
    ],
)
def ingest_articles(context: dg.AssetExecutionContext, config: IngestConfig, warehouse: Warehouse):
    folders = [Path(config.articles_dir) if config.articles_dir else articles_dir(),
               Path(config.inbox_dir) if config.inbox_dir else inbox_dir()]
    with warehouse.duckdb().get_connection() as conn:
        batch, files_read = ingest(conn, folders, context.log.info)
        for q in batch.quarantined:
            context.log.warning(f"quarantined {q.path}: {q.reason}")
        for n in batch.notes:
            context.log.warning(f"kept {n.path} as {n.article_id}: {n.note}")
        counts = landed_counts(conn)
    context.log.info(f"ingested {counts['articles']} articles, {counts['duplicates']} duplicates, "
                     f"{counts['quarantined']} quarantined, {counts['notes']} kept with a note "
                     f"from {', '.join(map(str, folders))}")
    yield dg.MaterializeResult(asset_key="raw_articles", metadata={
        "articles": counts["articles"], "duplicates": counts["duplicates"], "quarantined": counts["quarantined"],
        "files_read": files_read,
        "folders": dg.MetadataValue.json([str(f) for f in folders]), **landed(warehouse, "raw_articles")})
    yield dg.MaterializeResult(asset_key="raw_quarantine", metadata={"quarantined": counts["quarantined"],
                                                                     **landed(warehouse, "raw_quarantine")})
    yield dg.MaterializeResult(asset_key="raw_duplicates", metadata={"duplicates": counts["duplicates"],
                                                                     **landed(warehouse, "raw_duplicates")})
    yield dg.MaterializeResult(asset_key="raw_ingest_notes", metadata={"notes": counts["notes"],
                                                                       **landed(warehouse, "raw_ingest_notes")})

