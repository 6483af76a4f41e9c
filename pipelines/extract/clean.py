"""Stage 1 — remove web page furniture before anything is extracted.

Works line by line on the original text and never rewrites it: the result is the
list of kept line spans (offsets into the original) plus every dropped line with
its reason, so facts keep exact offsets into the text as received.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import load
from .normalise import NormText, normalise_with_offsets, squeezed


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    text: str
    kept: list[Line]
    dropped: list[tuple[Line, str]]
    norm: NormText  # of the whole text: later stages cut their lines and sentences out of it


def _lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw)
    return lines


def clean(text: str) -> Cleaned:
    """Split `text` into kept lines and dropped boilerplate lines (with reasons)."""
    rules = load().boilerplate
    kept: list[Line] = []
    dropped: list[tuple[Line, str]] = []
    seen: set[str] = set()
    normalised = normalise_with_offsets(text)
    for line in _lines(text):
        key = squeezed(normalised.slice(line.start, line.end).text)
        reason = next((why for pattern, why in rules if pattern.search(key)), None)
        if reason is None and key in seen:
            reason = "repeated line"
        if reason:
            dropped.append((line, reason))
        else:
            kept.append(line)
            seen.add(key)
    return Cleaned(text, kept, dropped, normalised)
