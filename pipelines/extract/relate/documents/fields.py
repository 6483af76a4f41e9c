"""A document's own fields (sectors): those its title names, else those of the clause that says what it
contains ("بيان مشترك يؤكد على أهمية الطاقة", "وتتضمن الاتفاقية التعاون في مجالات …"), else none."""
from __future__ import annotations

import re

from ...recognise import Annotated
from ..clauses import words_after, words_before
from ...sectors import sectors_in
from .phrases import Head, list_items
from .status import issued_statement
from .vocabulary import vocabulary

_BETWEEN = re.compile(r"(?<!\w)بين(?!\w)")


def title_sectors(ann: Annotated, start: int, end: int) -> set[str]:
    """Fields a title names, before the signatories it lists ("خطة التعاون الثقافي … بين وزارة الثقافة والسياحة")."""
    between = _BETWEEN.search(ann.text, start, end)
    if between:
        before = sectors_in(ann, start, between.start())
        if before:
            return before
    return sectors_in(ann, start, end)


def describing_end(text: str, head: Head, end: int, limit: int) -> int | None:
    """Where the clause describing the document ends, when one follows the title or has it as subject."""
    v = vocabulary()
    after = " ".join(words_after(text, end, 4))
    before = " ".join(words_before(text, head.start, 2))
    if v.describing.search(after) or v.relative.match(text[end:].lstrip(" ،,")) or v.describing.search(before):
        cut = re.compile(r"[.؛]").search(text, end, limit)
        return cut.start() if cut else limit
    return None


def document_sectors(ann: Annotated, head: Head, end: int, limit: int) -> set[str]:
    """The fields of a singular document phrase."""
    found = title_sectors(ann, head.start, end)
    if found:
        return found
    if issued_statement(ann.text, head):
        return sectors_in(ann)  # the parties speak through it: what they say is what it says
    described = describing_end(ann.text, head, end, limit)
    return sectors_in(ann, end, described) if described is not None else set()


def _described_set(ann: Annotated) -> re.Match | None:
    """The set of documents a sentence describes as a whole: "وتنص هذه الاتفاقيات على …", "وتشمل المذكرات …"."""
    v = vocabulary()
    text = ann.text
    for m in v.document_set.finditer(text):
        before = words_before(text, m.start(), 2)
        demonstrative = before[-1:] in (["هذه"], ["تلك"])
        verb = before[-2:-1] if demonstrative else before[-1:]
        if verb and v.describing.fullmatch(verb[0]) or demonstrative and v.describing.search(
                " ".join(words_after(text, m.end(), 2))):
            return m
    return None


def described_set_fields(ann: Annotated) -> set[str]:
    """Fields a sentence gives a set of documents as a whole."""
    m = _described_set(ann)
    return sectors_in(ann, m.end()) if m else set()


def described_set_items(ann: Annotated) -> tuple[str, list[tuple[int, int]]]:
    """The set's word and the fields the sentence lists one by one ("وتشمل المذكرات التعاون في مجالات الزراعة
    والسياحة والتعليم": three), when it describes a set of documents."""
    m = _described_set(ann)
    return (m.group(), list_items(ann, m.end(), len(ann.text))) if m else ("", [])
