"""Document phrases: heads (singular, dual, plural, number + plural), their complements and list items.

"ووقع الجانبان مذكرات تفاهم في مجالات السياحة، والنقل البحري، والتعليم العالي" has one plural head
whose complement lists three items: three documents, each with its own title and sectors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...recognise import Annotated
from ...sectors import sectors_in
from ..clauses import FUTURE_VERB, bare, cues, words_after, words_before
from .vocabulary import vocabulary

# Where a document's title (its complement) ends: a relative clause, a new clause, a source, punctuation.
_TITLE_CUT = re.compile(r"(?<!\w)(?:الذي|التي|والتي|حيث|وذلك|وكذلك|كما|بحضور|وسط|يؤكد|تؤكد|تهدف|يهدف|ان|بان|وان)(?!\w)|[.:؛]")
_ITEM_CUT = re.compile(r"(?<!\w)(?:الذي|التي|والتي|حيث|وذلك|بحضور|وسط|تهدف|يهدف|بين|لمده|للفتره)(?!\w)|[.:؛(]")
_NEW_CLAUSE = re.compile(r"،\s*(?:و(?!ال)|كما|بالاضافه|اضافه|فضلا|علاوه|الي جانب|اخيرا|(?:ما|مما|بعد|قبل|عقب|اثر|خلال|رغم|بهدف|وذلك)(?!\w))")
_OF_AN_EVENT = re.compile(r"\s*(?:ال)?(?:زياره|اجتماع|اجتماعات|لقاء|مؤتمر|قمه|منتدي|حفل|جلسه|دوره|مباحثات|مشاورات)(?!\w)")
_ITEM_SEPARATOR = re.compile(r"\s*[،,]\s*|\s+(?=و\w{3,})")
# A complement that opens one document's item: "في مجال …", "بشأن …", "حول …", "للتعاون في …" (with و before the next).
_COMPLEMENTS = r"(?:في مجالي|في مجال|في|بشان|حول|للتعاون في|لتعاون في)(?!\w)"
_FIRST_COMPLEMENT = re.compile(rf"\s*{_COMPLEMENTS}")
_NEXT_COMPLEMENT = re.compile(rf"(?:\s*[،,]\s*و?|\s+و){_COMPLEMENTS}")


@dataclass
class Head:
    """The head noun of a document phrase and what it says about how many documents it names."""

    type: str
    number: str  # singular | dual | plural
    start: int
    end: int
    word: str
    counted: bool = False  # a number, a count word or a dual names how many
    ordinal: bool = False  # "الاتفاقية الثانية": an item of a list counted before
    count: int | None = None  # how many, when a number says it
    shared: tuple[int, int] | None = None  # the complement of a coordination of counts ("8 مذكرات و4 برامج في …")
    items: list[tuple[int, int]] = field(default_factory=list)

    @property
    def several(self) -> bool:
        return self.number != "singular"


def _signed_before(text: str, start: int, n: int = 3) -> bool:
    v = vocabulary()
    window = " ".join(words_before(text, start, n))
    return bool(v.signing_verb.search(window) or v.signing_noun.search(window))


def _qualified(head: Head, ann: Annotated) -> bool:
    """An ambiguous head ("خطة", "برنامج", "إعلان", "عقد", "عقدين") is a document only with a qualifier, a field
    of cooperation in its complement ("مفهوم التحول الرقمي") or a signing cue before it."""
    v = vocabulary()
    text = ann.text
    signed = _signed_before(text, head.start)
    if head.word in v.needs_signing:
        return _signed_before(text, head.start, 8)
    qual = v.qualified.get(head.type)
    if qual is None:
        return True
    if _OF_AN_EVENT.match(text, head.end):
        return False  # "برنامج الزيارة", "عقد اجتماع": the programme of a visit, holding a meeting
    if head.type == "contract":
        return signed
    following = words_after(text, head.end, 3)
    nxt = " ".join(following)
    if following and re.search(r"(?:ي|يا|يه)$", following[0]):  # a nisba adjective first: "إعلانا سياسيا مشتركا"
        nxt = f"{nxt}|{' '.join(following[1:])}"
    fourth = list(re.finditer(r"\w+", text[head.end:]))[3:4]  # a field named within the next words
    complement = title_end(text, head.end, head.end + fourth[0].end() if fourth else len(text))
    named_after_place = any(head.end < c.start <= head.end + 2 for c in ann.cities) or any(
        head.end < c.start <= head.end + 2 for c in ann.countries)  # "إعلان جدة", "خطة عمان"
    return not qual or signed or any(part.startswith(q) for part in nxt.split("|") for q in qual) or bare(head.word) in v.anaphora \
        or head.word in v.anaphora or named_after_place or bool(sectors_in(ann, head.end, complement))


def _is_document_plural(head: Head, text: str, listed: bool) -> bool:
    """A plural names documents when counted, an item of a list of documents, followed by a list of its own,
    or the object of a signing verb."""
    v = vocabulary()
    if head.counted or listed:
        return True
    if v.generic_after.match(text[head.end:]):
        return False
    if v.list_opener.match(text[head.end:].lstrip()) or re.match(r"\s*(?:التاليه|الاتيه)?\s*:", text[head.end:]):
        return True
    # "مذكرات التفاهم", "مذكرات التعاون": definite by the noun it heads
    definite = any(w.startswith("ال") for w in head.word.split() + words_after(text, head.end, 1)[:1])
    clause = re.split(r"[،,:؛]", text[:head.start])[-1]  # "وقع الرئيسان اليوم مذكرات التعاون بين البلدين"
    if v.planned.search(clause) or FUTURE_VERB.match((re.findall(r"\w+", clause) or [""])[0]):
        return False
    return bool(v.signing_verb.search(clause) or not definite and _signed_before(text, head.start, 2))


def find_heads(ann: Annotated, listed: bool = False) -> list[Head]:
    """Document heads of a sentence, left to right; generic plurals and non-documents left out.
    `listed`: the sentence is an item of a list of documents (a bullet under "الاتفاقيات الموقعة:")."""
    v = vocabulary()
    text = ann.text
    if not v.any_head.search(text):
        return []
    blocked = [(m.start(), m.end()) for m in v.not_documents.finditer(text)  # "بالاتفاق", unless "بالاتفاق الذي أبرم"
               if not v.relative.match(text[m.end():].lstrip()) or not v.signing_verb.search(" ".join(words_after(text, m.end(), 3)))]
    blocked += [(o.start, o.end) for o in ann.organizations]
    heads: list[Head] = []

    def free(s: int, e: int) -> bool:
        return not any(a <= s < b for a, b in blocked) and not any(h.start <= s < h.end or s <= h.start < e for h in heads)

    for kind, pattern in v.counted_singular:  # "13 مذكرة تفاهم", "33 اتفاقية"
        for m in pattern.finditer(text):
            count = v.count.search(text[:m.start()])
            if free(m.start("w"), m.end()) and count and not m.group("clitic"):
                heads.append(Head(kind, "plural", m.start(), m.end(), m.group("w"), counted=True, count=_number(count)))
    rejected: list[Head] = []
    for (kind, number, pattern), keys in zip(v.heads, v.head_keys):
        if not any(k in text for k in keys):
            continue
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            head = Head(kind, number, s, e, m.group("w"), counted=number == "dual", count=2 if number == "dual" else None)
            if number == "plural":
                count = v.count.search(text[:s]) if not m.group("clitic") else None
                head.counted, head.count = bool(count), _number(count)
                if not _is_document_plural(head, text, listed):
                    rejected.append(head)
                    continue
            elif not listed and not _qualified(head, ann):
                continue
            head.ordinal = bool(v.item_ordinal.match(" ".join(words_after(text, e, 1))))
            heads.append(head)
    heads += _sharing_a_count(heads, rejected, text)
    heads += _another(heads, text)
    heads.sort(key=lambda h: h.start)
    heads = _without_nested(heads, text)
    _share_complements(heads, text)
    for i, head in enumerate(heads):
        if head.several:
            limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
            head.items = list_items(ann, head.end, limit)
            if head.count and len(head.items) != head.count:
                # "6 اتفاقيات ومذكرات في مجالات التجارة والنقل": fields, not the six documents; but "ثلاث مذكرات،
                # وهي إنشاء آلية …، وإنشاء لجنة …، والتعاون بين …": as many parts as documents counted
                head.items = counted_parts(ann, head.end, limit, head.count)
    return heads


def counted_parts(ann: Annotated, after: int, limit: int, count: int) -> list[tuple[int, int]]:
    """The comma-separated parts after a list opener ("وهي", "تشمل", ":") up to `limit`, when there are `count`
    of them: the documents a count announced, each described in its own words."""
    text = ann.text
    opener = vocabulary().list_opener.search(text, after, min(limit, after + 40))
    if not opener or re.search(r"[.؛:]", text[after:opener.start()]):
        return []
    start = opener.end() + len(re.match(r"\s*:?\s*", text[opener.end():]).group())
    end = len(text[:limit].rstrip(" .؛"))
    bounds = [start] + [c.end() for c in re.finditer(r"،\s*", text[:end]) if c.start() >= start] + [end]
    parts = [(s, e) for s, e in zip(bounds, bounds[1:]) if text[s:e].strip(" ،")]
    return parts if len(parts) == count else []


def _number(count: re.Match | None) -> int | None:
    if not count or not count.group("n"):
        return None
    n = count.group("n")
    return int(n) if n.isdigit() else vocabulary().numbers.get(n)


def _without_nested(heads: list[Head], text: str) -> list[Head]:
    """A head inside another's title is part of that title: "بروتوكول تعديل اتفاق الصندوق", "برنامج تنفيذي
    لاتفاقية الثقافة"; one joined by "و" or a comma is a document of its own."""
    kept: list[Head] = []
    for head in heads:
        outer = kept[-1] if kept else None
        gap = text[outer.end:head.start] if outer else ""
        if outer and not outer.several and not outer.ordinal and len(gap.split()) <= 3 and not re.search(r"[^\w\s]", gap) \
                and text[head.start] != "و":
            continue
        kept.append(head)
    return kept


