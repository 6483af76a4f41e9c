"""Clause and predicate helpers shared by the meeting and agreement stages: words around a
position, bare word forms, clause ends and cuts, the cue lexicon both stages read, evidence spans."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from ..lexicon import TOKEN_RE, compile_words, load
from ..normalise import norm
from ..recognise import Annotated

FUTURE_TIME = re.compile(r"(?<!\w)(?:(?:الاسبوع|الشهر|العام|السنه)\s+(?:المقبل|القادم)|غدا|بعد غد)(?!\w)")
FUTURE_VERB = re.compile(r"^[وف]?س(?!ياس|ياد|يار|يطر|تين|تمر)[يت]\w{3,}$")
NEW_CLAUSE = re.compile(r"،\s*و(?=[اأيتس](?!ل(?!تق))\w{2,})")  # "، وأكد" but not "، والوفد المرافق"
_PUNCT = re.compile(r"[،,:؛;.!?؟()\-–—]")


@lru_cache(maxsize=1)
def cues() -> dict:
    """Cue patterns both stages read: future time, topic and reporting cuts, a document's own date."""
    m, a = load().triggers["meeting"], load().triggers["agreement"]
    return {
        "future": compile_words(m["future_cues"]),
        "topic_cut": compile_words(m["topic_cuts"]),
        "reporting_cut": compile_words(m["reporting_cuts"]),
        "own_date": compile_words(a["own_date_cues"]),
    }


def typed_triggers(section: dict, types: list[str]) -> list[tuple[str, re.Pattern]]:
    """One pattern per type over its trigger forms (longest first), with the clitics it may carry."""
    prefix = r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)"
    out = []
    for kind in types:
        body = "|".join(sorted((norm(p) for p in section[kind]), key=len, reverse=True))
        out.append((kind, re.compile(rf"{prefix}(?P<w>{body})(?!\w)")))
    return out


def words_before(text: str, pos: int, n: int) -> list[str]:
    return re.findall(r"\w+", text[:pos])[-n:]


def words_after(text: str, pos: int, n: int) -> list[str]:
    return [m.group() for m in islice(TOKEN_RE.finditer(text, pos), n)]


def bare(word: str) -> str:
    """The word without leading conjunction and preposition (و ف ب ل ك لل), when three letters remain (else
    without the conjunction alone)."""
    stripped = re.sub(r"^(?:[وف]?(?:[بلك]|لل)?)", "", word)
    if len(stripped) < 3:  # "وبحث" is و + بحث, not و + ب + حث
        stripped = re.sub(r"^[وف]", "", word)
    return stripped if len(stripped) >= 3 else word


def is_definite(word: str) -> bool:
    return bool(re.match(r"^(?:[وف]?(?:[بلك])?ال|[وف]?لل)", word))


def clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[،,:؛.]").search(text, pos)
    return m.start() if m else len(text)


def reporting_end(text: str, start: int, end: int) -> int:
    """Where the clause's own content ends: before the source ("وفقا لما أفادته …")."""
    m = cues()["reporting_cut"].search(text, start, end)
    return m.start() if m else end


def evidence_span(ann: Annotated, start: int, end: int) -> tuple[str, int, int]:
    """The original text of a normalised span, trimmed of edge punctuation, with its offsets."""
    s, e = ann.sentence.norm.span_to_original(start, end)
    raw = ann.sentence.text[s - ann.sentence.start:e - ann.sentence.start]
    lead = len(raw) - len(raw.lstrip(" ،,.:-–"))
    evidence = raw.strip(" ،,.:-–")
    return evidence, s + lead, s + lead + len(evidence)


def joinable(gap: str) -> bool:
    """Whether two trigger words this far apart name one event ("الجولة الرابعة من المشاورات")."""
    return len(gap.split()) <= 3 and not _PUNCT.search(gap) and not re.search(
        r"(?<!\w)(?:علي|في|خلال|بين|مع|هامش|عقب|بعد|قبل)(?!\w)", gap)


def overlap(a: str, b: str) -> float:
    wa = {w for w in re.findall(r"\w+", a) if len(w) > 2}
    wb = {w for w in re.findall(r"\w+", b) if len(w) > 2}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def date_compatible(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]
