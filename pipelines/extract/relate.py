"""Stage 5 — meeting and agreement frames from trigger words and their arguments.

A sentence's trigger words become *mentions*. A mention is either an event
(anchored by a verb, a date, an ordinal, a venue...), an anaphor that refers
back to an event already reported ("خلال الاجتماع", "هذه الزيارة"), or generic
talk about meetings that reports none ("تبادل الزيارات", "مشاورات دورية").
Events open frames; anaphors enrich the frame they refer to; repeated mentions
of one event (headline and body, "الاجتماع الثاني" twice) merge into one frame.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .dates import DateMention, resolve, to_date
from .lexicon import compile_words, load
from .normalise import norm
from .recognise import ROLE_RANK, Annotated, Person, ordinal_after
from .sectors import sectors_in
from .segment import BODY, HEADING, HEADLINE

DUALS = re.compile(r"(?<!\w)(?:[وف]?(?:ل|ب)?(?:ال)?(?:بلدين|جانبين|طرفين|رييسين|وزيرين|دولتين|بلدان|جانبان|طرفان|رييسان|وزيران|شعبين)"
                   r"|رييسا|وزيرا|رييسي|وزيري)(?!\w)")
BETWEEN = re.compile(r"(?<!\w)بين\s")
HOSTED_TYPES = {"visit", "summit", "conference"}  # the host of these takes part; a venue of talks need not
VENUE_BEFORE = re.compile(r"(?:(?<!\w)(?:في|الي)\s+|(?<!\w)[وف]?(?:بال|في ال|ال)?(?:عاصمه|مدينه)\s+(?:\w+\s+)?)$")
DELEGATION_HEAD = re.compile(r"(?<!\w)[وف]?(?:تراس|يتراس|راس|تراسه|تراسها|برياسه)\s+(?:ال)?(?:جانب|وفد)")  # normalised: ترأس
NOT_TRIGGERS = {"فيصل", "وفيصل"}
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك"}
INVITATION_WORDS = {"دعا", "دعت", "دعوه", "الدعوه", "دعوته", "نتطلع", "يتطلع"}
ARRIVAL_VERBS = {"وصل", "وصلت", "يصل", "سيصل"}
VERB_TRIGGERS = {"التقي", "التقت", "التقيا", "التقوا", "يلتقيان", "سيلتقيان", "اجتمعا", "اجتمعوا", "تباحثا", "تباحث", "يتباحث", "يلتقي", "سيلتقي", "اجتمع", "يجتمع", "سيجتمع", "استقبل", "استقبلت", "يستقبل", "سيستقبل",
                 "زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "وصل", "وصلت", "يصل", "سيصل", "بحث مع", "بحثا", "هاتفيا"}
SPECIFICITY = {"talks": 0, "visit": 1, "conference": 2, "consultations": 3, "joint_commission": 3, "summit": 4,
               "phone_call": 4, "video_call": 4}
FUTURE_TIME = re.compile(r"(?<!\w)(?:(?:الاسبوع|الشهر|العام|السنه)\s+(?:المقبل|القادم)|غدا|بعد غد)(?!\w)")
FUTURE_VERB = re.compile(r"^[وف]?س[يت](?!ياس|ياد|يار|يطر|تين|تمر)\w{3,}$")
NEW_CLAUSE = re.compile(r"،\s*و(?=[اأيتس]\w{2,})")
_PUNCT = re.compile(r"[،,:؛;.!?؟()\-–—]")


@dataclass
class Mention:
    type: str
    start: int
    end: int
    word: str
    head_start: int  # start of a generic head before it ("الجولة الرابعة من ...")
    anaphoric: bool = False


@dataclass
class _Subject:
    """Who acts in a clause, for a following "، و<verb> …" clause that leaves it unsaid."""

    countries: set[str]
    people: list[dict]


@dataclass
class MeetingFrame:
    type: str
    status: str
    date: str | None
    countries: set[str]
    core_countries: set[str]
    organizations: set[str]
    location_city: str | None
    location_country: str | None
    participants: list[dict]
    round: int | None
    evidence: str
    evidence_start: int
    evidence_end: int
    sentence: int
    from_headline: bool = False
    person_names: set[str] = field(default_factory=set)

    def to_fact(self) -> dict:
        return {"type": self.type, "status": self.status, "date": self.date, "countries": sorted(self.countries),
                "organizations": sorted(self.organizations), "location_city": self.location_city,
                "location_country": self.location_country, "participants": self.participants, "round": self.round,
                "evidence": self.evidence, "evidence_start": self.evidence_start, "evidence_end": self.evidence_end}


@dataclass
class AgreementFrame:
    type: str
    status: str
    date: str | None
    parties: set[str]
    sectors: set[str]
    title_ar: str
    title_norm: str
    evidence: str
    evidence_start: int
    evidence_end: int
    sentence: int
    named: bool
    from_headline: bool = False
    references: int = 0

    def to_fact(self) -> dict:
        return {"type": self.type, "status": self.status, "date": self.date, "parties": sorted(self.parties),
                "sectors": sorted(self.sectors), "title_ar": self.title_ar, "evidence": self.evidence,
                "evidence_start": self.evidence_start, "evidence_end": self.evidence_end}


@lru_cache(maxsize=1)
def _rx() -> dict:
    t = load().triggers
    m, a = t["meeting"], t["agreement"]
    prefix = r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)"

    def typed(section: dict, types: list[str]) -> list[tuple[str, re.Pattern]]:
        out = []
        for kind in types:
            body = "|".join(sorted((norm(p) for p in section[kind]), key=len, reverse=True))
            out.append((kind, re.compile(rf"{prefix}(?P<w>{body})(?!\w)")))
        return out

    return {
        "meeting": typed(m, ["phone_call", "video_call", "consultations", "joint_commission", "summit", "conference",
                             "visit", "talks"]),
        "agreement": typed(a, ["memorandum_of_understanding", "agreement", "treaty", "declaration", "joint_statement",
                               "roadmap", "plan", "programme", "concept", "protocol", "contract"]),
        "generic_head": re.compile(rf"{prefix}(?:{'|'.join(norm(w) for w in m['generic_heads'])})(?!\w)"),
        "anaphora_only": {norm(w) for w in m["anaphora_only"]},
        "plural": compile_words(m["plural"]),
        "not_meetings": compile_words(m["not_meetings"]),
        "holding": {norm(w) for w in m["holding_verbs"]},
        "anaphora_cues": {norm(w) for w in m["anaphora_cues"]} | {"هامش"},
        "non_event": {norm(w) for w in m["non_event_cues"]},
        "future": compile_words(m["future_cues"]),
        "summit": compile_words(m["summit_cues"]),
        "topic_cut": compile_words(m["topic_cuts"]),
        "reporting_cut": compile_words(m["reporting_cuts"]),
        "ag_plural": re.compile(rf"{prefix}(?:{'|'.join(norm(w) for w in a['plural'])})(?!\w)"),
        "not_documents": compile_words(a["not_documents"]),
        "qualified": {k: [norm(w) for w in v] for k, v in a["qualified"].items()},
        "ag_anaphora": {norm(w) for w in a["anaphora"]},
        "signed": compile_words(a["signed_cues"]),
        "planned": compile_words(a["planned_cues"]),
        "referenced": compile_words(a["referenced_cues"]),
        "own_date": compile_words(a["own_date_cues"]),
        "document_anaphor": re.compile(r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)(?:الوثيقه|الوثيقه الثنائيه)(?!\w)"),
    }


def _words_before(text: str, pos: int, n: int) -> list[str]:
    return re.findall(r"\w+", text[:pos])[-n:]


def _words_after(text: str, pos: int, n: int) -> list[str]:
    return re.findall(r"\w+", text[pos:])[:n]


def _bare(word: str) -> str:
    """The word without leading conjunction and preposition (و ف ب ل ك لل), when three letters remain."""
    stripped = re.sub(r"^(?:[وف]?(?:[بلك]|لل)?)", "", word)
    return stripped if len(stripped) >= 3 else word


def _is_definite(word: str) -> bool:
    return bool(re.match(r"^(?:[وف]?(?:[بلك])?ال|[وف]?لل)", word))


class Relator:
    """Builds the meeting and agreement frames of one article."""

    def __init__(self, annotated: list[Annotated], published: str | None, dateline_city: tuple[str, str] | None):
        self.annotated = annotated
        self.published = published
        self.dateline_city = dateline_city
        self._mentions_cache: dict[int, list[Mention]] = {}
        self.reference = to_date(published) or self._main_event_date()
        self.meetings: list[MeetingFrame] = []
        self.agreements: list[AgreementFrame] = []
        self.salient: set[str] = set()
        self.known_persons: dict[str, Person] = {}

    # ---- reference date -------------------------------------------------
    def _main_event_date(self) -> date | None:
        """The full date the text gives for its first-reported event, when the article has no date."""
        for ann in self.annotated:
            if ann.sentence.kind != BODY or not self._mentions(ann):
                continue
            for d in ann.dates:
                if d.is_absolute and d.day is not None:
                    return date(d.year, d.month, d.day)
        return None

    # ---- meeting mentions ---------------------------------------------------
    def _mentions(self, ann: Annotated) -> list[Mention]:
        rx = _rx()
        text = ann.text
        blocked = [(m.start(), m.end()) for m in rx["not_meetings"].finditer(text)]
        blocked += [(o.start, o.end) for o in ann.organizations]
        found: list[Mention] = []
        for kind, pattern in rx["meeting"]:
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(a <= s < b for a, b in blocked) or any(f.start <= s < f.end for f in found):
                    continue
                if m.group() in NOT_TRIGGERS:
                    continue  # "فيصل" is a name, not ف + يصل
                if re.search(r"(?:مذكره تفاهم|اتفاقيه|اتفاق|بروتوكول)\s+(?:\w+\s+){0,2}$", text[:s]) and m.group()[:1] == "ل":
                    continue  # "مذكرة تفاهم للمشاورات السياسية": the document's subject
                found.append(Mention(kind, s, e, m.group(), s))
        found.sort(key=lambda f: f.start)
        merged: list[Mention] = []
        for f in found:
            prev = merged[-1] if merged else None
            gap = text[prev.end:f.start] if prev else ""
            if prev and _joinable(gap) and (
                    prev.type == f.type or prev.type == "talks" and prev.word.strip("وفبلك") in
                    {norm(w) for w in load().triggers["meeting"]["generic_heads"]}
                    or {prev.type, f.type} == {"visit", "talks"} and "وصل" in prev.word):
                keep = f if SPECIFICITY[f.type] >= SPECIFICITY[prev.type] else prev
                merged[-1] = Mention(keep.type, prev.start, f.end, keep.word, prev.head_start)
                continue
            merged.append(f)
        for f in merged:
            head = None
            for h in rx["generic_head"].finditer(text[:f.start]):
                if _joinable(text[h.end():f.start]):
                    head = h
            if head:
                f.head_start = head.start()
            after = text[f.end:f.end + 40]
            if f.type == "talks" and (re.match(r"\s*(?:الوزاري|الموسع|رفيع المستوي)?\s*$", after[:12]) and "الوزاري" in after[:12]
                                      or any(0 <= o.start - f.end <= 25 for o in ann.organizations)):
                f.type = "conference"  # "الاجتماع الوزاري لمنظمة التعاون الإسلامي": a session of an organisation
            if f.type in ("talks", "consultations", "conference") and (
                    rx["summit"].search(text[f.start:f.end]) or rx["summit"].match(after.strip())
                    or rx["summit"].search(" ".join(_words_after(text, f.end, 4)))):
                f.type = "summit"
        # "الدورة" is a session only of an organisation ("الدورة الـ79 للجمعية العامة للأمم المتحدة"), not a course
        merged = [f for f in merged if not (f.type == "conference" and _bare(f.word) in ("دوره", "الدوره")
                                             and not any(0 <= o.start - f.end <= 30 for o in ann.organizations))]
        self._mentions_cache[id(ann)] = merged
        return merged

    def _classify(self, ann: Annotated, m: Mention, is_title: bool) -> str | None:
        """'event', 'anaphor' or None (generic talk, hopes, invitations, standing practice)."""
        if self._is_generic(ann, m):
            return None
        if self._is_anaphor(ann, m):
            return "anaphor"
        if _bare(m.word.split()[0]) in _rx()["anaphora_only"]:
            return None  # "الحدث" that refers back to nothing
        return "event" if is_title or self._is_anchored(ann, m) else None

    def _is_generic(self, ann: Annotated, m: Mention) -> bool:
        """Plural talk about meetings, invitations and hopes, regular practice: no meeting is reported."""
        rx = _rx()
        text = ann.text
        if rx["plural"].search(text[m.head_start:m.end + 10]) and not any(
                m.end <= d.start < m.end + 20 for d in ann.dates):
            return True
        before = [_bare(w) for w in _words_before(text, m.head_start, 3)]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        if any(w in rx["non_event"] for w in before) or any(w in INVITATION_WORDS for w in leading):
            return True
        following = re.findall(r"\w+", text[m.end:self._clause_end(text, m.end)])[:8]
        return any(w in rx["non_event"] for w in following)

    def _is_anaphor(self, ann: Annotated, m: Mention) -> bool:
        """"هذا اللقاء", "خلال الاجتماع": a definite mention that points back instead of naming an event."""
        rx = _rx()
        text = ann.text
        before = [_bare(w) for w in _words_before(text, m.head_start, 2)]
        after = _words_after(text, m.end, 1)
        if any(w in DEMONSTRATIVES for w in before) or (after and after[0] in ("هذا", "هذه")):
            return True
        cued = any(w in rx["anaphora_cues"] for w in before)
        if _bare(m.word.split()[0]) in rx["anaphora_only"]:
            return cued
        definite = _is_definite(m.word) or _is_definite(text[m.head_start:m.end])
        names_someone = any(m.end <= c.start <= m.end + 3 for c in ann.countries) or (
            re.match(r"\s*(?:بين|مع)\s", text[m.end:]) and any(m.end <= c.start <= m.end + 30 for c in ann.countries))
        has_ordinal = m.type != "conference" and ordinal_after(text, m.head_start) is not None
        return cued and definite and not has_ordinal and not names_someone

    def _is_anchored(self, ann: Annotated, m: Mention) -> bool:
        """Something makes the mention an actual event: a verb, a date, an ordinal, a venue, a counterpart."""
        rx = _rx()
        text = ann.text
        word = m.word
        bare = _bare(word.split()[0])
        if " مع" in word and len(word) > 12:  # "بحث الدكتور … مع نائب رئيس الوزراء": someone must be named
            return any(m.start < p.start <= m.end + 5 and not p.counterpart or m.end - 5 <= p.start <= m.end + 5
                       for p in ann.persons)
        if bare in VERB_TRIGGERS or word.strip() in VERB_TRIGGERS:
            if bare in ARRIVAL_VERBS:  # "وصل" is also "reached" (trade reached…): someone must arrive
                return any(0 <= p.start - m.end < 40 for p in ann.persons)
            return True
        if m.type in ("phone_call", "video_call"):
            return True
        before = [_bare(w) for w in _words_before(text, m.head_start, 3)]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        if any(w in rx["holding"] for w in before) or (leading and _bare(leading[0]) in rx["holding"]):
            return True  # "عقد … اجتماعا", verb-first sentences ("تلقى الوزير … اتصالا")
        if m.type != "conference" and ordinal_after(text, m.head_start) is not None:
            return True
        if "هامش" in before[-2:] or rx["future"].search(" ".join(_words_after(text, m.end, 6))):
            return True  # "على هامش …", "قمة منظمة الدول التركية المقرر عقدها …"
        if re.match(r"\s*(?:بين|مع)\s", text[m.end:]):  # "اجتماع بين …", "محادثاته مع …"
            return True
        if re.search(r"(?:ه|ها|هما)$", word) and any(0 <= p.start - m.end <= 5 and not p.counterpart for p in ann.persons):
            return True  # "خلال استقباله وزير خارجية تركمانستان"
        if m.type == "visit" and re.search(r"(?:الي|ل)\S*", " ".join(_words_after(text, m.end, 3))) and any(
                0 <= c.start - m.end <= 60 for c in [*ann.countries, *ann.cities]):
            return True  # "زيارة … إلى تركمانستان"
        return any(m.end <= d.start <= m.end + 40 and (d.is_absolute or d.relative) for d in ann.dates)

    def _stretch_start(self, ann: Annotated, m: Mention) -> int:
        """Where the text leading to this mention begins: the previous mention's end, or the sentence start."""
        ends = [f.end for f in self._mentions_cache.get(id(ann), []) if f.end <= m.head_start]
        return max(ends) if ends else 0

    @staticmethod
    def _clause_end(text: str, pos: int) -> int:
        m = re.compile(r"[،,:؛.]").search(text, pos)
        return m.start() if m else len(text)

    # ---- frame arguments ---------------------------------------------------------
    def _clauses(self, ann: Annotated, events: list[Mention]) -> list[tuple[int, int]]:
        """Each event's clause: split the sentence between consecutive events."""
        text = ann.text
        spans = []
        starts = [0]
        for prev, cur in zip(events, events[1:]):
            gap_start = prev.end
            boundary = cur.head_start
            for m in re.finditer(r"،|(?<!\w)و(?=[سيتاأ]\w{2,})", text[gap_start:cur.head_start]):
                boundary = gap_start + m.start()
            starts.append(boundary)
        ends = starts[1:] + [len(text)]
        for s, e in zip(starts, ends):
            spans.append((s, e))
        return spans

    def _cut(self, text: str, end: int, after: int) -> int:
        """Where the participants' part of a clause ends: before the topic, the source or a new clause."""
        rx = _rx()
        for pattern in (rx["reporting_cut"], rx["topic_cut"], NEW_CLAUSE):
            m = pattern.search(text, after, end)
            if m:
                end = min(end, m.start())
        return end

    def _countries_in(self, ann: Annotated, start: int, end: int, venues_count: bool = True) -> set[str]:
        """States named in a span: names, nationality adjectives, capitals, leaders, people's countries.
        With `venues_count=False` a capital named only as the place ("في موسكو") is not a participant."""
        found = set()
        for c in ann.countries:
            if start <= c.start < end and (venues_count or not _is_venue(ann.text, c.start, c.kind)):
                found.update(c.iso3)
        for p in ann.persons:
            if start <= p.start < end:
                if p.country:
                    found.add(p.country)
                found.update(p.plural_countries)
        return found

    def _resolve_persons(self, ann: Annotated, start: int, end: int, countries: set[str]) -> list[dict]:
        """Participants named in a span: titles, counterparts ("نظيره"), groups ("وزيرا خارجية البلدين"),
        people known from earlier in the article; short names take the full name they were given before."""
        out: list[dict] = []
        last_role = None
        for p in ann.persons:
            if not (start <= p.start < end):
                continue
            if p.counterpart:
                if p.country:
                    out.append({"name_ar": None, "role": last_role or "foreign_minister", "country": p.country})
                continue
            last_role = p.role
            if p.plural:
                group = p.plural_countries or (tuple(sorted(countries)) if len(countries) == 2 else ())
                out.extend({"name_ar": None, "role": p.role, "country": c} for c in group)
                continue
            name, country = p.name, p.country
            known = self._known_person(p.name_norm) if p.name_norm else None
            if known is not None:
                country = country or known.country
                if known.name_norm != p.name_norm and known.country == country:
                    name = known.name
            elif name is None and country:
                name = self._only_known(p.role, country)
            out.append({"name_ar": name, "role": p.role, "country": country})
        return _without_unnamed_repeats(out)

    def _only_known(self, role: str, country: str) -> str | None:
        """The name of the one person the article already named with this role and country, if exactly one."""
        names = {p.name for p in self.known_persons.values() if p.role == role and p.country == country and p.name}
        return names.pop() if len(names) == 1 else None

    def _known_person(self, name_norm: str) -> Person | None:
        """The person of the article this name (or part of a name) refers to; the latest one on ties."""
        words = set(name_norm.split())
        fuller = [(len(key.split()), order, person) for order, (key, person) in enumerate(self.known_persons.items())
                  if words and words <= set(key.split())]
        return max(fuller, key=lambda t: t[:2])[2] if fuller else None

    def _remember_persons(self, ann: Annotated) -> None:
        for p in ann.persons:
            if p.name_norm and p.country:
                self.known_persons.pop(p.name_norm, None)
                self.known_persons[p.name_norm] = p  # insertion order = latest mention last

    def _person_countries(self, ann: Annotated, start: int, end: int) -> set[str]:
        """Countries of known people named (by part of their name) inside a span."""
        found = set()
        tokens = [t.text for t in ann.sentence.tokens if start <= t.start < end]
        joined = " " + " ".join(tokens) + " "
        for key, person in self.known_persons.items():
            parts = key.split()
            if any(f" {w} " in joined for w in parts if len(w) > 2 and w not in ("محمد", "بن", "عبد")):
                found.add(person.country)
        return found

    def _date_for(self, ann: Annotated, start: int, end: int, anchor: int) -> tuple[str | None, DateMention | None]:
        rx = _rx()
        best = None
        for d in ann.dates:
            if not (start <= d.start < end):
                continue
            if rx["own_date"].search(" ".join(_words_before(ann.text, d.start, 2))):
                continue
            if d.precision == "year" and d.relative is None and d.year_shift is None:
                continue
            if best is None or abs(d.start - anchor) < abs(best.start - anchor):
                best = d
        return (resolve(best, self.reference) if best else None), best

    def _location(self, ann: Annotated, start: int, end: int, m: Mention, anaphor: bool = False) -> tuple[str | None, str | None]:
        text = ann.text
        cities = [c for c in ann.cities if start <= c.start < end]
        if anaphor:
            cities = [c for c in cities if re.search(r"(?<!\w)(?:جري|جرت|عقد|عقدت|انعقد|انعقدت|تم)(?!\w)", text[start:c.start])]
        elif not cities:
            cities = [c for c in ann.cities if c.start >= m.end and c.start < self._reporting_end(text, m.end, len(text))]
        if cities:
            placed = [c for c in cities if c.start >= m.start] or [
                c for c in cities if _is_venue(text, c.start, "capital")]  # "الدوحة – أجرى", "في بغداد، استقبل"
            if placed:
                return placed[0].city, placed[0].iso3
        if self.dateline_city and re.search(r"(?<!\w)هنا(?!\w)", text[start:end]):
            return self.dateline_city
        for c in ann.countries:
            if start <= c.start < end and c.start >= m.end and c.kind in ("name", "longform", "nisba"):
                before = text[max(start, c.start - 25):c.start]
                if re.search(r"(?:(?<!\w)(?:في|الي|ب)\s*\S*$)|(?:مبني|مقر|قصر)\s+\S+\s+\S+\s*$", before) or \
                        (m.type == "visit" and re.search(r"(?<!\w)(?:الي|ل)\S*$", before + text[c.start:c.start + 2])):
                    if c.kind == "nisba" and not re.search(r"(?:مبني|مقر|العاصمه|المدينه|وزاره)", before):
                        continue
                    return None, c.iso3[0]
        return None, None

    def _status(self, ann: Annotated, m: Mention, start: int, end: int, when: str | None) -> str:
        rx = _rx()
        text = ann.text
        if m.word.strip().lstrip("وف").startswith(("سي", "ست")) or any(
                w.startswith(("سي", "ست")) and w in rx["holding"] for w in _words_before(text, m.head_start, 3)):
            return "planned"
        near = text[max(start, m.head_start - 30):min(end, m.end + 40)]
        if rx["future"].search(near) or any(FUTURE_VERB.match(w) for w in re.findall(r"\w+", text[start:m.head_start])):
            return "planned"
        if when and self.reference and to_date(when) and to_date(when) > self.reference:
            return "planned"
        if FUTURE_TIME.search(text, start, end):
            return "planned"
        return "held"

    # ---- the main loop ------------------------------------------------------------
    def run(self) -> None:
        titles: list[tuple[Annotated, Mention, set[str]]] = []
        for ann in self.annotated:
            kind = ann.sentence.kind
            sentence_countries = {i for c in ann.countries if c.kind != "region" for i in c.iso3}
            if kind in (HEADLINE, HEADING):
                for m in self._mentions(ann):
                    if self._classify(ann, m, is_title=True):
                        titles.append((ann, m, self._countries_in(ann, 0, len(ann.text))))
                if kind == HEADLINE and len(sentence_countries) >= 2:
                    self.salient = sentence_countries
                self._remember_persons(ann)
                continue
            if kind != BODY:
                continue
            self._remember_persons(ann)
            self._relate_meetings(ann)
            self._relate_agreements(ann, is_title=False)
            if len(sentence_countries) >= 2:
                self.salient = sentence_countries
        for ann, m, countries in titles:
            self._merge_title(ann, m, countries)
        for ann in self.annotated:
            if ann.sentence.kind in (HEADLINE, HEADING):
                self._relate_agreements(ann, is_title=True)
        self.meetings = [f for f in self.meetings if f.countries and not _domestic(f)]
        article_sectors = set()
        for ann in self.annotated:
            article_sectors |= sectors_in(ann)
        for a in self.agreements:
            if a.references >= 3:
                a.sectors = set(article_sectors)

    def _relate_meetings(self, ann: Annotated) -> None:
        text = ann.text
        classified = [(m, how) for m in self._mentions(ann) if (how := self._classify(ann, m, is_title=False))]
        if not classified and self.meetings and DELEGATION_HEAD.search(text):
            last = self.meetings[-1]  # "ترأس الجانب العراقي وكيل وزارة الخارجية …"
            _add_participants(last, self._resolve_persons(ann, 0, len(text), last.countries))
        clauses = self._clauses(ann, [m for m, _ in classified])
        subject = _Subject(set(), [])
        sentence_frames: list[MeetingFrame] = []
        for (m, how), (start, end) in zip(classified, clauses):
            if how == "anaphor":
                self._merge_anaphor(ann, m, start, self._cut(text, end, m.end), sentence_frames)
                continue
            frame, subject = self._event_frame(ann, m, start, end, subject, sentence_frames)
            target = self._same_event(frame)
            if target:
                self._absorb(target, frame)
            else:
                self.meetings.append(frame)
            sentence_frames.append(target or frame)

    def _event_frame(self, ann: Annotated, m: Mention, start: int, end: int, previous: "_Subject",
                     sentence_frames: list[MeetingFrame]) -> tuple[MeetingFrame, "_Subject"]:
        """The frame of one event mention, and the subject ("who") of its clause for the next clause."""
        text = ann.text
        cut = self._cut(text, end, m.end)  # who took part: before the topic ("لبحث …") and the source
        reported = self._reporting_end(text, start, end)  # when: anything before "وفقا لما أفادته …"
        countries = self._countries_in(ann, start, cut, venues_count=m.type in HOSTED_TYPES) \
            | self._person_countries(ann, start, cut)
        if DUALS.search(text[start:cut]) and len(countries) < 2 and len(self.salient) >= 2:
            countries |= self.salient  # "البلدين", "الرئيسين": the pair the article is about
        continues = bool(re.match(r"[\s،,]*و", text[start:m.end]))  # "… بزيارة …، والتقى مع …"
        if continues and len(countries) < 2:
            countries |= previous.countries
        if len(countries) < 2 and sentence_frames and m.type == "conference" and "هامش" in _words_before(text, m.head_start, 2):
            countries |= sentence_frames[-1].countries  # the conference on whose sidelines the meeting was held
        if len(countries) < 2 and sentence_frames and m.type == "visit":
            countries |= sentence_frames[-1].countries  # "مباحثات مع الرئيس …، الذي يقوم بزيارة دولة للصين"
        when, _ = self._date_for(ann, start, reported, m.start)
        status = self._status(ann, m, start, end, when)
        participants = self._resolve_persons(ann, start, reported, countries)
        if continues and not any(start <= p.start < m.start for p in ann.persons):
            participants = previous.people + participants
        city, where = self._location(ann, start, cut, m)
        if not city and not where and self.dateline_city and status == "held" and when and when == self.published:
            city, where = self.dateline_city  # "عشق آباد، 15 يناير (…) – استقبل … اليوم"
        host = next((f for f in sentence_frames if f.type == "visit" and f.location_city), None)
        if host and not city and m.type != "visit":
            city, where = host.location_city, host.location_country
        evidence, ev_start, ev_end = self._evidence(ann, start, cut)
        frame = MeetingFrame(m.type, status, when, set(countries), set(countries),
                             {o.code for o in ann.organizations if start <= o.start < cut}, city, where, participants,
                             ordinal_after(text, m.head_start) or self._own_round(text, start, end),
                             evidence, ev_start, ev_end, ann.sentence.index,
                             person_names={p["name_ar"] for p in participants if p["name_ar"]})
        subject_end = m.start if m.start > start + 3 else cut
        with_ = re.search(r"(?<!\w)مع(?!\w)", text[start:cut])
        if with_:
            subject_end = min(subject_end, start + with_.start())
        subject = _Subject(self._countries_in(ann, start, subject_end) | self._person_countries(ann, start, subject_end),
                           self._resolve_persons(ann, start, subject_end, countries))
        return frame, subject

    @staticmethod
    def _evidence(ann: Annotated, start: int, end: int) -> tuple[str, int, int]:
        """The original text of a normalised span, trimmed of edge punctuation, with its offsets."""
        s, e = ann.sentence.norm.span_to_original(start, end)
        raw = ann.sentence.text[s - ann.sentence.start:e - ann.sentence.start]
        lead = len(raw) - len(raw.lstrip(" ،,.:-–"))
        evidence = raw.strip(" ،,.:-–")
        return evidence, s + lead, s + lead + len(evidence)

    @staticmethod
    def _own_round(text: str, start: int, end: int) -> int | None:
        """"عقدت اللجنة … اجتماعها العاشر": the ordinal of the body's own session."""
        m = re.search(r"(?<!\w)(?:اجتماعها|اجتماعه|دورتها|دورته|جولتها|جولته|جلستها|جلسته)(?!\w)", text[start:end])
        return ordinal_after(text, start + m.start()) if m else None

    def _reporting_end(self, text: str, start: int, end: int) -> int:
        m = _rx()["reporting_cut"].search(text, start, end)
        return m.start() if m else end

    def _same_event(self, frame: MeetingFrame) -> MeetingFrame | None:
        for other in reversed(self.meetings):
            if other.type != frame.type or other.status != frame.status:
                continue
            if other.date and frame.date and not _date_compatible(other.date, frame.date):
                continue
            if frame.round is not None and frame.round == other.round:
                return other
            if frame.type == "visit" and (not frame.countries or frame.countries <= other.countries) and (
                    not frame.date or not other.date or frame.date == other.date) and not (
                    frame.person_names and other.person_names and not frame.person_names & other.person_names):
                return other
        return None

    @staticmethod
    def _absorb(target: MeetingFrame, frame: MeetingFrame) -> None:
        target.countries |= frame.countries
        target.organizations |= frame.organizations
        target.date = target.date or frame.date
        target.location_city = target.location_city or frame.location_city
        target.location_country = target.location_country or frame.location_country
        target.round = target.round or frame.round
        _add_participants(target, frame.participants)

    def _merge_anaphor(self, ann: Annotated, m: Mention, start: int, cut: int, sentence_frames: list[MeetingFrame]) -> None:
        if not self.meetings:
            return
        generic = m.type == "talks" or _bare(m.word) in _rx()["anaphora_only"]
        target = None
        for f in reversed(sentence_frames + self.meetings):
            if generic and f.type != "visit" or f.type == m.type:
                target = f
                break
        target = target or self.meetings[-1]
        if target.type == "talks" and m.type in ("phone_call", "video_call"):
            target.type = m.type  # "بحث الرئيس … مع نظيره … جاء ذلك خلال اتصال هاتفي"
        sentence_frames.append(target)
        text = ann.text
        added = {p.country for p in ann.persons if start <= p.start < cut and p.country and not p.counterpart}
        for p in ann.persons:
            if start <= p.start < cut and p.counterpart and p.country:
                added.add(p.country)
        for b in BETWEEN.finditer(text, start, cut):
            pair = [c for c in ann.countries if b.end() <= c.start <= b.end() + 40]
            if len(pair) >= 2:
                added.update(i for c in pair[:2] for i in c.iso3)
        target.countries |= added
        target.organizations |= {o.code for o in ann.organizations if start <= o.start < cut}
        city, where = self._location(ann, start, cut, m, anaphor=True)
        target.location_city = target.location_city or city
        target.location_country = target.location_country or where
        _add_participants(target, self._resolve_persons(ann, start, cut, target.countries))

    def _merge_title(self, ann: Annotated, m: Mention, countries: set[str]) -> None:
        for f in self.meetings:
            compatible_type = f.type == m.type or m.type == "talks" and f.type != "visit" or \
                SPECIFICITY[m.type] < SPECIFICITY[f.type] and f.type != "visit"
            if compatible_type and (not countries or countries <= f.countries or _jaccard(countries, f.countries) >= 0.5):
                f.from_headline = True
                return
        if ann.sentence.kind != HEADLINE or not countries:
            return
        when, _ = self._date_for(ann, 0, len(ann.text), m.start)
        s, e = ann.sentence.start, ann.sentence.end
        self.meetings.insert(0, MeetingFrame(m.type, self._status(ann, m, 0, len(ann.text), when), when, set(countries),
                                             set(countries), set(), None, None,
                                             self._resolve_persons(ann, 0, len(ann.text), countries),
                                             ordinal_after(ann.text, m.head_start), ann.sentence.text, s, e,
                                             ann.sentence.index, from_headline=True))

    # ---- agreements -----------------------------------------------------------------
    def _main_meeting(self) -> MeetingFrame | None:
        """The article's first-reported held meeting: the event its documents were signed at."""
        held = [f for f in self.meetings if f.status == "held"]
        return min(held, key=lambda f: f.sentence) if held else None

    def _agreement_mentions(self, ann: Annotated) -> list[tuple[str, int, int, str]]:
        rx = _rx()
        text = ann.text
        plural = [(m.start(), m.end()) for m in rx["ag_plural"].finditer(text)]
        not_docs = [(m.start(), m.end()) for m in rx["not_documents"].finditer(text)]
        found = []
        for kind, pattern in rx["agreement"]:
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(a <= s < b for a, b in plural + not_docs) or any(f[1] <= s < f[2] for f in found):
                    continue
                if any(o.start <= s < o.end for o in ann.organizations):
                    continue
                qual = rx["qualified"].get(kind)
                if qual is not None:
                    nxt = " ".join(_words_after(text, e, 3))
                    signed_before = rx["signed"].search(" ".join(_words_before(text, s, 3)))
                    if kind == "contract":
                        if not signed_before or re.match(r"\s*(?:اجتماع|لقاء|جلسه|مباحثات|مشاورات|الاجتماع|اللقاء)", text[e:]):
                            continue
                    elif qual and not (any(nxt.startswith(q) for q in qual) or signed_before):
                        if not (_bare(m.group("w")) in rx["ag_anaphora"] or m.group("w") in rx["ag_anaphora"]):
                            continue
                found.append((kind, s, e, m.group("w")))
        for m in rx["document_anaphor"].finditer(text):
            found.append(("document", m.start(), m.end(), m.group()))
        return sorted(found, key=lambda f: f[1])

    def _relate_agreements(self, ann: Annotated, is_title: bool) -> None:
        rx = _rx()
        text = ann.text
        mentions = self._agreement_mentions(ann)
        list_status = None
        for i, (kind, s, e, word) in enumerate(mentions):
            nxt_start = mentions[i + 1][1] if i + 1 < len(mentions) else len(text)
            title_end = self._title_end(text, e, nxt_start)
            title_norm = text[s:title_end].strip()
            named = len(re.findall(r"\w+", text[e:title_end])) >= 2 and not re.match(
                r"\s*(?:الموقع|الثنايي|المشترك)?\s*(?:بين (?:الجانبين|البلدين|الطرفين))?\s*$", text[e:title_end])
            before = " ".join(_words_before(text, s, 12))
            own = rx["own_date"].search(text, title_end, min(len(text), title_end + 20))
            own_date = next((d for d in ann.dates if own and own.start() <= d.start <= own.end() + 3), None)
            status = None
            if own_date and own_date.is_absolute:
                status = "referenced"
            elif rx["planned"].search(" ".join(_words_before(text, s, 4))) or rx["future"].search(before) \
                    or any(FUTURE_VERB.match(w) for w in _words_before(text, s, 6)):
                status = "planned"  # "ومن المقرر أن يتم خلال الزيارة توقيع اتفاقية", "سيتم التوقيع على …"
            elif rx["referenced"].search(" ".join(_words_before(text, s, 3))) or re.match(r"\s*\S*\s*(?:الموقعه|الموقع)?\s*سابقا", text[title_end:]):
                status = "referenced"
            elif rx["signed"].search(before) or re.match(r"\s*(?:الذي|التي)\s+تم\s+توقيع", text[title_end:]) or \
                    re.match(r"\s*(?:الموقع|الموقعه)(?!\s+في)", text[title_end:]):
                status = "signed"
            elif list_status and re.search(r"(?:،|\s)و?$", text[:s]):
                status = list_status
            anaphoric = kind == "document" or (not named and (word in rx["ag_anaphora"] or _bare(word) in rx["ag_anaphora"]
                                                              or "هذه" in _words_before(text, s, 1) or "هذا" in _words_before(text, s, 1)))
            if anaphoric:
                target = self._agreement_antecedent(kind, word)
                if target:
                    target.references += 1
                    target.sectors |= sectors_in(ann) if kind in ("document", "declaration", "joint_statement") else set()
                    continue
                if kind == "document":
                    continue
            if status is None:
                continue
            list_status = status
            parties = self._parties(ann, s, title_end)
            when = None
            if status == "referenced" and own_date:
                when = resolve(own_date, self.reference)
            else:
                when, _ = self._date_for(ann, 0, self._reporting_end(text, 0, len(text)), s)
                main = self._main_meeting()
                if when is None and status == "signed" and main is not None:
                    when = main.date
            o_s, o_e = ann.sentence.norm.span_to_original(s, title_end)
            title = ann.sentence.text[o_s - ann.sentence.start:o_e - ann.sentence.start].strip(" ،,.:\"“”")
            frame = AgreementFrame(kind, status, when, parties, sectors_in(ann, s, title_end), title, title_norm,
                                   ann.sentence.text, ann.sentence.start, ann.sentence.end, ann.sentence.index,
                                   named, from_headline=is_title)
            target = self._same_agreement(frame)
            if target:
                target.sectors |= frame.sectors
                target.date = target.date or frame.date
                if len(frame.title_ar) > len(target.title_ar) and target.from_headline:
                    target.title_ar = frame.title_ar
                continue
            if is_title and (ann.sentence.kind == HEADING or any(not a.from_headline for a in self.agreements)):
                continue
            self.agreements.append(frame)

    def _title_end(self, text: str, after: int, limit: int) -> int:
        rx = _rx()
        end = limit
        for pattern in (rx["own_date"], re.compile(r"(?<!\w)(?:الذي|التي|والتي|حيث|وذلك|وكذلك)(?!\w)|[.:؛]|،\s*(?:و|كما)")):
            m = pattern.search(text, after, end)
            if m:
                end = m.start()
        words = list(re.finditer(r"\w+", text[after:end]))
        if len(words) > 18:
            end = after + words[17].end()
        if end > after and text[end - 1:end] == "و":
            end -= 1
        return end

    def _parties(self, ann: Annotated, start: int, end: int) -> set[str]:
        parties = self._countries_in(ann, start, end)
        if len(parties) < 2:
            sentence_end = self._reporting_end(ann.text, 0, len(ann.text))
            parties |= self._countries_in(ann, 0, sentence_end)
        if len(parties) < 2:
            main = self._main_meeting()
            base = main.core_countries if main else self.salient
            if not parties or parties <= base:
                parties = set(base) | parties
        return parties

    def _agreement_antecedent(self, kind: str, word: str) -> AgreementFrame | None:
        generic = kind in ("document", "declaration", "joint_statement")
        for a in reversed(self.agreements):
            if a.type == kind or generic and a.status == "signed" or ("هذه" in word or "هذا" in word):
                return a
        if generic:
            return next((a for a in reversed(self.agreements) if a.status == "signed"), None)
        return self.agreements[-1] if self.agreements and kind == "agreement" else None

    def _same_agreement(self, frame: AgreementFrame) -> AgreementFrame | None:
        for other in reversed(self.agreements):
            if other.type != frame.type or other.sentence == frame.sentence and not frame.from_headline:
                continue
            if other.date and frame.date and other.date != frame.date:
                continue
            if not frame.named or not other.named or _overlap(frame.title_norm, other.title_norm) >= 0.5 or (
                    frame.sectors and frame.sectors == other.sectors):
                return other
        return None


