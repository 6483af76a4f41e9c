"""Stage 3 — headline, dateline, paragraphs and sentences of the cleaned text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from .clean import Cleaned, Line
from .dates import WEEKDAYS, find_dates, resolve
from .lexicon import DATA_DIR, Token, load, tokenize
from .normalise import NormText, norm, squeezed

HEADLINE, HEADING, DATELINE, BODY = "headline", "heading", "dateline", "body"
# A sentence ends at . ! ? ؟ — not after a one-letter abbreviation ("د. أنور") — or at a dateline's " /".
_SENTENCE_END = re.compile(r"(?<!\s\w)(?<!^\w)[.!?؟]+(?=\s|$)|\s+/(?=\S)", re.M)
# "نشر في: 12 مارس 2024", "تاريخ النشر 2024/03/12" (normalised)
PUBLISHED_LABEL = re.compile(r"^\s*(?:تاريخ النشر|نشر|تم النشر|اخر تحديث|بتاريخ|التاريخ|(?i:date|published|updated))\s*"
                             r"(?:في|بتاريخ)?\s*[:：]?\s*$")
# A clock time before the date ("09:15 / 2021-03-05", "الساعة 10:30 -")
CLOCK_HEAD = re.compile(r"^\s*(?:الساعه\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:ص|م|am|pm))?\s*[/|،,\-–—]?\s*$")
# What may follow a dateline's date: punctuation, a bar, a clock time ("| 06:58 مساء", "الساعه 6:25"), the end.
DATE_TAIL = re.compile(r"\s*(?:[./\-–—،,|]|(?:\|\s*)?(?:الساعه\s*\d{1,2}(?:[:.]\d{2})?|\d{1,2}[:.]\d{2}(?!\d))"
                       r"(?:\s*(?:صباحا|مساء|ص|م|am|pm)(?!\w))?\s*[|/\-–—]?|$)")
WEEKDAY_HEAD = re.compile(rf"^\s*(?:يوم\s+)?(?:{'|'.join(WEEKDAYS)})\s*[،,]?\s*$")
_TERMINAL = re.compile(r"[.!?؟:…]\s*$")
# A line that opens an item of a list: a bullet, a number, or a first word closed by a colon or bracket ("أولاً:").
_LIST_ITEM = re.compile(r"\s*(?:[^\w\s]|\d|\w+\s*[:：)\-–—])")


@dataclass
class Sentence:
    index: int
    start: int  # offsets in the original text
    end: int
    text: str
    kind: str
    paragraph: int
    norm: NormText
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Segmented:
    sentences: list[Sentence]
    published_date: str | None
    dateline_city: tuple[str, str] | None  # (city, iso3)


def _sentence(cleaned: Cleaned, start: int, end: int, kind: str, paragraph: int, index: int) -> Sentence:
    original = cleaned.text
    while start < end and original[start].isspace():
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    nt = cleaned.norm.slice(start, end)
    return Sentence(index, start, end, original[start:end], kind, paragraph, nt, tokenize(nt.text))


def _norm_of(cleaned: Cleaned, start: int, end: int) -> str:
    """`norm` of the original text's [start, end), cut out of the article's normalisation."""
    return squeezed(cleaned.norm.slice(start, end).text)


def _split(original: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for m in _SENTENCE_END.finditer(original, start, end):
        cut = m.end() if m.group().strip() != "/" else m.start()
        if original[pos:cut].strip():
            spans.append((pos, cut))
        pos = m.end()
    if original[pos:end].strip():
        spans.append((pos, end))
    return spans


def _dateline(normalised: str) -> tuple[int, str | None, tuple[str, str] | None] | None:
    """A leading 'CITY، DATE /' or a date-only line (its normalised text): (length in normalised chars, full date,
    city)."""
    dates = find_dates(normalised)
    if not dates or dates[0].start > 40:
        return None
    first = dates[0]
    head = normalised[:first.start]
    if "الموافق" in head:  # "الرياض 15 رمضان 1445 هـ الموافق 25 مارس 2024"
        head = re.split(r"\d", head)[0]
    head = re.sub(r"\([^()]*$", " ", head)  # "إسلام آباد (وكالة … 23 …": the agency inside the bracket
    tokens = tokenize(head)
    city = None
    labelled = bool(tokens) and bool(PUBLISHED_LABEL.match(head) or CLOCK_HEAD.match(head) or WEEKDAY_HEAD.match(head)
                                     or not re.search(r"[\u0600-\u06ff]", head))  # "cri (GMT+08:00) 2014-02-25"
    if tokens and not labelled:
        found = load().cities.find(tokens)
        if not found or found[0].start != 0 or len(tokens) > found[-1].end + 1:
            return None
        city = found[0].payload[:2]
    rest = normalised[first.end:]
    m = DATE_TAIL.match(rest)
    if not m and city is None and not labelled:
        return None
    value = resolve(first, None) if first.is_absolute and first.day else None
    return first.end + (m.end() if m else 0), value, city


@lru_cache(maxsize=1)
def _line_connectives() -> set[str]:
    with open(DATA_DIR / "line_wrap.yaml", encoding="utf-8") as f:
        return {norm(w) for w in yaml.safe_load(f)["line_connectives"]}


def _breaks_a_phrase(cleaned: Cleaned, prev: Line, line: Line) -> bool:
    """The line break falls inside a name or a date ("قاسم جومارت⏎توكائيف", "يومي 14 – 15⏎أبريل"): a text
    hard-wrapped at a fixed width, one sentence. Judged on the three words either side of the break."""
    if _TERMINAL.search(prev.text) or _LIST_ITEM.match(line.text):
        return False
    left = " ".join(_norm_of(cleaned, prev.start, prev.end).split()[-3:])
    right = " ".join(_norm_of(cleaned, line.start, line.end).split()[:3])
    joined = f"{left} {right}"
    cut = len(left)
    tokens = tokenize(joined)
    lex = load()
    for matcher in (lex.countries, lex.cities):
        for m in matcher.find(tokens):
            if tokens[m.start].start < cut < tokens[m.end - 1].end:
                return True
    return any(d.start < cut < d.start + len(joined[d.start:d.end].rstrip()) for d in find_dates(joined))


def join_wrapped(cleaned: Cleaned, connectives: set[str]) -> list[Line]:
    """Join a line that ends in a comma or a connective ("و", "في", "التي" …) with the next line: it is one
    sentence wrapped, not a heading. Lines with dropped text between them stay apart."""
    original = cleaned.text
    out: list[Line] = []
    for line in cleaned.kept:
        prev = out[-1] if out else None
        if prev is not None and not original[prev.end:line.start].strip():
            words = re.findall(r"\w+", _norm_of(cleaned, max(prev.start, prev.end - 20), prev.end))
            if prev.text.endswith(("،", ",")) or words and words[-1] in connectives or _breaks_a_phrase(cleaned, prev, line):
                out[-1] = Line(prev.start, line.end, original[prev.start:line.end])
                continue
        out.append(line)
    return out


def segment(cleaned: Cleaned) -> Segmented:
    """Cut the kept lines into typed sentences; read the dateline if there is one."""
    original = cleaned.text
    lines = join_wrapped(cleaned, _line_connectives())
    sentences: list[Sentence] = []
    published, dateline_city = None, None
    for p, line in enumerate(lines):
        start = line.start
        n_tokens = len(line.text.split())
        if p < 4 and dateline_city is None:
            line_norm = cleaned.norm.slice(line.start, line.end)
            found = _dateline(line_norm.text)
            if found and (published is None or found[2] is not None):  # a "CITY DATE" dateline beats a date label
                length, value, city = found
                cut = line_norm.offsets[length - 1] + 1 if length and length <= len(line_norm.offsets) else line.end
                sentences.append(_sentence(cleaned, start, cut, DATELINE, p, len(sentences)))
                published, dateline_city = value or published, city
                start = cut
                if start >= line.end:
                    continue
        if not _TERMINAL.search(line.text) and len(lines) > 1 and start == line.start:
            first_long_line = not any(x.kind in (HEADLINE, BODY) for x in sentences) and n_tokens >= 4
            kind = HEADLINE if first_long_line and n_tokens <= 30 else HEADING if n_tokens <= 12 else BODY
            if kind != BODY:
                sentences.append(_sentence(cleaned, start, line.end, kind, p, len(sentences)))
                continue
        for s, e in _split(original, start, line.end):
            sentences.append(_sentence(cleaned, s, e, BODY, p, len(sentences)))
    return Segmented(sentences, published, dateline_city)
