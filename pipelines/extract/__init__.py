"""Arabic diplomatic-news fact extraction: text in, contract-shaped facts out.

Pure Python (no Dagster). Stages, one module each: clean → normalise → segment
→ recognise → relate → sectors. `extract_article` runs them all.
"""
from __future__ import annotations

from .clean import clean
from .recognise import annotate
from .relate import Relator
from .sectors import article_sectors
from .segment import segment

EXTRACTOR_VERSION = "0.3.0"


def extract_article(text: str, article: str, published_date: str | None = None) -> dict:
    """Facts of one article in the shape of docs/facts-contract.md (plus provenance fields)."""
    cleaned = clean(text)
    segmented = segment(cleaned)
    annotated = [annotate(s) for s in segmented.sentences]
    published = published_date or segmented.published_date
    relator = Relator(annotated, published, segmented.dateline_city)
    relator.run()
    return {
        "article": article,
        "published_date": published,
        "meetings": [m.to_fact() for m in relator.meetings],
        "agreements": [a.to_fact() for a in relator.agreements],
        "sectors": article_sectors(annotated),
        "extractor_version": EXTRACTOR_VERSION,
        "boilerplate_removed": [{"text": line.text, "reason": why, "start": line.start, "end": line.end}
                                for line, why in cleaned.dropped],
    }


__all__ = ["EXTRACTOR_VERSION", "extract_article"]