def _is_venue(text: str, start: int, kind: str) -> bool:
    """A capital named as the place of the event ("في موسكو", "ببغداد", "في العاصمة الروسية موسكو")."""
    if kind != "capital":
        return False
    token = re.match(r"\w+", text[start:])
    if token and token.group().startswith(("ب", "وب")) and not token.group().startswith("بكين"):
        return True
    if not text[:start].strip() and re.match(r"[\w\s]*?\s*[،,]?\s*[–—-]", text[start:start + 30]):
        return True  # a dateline: "الدوحة – أجرى أمير دولة قطر …"
    return bool(VENUE_BEFORE.search(text[max(0, start - 30):start]))


def _domestic(frame: MeetingFrame) -> bool:
    """Talks among one state's own bodies or officials (a cabinet or bank session): no foreign party is
    present or implied (an unnamed minister or a counterpart "نظيره" would be)."""
    if frame.type != "talks" or len(frame.countries) != 1 or frame.organizations:
        return False
    return all(p["country"] in frame.countries for p in frame.participants)  # also: nobody named at all


def _joinable(gap: str) -> bool:
    """Whether two trigger words this far apart name one event ("الجولة الرابعة من المشاورات")."""
    return len(gap.split()) <= 3 and not _PUNCT.search(gap) and not re.search(
        r"(?<!\w)(?:علي|في|خلال|بين|مع|هامش|عقب|بعد|قبل)(?!\w)", gap)


