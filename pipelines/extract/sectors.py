"""Stage 6 — sectors of cooperation, from the sector lexicon keyed to the contract's codes."""
from __future__ import annotations

from .lexicon import load
from .recognise import Annotated


def sectors_in(ann: Annotated, start: int = 0, end: int | None = None) -> set[str]:
    """Sector codes named in a sentence (or a span of it), outside organisation names."""
    tokens = ann.sentence.tokens
    end = len(ann.text) if end is None else end
    found = set()
    for m in load().sectors.find(tokens):
        s, e = tokens[m.start].start, tokens[m.end - 1].end
        if m.payload and start <= s and e <= end and not any(o.start <= s < o.end for o in ann.organizations):
            found.add(m.payload)
    return found


def article_sectors(annotated: list[Annotated]) -> list[str]:
    """The sorted set of sectors over the whole (cleaned) article."""
    found: set[str] = set()
    for ann in annotated:
        found |= sectors_in(ann)
    return sorted(found)
