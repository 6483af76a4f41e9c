"""Ingest: read the articles folder (and the inbox) into raw tables, quarantining bad input."""
from pathlib import Path

import dagster as dg

from ..settings import articles_dir, inbox_dir
from ..sources import read_folders
from ..warehouse import known_sources, land_batch
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
        batch = read_folders(folders, known_sources(conn))
        land_batch(conn, batch)
    for q in batch.quarantined:
        context.log.warning(f"quarantined {q.path}: {q.reason}")
    for n in batch.notes:
        context.log.warning(f"kept {n.path} as {n.article_id}: {n.note}")
    context.log.info(f"ingested {len(batch.articles)} articles, {len(batch.duplicates)} duplicates, "
                     f"{len(batch.quarantined)} quarantined from {', '.join(map(str, folders))}")
    yield dg.MaterializeResult(asset_key="raw_articles", metadata={
        "articles": len(batch.articles), "duplicates": len(batch.duplicates), "quarantined": len(batch.quarantined),
        "folders": dg.MetadataValue.json([str(f) for f in folders]), **landed(warehouse, "raw_articles")})
    yield dg.MaterializeResult(asset_key="raw_quarantine", metadata={"quarantined": len(batch.quarantined),
                                                                     **landed(warehouse, "raw_quarantine")})
    yield dg.MaterializeResult(asset_key="raw_duplicates", metadata={"duplicates": len(batch.duplicates),
                                                                     **landed(warehouse, "raw_duplicates")})
    yield dg.MaterializeResult(asset_key="raw_ingest_notes", metadata={"notes": len(batch.notes),
                                                                       **landed(warehouse, "raw_ingest_notes")})