def _overlap(a: str, b: str) -> float:
    wa = {w for w in re.findall(r"\w+", a) if len(w) > 2}
    wb = {w for w in re.findall(r"\w+", b) if len(w) > 2}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _date_compatible(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _without_unnamed_repeats(people: list[dict]) -> list[dict]:
    """Drop an unnamed participant when a named one holds the same role (and country, if it has one)."""
    named = [p for p in people if p["name_ar"]]
    return [p for p in people if p["name_ar"] or not any(
        q["role"] == p["role"] and (p["country"] is None or q["country"] == p["country"]) for q in named)]


def _add_participants(frame: MeetingFrame, people: list[dict]) -> None:
    for p in people:
        same = next((q for q in frame.participants if p["name_ar"] and q["name_ar"] and (
            norm(p["name_ar"]) in norm(q["name_ar"]) or norm(q["name_ar"]) in norm(p["name_ar"]))), None)
        if same:
            same["country"] = same["country"] or p["country"]
            if ROLE_RANK.index(p["role"]) > ROLE_RANK.index(same["role"]) and same["role"] == "official":
                same["role"] = p["role"]
            continue
        if not p["name_ar"] and any(q["role"] == p["role"] and q["country"] == p["country"] for q in frame.participants):
            continue
        frame.participants.append(p)
        if p["name_ar"]:
            frame.person_names.add(p["name_ar"])
    frame.participants[:] = _without_unnamed_repeats(frame.participants)