def _share_complements(heads: list[Head], text: str) -> None:
    """Coordinated counts share the complement after the last of them: "8 مذكرات تفاهم و4 برامج تعاون في مجالات …"."""
    group: list[Head] = []
    for i, head in enumerate(heads + [None]):
        gap = text[group[-1].end:head.start] if head is not None and group else ""
        joined = head is not None and head.several and group and (
            not gap.strip() and text[head.start] == "و" or head.counted and re.fullmatch(r"\s*و\s*\S+\s*", gap))
        if joined:
            group.append(head)
            continue
        if len(group) >= 2:
            last = group[-1]
            limit = head.start if head is not None else len(text)
            span = (last.end, title_end(text, last.end, limit))
            for member in group:
                member.shared = span
        group = [head] if head is not None and head.several else []


def _sharing_a_count(heads: list[Head], rejected: list[Head], text: str) -> list[Head]:
    """"6 اتفاقيات ومذكرات تفاهم", "حزمة من الاتفاقيات ومذكرات التفاهم": the second plural shares the count.
    Returns the plurals that only the shared count makes documents."""
    shared = []
    for head in sorted((h for h in heads + rejected if not h.counted), key=lambda h: h.start):
        before = [h for h in heads + shared if h.end <= head.start and h.counted and h.several]
        if before and re.fullmatch(r"\s*", text[before[-1].end:head.start]) and text[head.start] == "و":
            head.counted, head.count, head.number = True, before[-1].count, "plural"  # "16 اتفاقية ومذكرة تفاهم"
            if head in rejected:
                shared.append(head)
    return shared


