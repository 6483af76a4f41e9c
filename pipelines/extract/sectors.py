"""Stage 6 — sectors of cooperation: the sentence's sector terms (found with the other lexicon terms in
stage 4) keyed to the contract's codes, outside the names of organisations and persons."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .recognise import Annotated


def _name_spans(ann: Annotated, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where parts (two words or more) of known personal names occur: "بحر العلوم" is no science."""
    spans = []
    for name in names:
        words = name.split()
        for n in range(len(words), 1, -1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if phrase in ann.text:
                    spans += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", ann.text)]
    return spans


def sector_spans(ann: Annotated, names: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """(start, end, code) of every sector term in a sentence, outside organisation and personal names."""
    if not ann.sector_terms:
        return []
    masked = [(o.start, o.end) for o in ann.organizations] + [(p.start, p.end) for p in ann.persons if p.name or p.titled]
    masked += _name_spans(ann, names)
    return [(s, e, code) for s, e, code in ann.sector_terms if code and not any(a <= s < b for a, b in masked)]


def sectors_in(ann: Annotated, start: int = 0, end: int | None = None, names: Iterable[str] = ()) -> set[str]:
    """Sector codes named in a sentence (or a span of it), outside organisation and personal names."""
    end = len(ann.text) if end is None else end
    return {code for s, e, code in sector_spans(ann, names) if start <= s and e <= end}


def article_sectors(annotated: list[Annotated]) -> list[str]:
    """The sorted set of sectors over the whole (cleaned) article."""
    names = {p.name_norm for ann in annotated for p in ann.persons if p.name_norm and " " in p.name_norm}
    found: set[str] = set()
    for ann in annotated:
        found |= sectors_in(ann, names=names)
    return sorted(found)
