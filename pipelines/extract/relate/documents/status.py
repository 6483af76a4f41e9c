"""A document's status from the predicate of its clause: signed, planned or referenced.

Read in order: the document's own earlier date; a planning context ("من المقرر توقيع", "بحثا مسودة");
a citing context ("بموجب", "تفعيل الاتفاقية"); an earlier event the clause recalls ("خلال تلك الزيارة",
"وكان البلدان قد وقعا"); a signing predicate before the head (verb of any person, verbal noun, passive)
or after it (a relative clause "الذي أبرم اليوم", a participle "الموقعة", "صدر … بيان")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..clauses import FUTURE_VERB, NEW_CLAUSE, cues, words_before
from .phrases import Head
from .vocabulary import vocabulary

_PLUPERFECT = re.compile(r"(?<!\w)[وف]?(?:كان|كانت|كانا|كانتا|كانوا)(?:\s+\S+){0,4}?\s+قد\s+\S+")


# "بالإضافة إلى توقيع محضر …" adds a document signed with the others: its "إلى توقيع" plans nothing.
_IN_ADDITION = re.compile(r"(?<!\w)(?:[وف]?بالاضافه|اضافه|علاوه)\s+(?:الي|علي)(?!\w)")


_EARLIER_TODAY = re.compile(r"(?<!\w)في وقت سابق (?:من )?(?:اليوم|هذا اليوم|صباح اليوم|مساء اليوم)(?!\w)")


def _window(text: str, pos: int, n: int) -> str:
    return _IN_ADDITION.sub(" و ", " ".join(words_before(text, pos, n)))


def signing_after(text: str, end: int) -> bool:
    """A signing predicate right after the title: "الذي أبرم اليوم", "التي تم توقيعها", "الموقعة بين البلدين"."""
    v = vocabulary()
    rest = text[end:end + 60]
    m = v.relative.match(rest.lstrip())
    if m:
        after = rest.lstrip()[m.end():]
        words = " ".join(re.findall(r"\w+", after)[:3])
        return bool(v.signing_verb.search(words) or v.signing_noun.search(words) or v.passive.match(words.strip()))
    first = " ".join(re.findall(r"\w+", rest)[:1])
    return bool(v.signing_participle.fullmatch(first)) if first else False


def relative_clause(text: str, end: int) -> tuple[int, int] | None:
    """The span of a signing relative clause right after a title ("التي وقعتها الدولتان في أبريل 2022")."""
    if not signing_after(text, end):
        return None
    cut = re.compile(r"[،,.؛:]").search(text, end + 1)
    return end, cut.start() if cut else len(text)


def signing_before(text: str, start: int, n: int = 12) -> bool:
    """A signing verb, verbal noun or participle in the clause before the head; the clause's main verb counts
    however far it stands ("وقع رئيس الوزراء … في قصر … مساء أمس، اتفاقية …")."""
    v = vocabulary()
    window = _window(text, start, n)
    if v.signing_verb.search(window) or v.signing_noun.search(window):
        return True
    clause = NEW_CLAUSE.split(text[:start])[-1]
    first = re.findall(r"\w+", clause)[:1]
    return bool(first and v.signing_verb.fullmatch(first[0]) and len(clause.split()) <= 30)


def planned_before(text: str, start: int) -> bool:
    """The head (or the signing noun before it) stands in a planning context."""
    v = vocabulary()
    near = words_before(text, start, 6)
    if v.planned.search(_IN_ADDITION.sub(" و ", " ".join(near[-5:]))) or any(FUTURE_VERB.match(w) for w in near):
        return True
    window = _window(text, start, 12)
    signing = sorted(list(v.signing_noun.finditer(window)) + list(v.signing_verb.finditer(window)), key=lambda m: m.start())
    if signing:  # "الجاهزة للتوقيع في ختام …", "من المقرر أن يتم خلال الزيارة توقيع …", "وينتظر أن يوقع …"
        cue = signing[-1]
        if re.match(r"[وف]?ل", cue.group()) or v.planned_signing.search(_window(window, cue.start(), 4)):
            return True
    return bool(cues()["future"].search(window))


def referenced_before(text: str, start: int) -> bool:
    """A citing word right before the head, in its own comma-delimited part ("بموجب", "تفعيل")."""
    chunk = re.split(r"[،,:؛]", text[:start])[-1]
    return bool(vocabulary().referenced.search(_window(chunk, len(chunk), 3)))


def planned_agenda(text: str, start: int) -> bool:
    """A list after a colon opened by a planning clause ("ناقش الجانبان عددا من القضايا مثل: توقيع …")."""
    colon = text.rfind(":", 0, start)
    return colon >= 0 and bool(vocabulary().planned.search(_window(text, colon, 12)))


def recalled(text: str, start: int) -> bool:
    """The clause recalls an earlier event: "خلال تلك الزيارة", "وكان الجانبان قد وقعا"."""
    window = _EARLIER_TODAY.sub(" ", text[:start])  # "قد التقى، في وقت سابق اليوم، …": the same day's event
    return bool(vocabulary().recalled.search(window) or _PLUPERFECT.search(window) and not _EARLIER_TODAY.search(
        text[:start]))


def issued_statement(text: str, head: Head) -> bool:
    """"في بيان مشترك" / "وصدر … بيان مشترك": the parties speak through a statement of the reported event."""
    if head.type not in ("joint_statement", "declaration"):
        return False
    return bool(re.search(r"(?:^|\s)[وف]?في\s*$", text[:head.start])) and not head.word.startswith("ال")


def earlier_than(when: str | None, event: date | None) -> bool:
    """Whether a resolved date lies before the reported event (at the date's own precision; a week's slack)."""
    if not when or event is None:
        return False
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 1:
        return parts[0] < event.year
    if len(parts) == 2:
        return (parts[0], parts[1]) < (event.year, event.month)
    return date(*parts) < event - timedelta(days=7)


def status_of(text: str, head: Head, end: int) -> str | None:
    """Status from the clause alone (dates aside); None when the clause says nothing."""
    v = vocabulary()
    if referenced_before(text, head.start) or v.referenced_after.match(text[end:].lstrip()):
        return "referenced"
    if planned_before(text, head.start) or planned_agenda(text, head.start):
        return "planned"
    signed = signing_before(text, head.start) or signing_after(text, end) or issued_statement(text, head)
    if signed and recalled(text, head.start):
        return "referenced"
    return "signed" if signed else None


def opening_status(text: str, pos: int) -> str | None:
    """The status of the documents a list opened at `pos` names ("الوثائق التي تم توقيعها … تشمل:",
    "من أبرز الاتفاقيات الموقعة:")."""
    status = status_of(text, Head("agreement", "plural", pos, pos, ""), pos)
    if status is None and vocabulary().signing_participle.search(_window(text, pos, 8)):
        return "signed"
    return status


def included(text: str, start: int) -> bool:
    """The head is the object of "include" with a set of documents as subject ("وشملت الاتفاقيات مذكرة …")."""
    v = vocabulary()
    before = _window(text, start, 6)
    return bool(v.document_set.search(before) and v.include.search(_window(text, start, 4)))


def document_set(text: str) -> str | None:
    """The type a sentence's set of documents names ("الاتفاقيات" → agreement), "" for "الوثائق", else None."""
    v = vocabulary()
    for kind, number, pattern in v.heads:
        if number == "plural" and pattern.search(text):
            return kind
    return "" if v.document_set.search(text) else None


def past_signing(text: str, start: int) -> bool:
    """A signing told in the past before the head: a perfect signing verb ("وقع", "أبرما"), or a past verb over its
    verbal noun ("شهد الرئيسان توقيع", "تم التوقيع على")."""
    v = vocabulary()
    window = _window(text, start, 12)
    perfect = any(not re.match(r"[وف]?س?[يتن]", m.group()) for m in v.signing_verb.finditer(window))
    return perfect or bool(v.past.search(window))