def _another(heads: list[Head], text: str) -> list[Head]:
    """"مذكرة تفاهم في مجال …، وأخرى في مجال …": one more document of the type before."""
    found = []
    for m in vocabulary().another.finditer(text):
        before = [h for h in heads if h.end <= m.start()]
        if before and not any(h.start <= m.start() < h.end for h in heads):
            found.append(Head(before[-1].type, "singular", m.start(), m.end(), m.group()))
    return found


def title_end(text: str, after: int, limit: int) -> int:
    """Where a singular document's title ends: before a relative clause, a new clause or a colon; a
    comma right after the head ends the phrase ("وبموجب الاتفاق، ستبني …": no title)."""
    if re.match(r"\s*[،,]", text[after:limit]):
        return after
    end = limit
    for pattern in (cues()["own_date"], _TITLE_CUT, _NEW_CLAUSE, vocabulary().signing_participle):  # "… الموقعة بين …"
        m = pattern.search(text, after, end)
        if m:
            end = m.start()
    words = list(re.finditer(r"\w+", text[after:end]))
    if len(words) > 18:
        end = after + words[17].end()
    if end > after and text[end - 1:end] == "و":
        end -= 1
    return end


def list_items(ann: Annotated, after: int, limit: int) -> list[tuple[int, int]]:
    """The items a plural or dual head's complement lists, one span each: repeated complements ("بشأن …، وفي
    مجال …") or the fields after "في مجالات" ("الطاقة، والنقل، والتعليم"). A part that opens no new
    complement and names no new field ("والاقتصادي", "والغاز") belongs to the item before it."""
    v = vocabulary()
    text = ann.text
    cut = _ITEM_CUT.search(text, after, limit)
    end = cut.start() if cut else limit
    if _FIRST_COMPLEMENT.match(text, after):
        bounds = [after] + [m.start() for m in _NEXT_COMPLEMENT.finditer(text, after, end)] + [end]
        if len(bounds) >= 4 or len(bounds) == 3 and not sectors_in(ann, bounds[1], end) <= sectors_in(ann, after, bounds[1]):
            return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]  # "بشأن …، وفي مجال …"
    opener = v.list_opener.search(text, after, min(limit, after + 40)) or re.compile(r":").search(
        text, after, min(limit, after + 40))
    if not opener or v.vague_fields.match(text[opener.end():]):
        return []  # "في مجالات مختلفة، أبرزها …": examples, not the documents one by one
    start = opener.end() + len(re.match(r"\s*:?", text[opener.end():]).group())  # "، وهي: …"
    cut = _ITEM_CUT.search(text, start, limit)
    end = cut.start() if cut else limit
    spans, pos = [], start
    for m in _ITEM_SEPARATOR.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    items: list[tuple[int, int]] = []
    for s, e in spans:
        found = sectors_in(ann, s, e)
        if v.other_field.match(text, s) or found and not (items and found <= sectors_in(ann, *items[-1])):
            items.append((s, e))  # a field: a sector the item before does not name, or one outside the codes
        elif items:
            items[-1] = (items[-1][0], e)
    return items if len(items) >= 2 else []
