"""Arabic diplomatic-news fact extraction: text in, contract-shaped facts out.

Pure Python (no Dagster). Stages, one module each: clean → normalise → segment
→ recognise → relate → sectors. `extract_article` runs them all.
"""
from __future__ import annotations

from .clean import clean
from .dates import find_dates
from .recognise import annotate, article_context
from .relate import Relator
from .sectors import article_sectors
from .segment import BODY, Sentence, segment

EXTRACTOR_VERSION = "0.4.0"


def reference_year(published: str | None, sentences: list[Sentence]) -> int | None:
    """The article's year, as the relator dates it: the published date's (or the dateline's), else that of
    the first full date in the body; None when the text gives neither."""
    if published and published[:4].isdigit():
        return int(published[:4])
    return next((d.year for s in sentences if s.kind == BODY for d in find_dates(s.norm.text)
                 if d.is_absolute and d.day is not None), None)


def extract_article(text: str, article: str, published_date: str | None = None) -> dict:
    """Facts of one article in the shape of docs/facts-contract.md (plus provenance fields)."""
    cleaned = clean(text)
    segmented = segment(cleaned)
    published = published_date or segmented.published_date
    year = reference_year(published, segmented.sentences)
    annotated = [annotate(s, year) for s in segmented.sentences]
    context = article_context(annotated)
    if context is not None:  # a word one sentence leaves open ("عمان": Amman or Oman) is read again, with the article's
        annotated = [annotate(s, year, context) if context.concerns(a) else a
                     for s, a in zip(segmented.sentences, annotated)]
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
