"""Meeting mentions: trigger words in a sentence, their type, and whether each reports an event,
points back to one (an anaphor) or is generic talk; the status the clause gives an event."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import to_date
from ..lexicon import compile_words, load
from ..normalise import norm
from ..recognise import Annotated, ordinal_after
from ..scan import OnePass
from .arguments import Arguments
from .clauses import FUTURE_TIME, FUTURE_VERB, NEW_CLAUSE, bare, clause_end, cues, is_definite, joinable, typed_triggers, words_after, words_before
from .documents.vocabulary import vocabulary
from .frames import Mention

RELATIVE_HOLDING = re.compile(r"(?:\s+\w+){0,2}?\s+(?:الذي|التي)\s+(?:[يتس]*(?:عقد|عقدت|استضاف|ستضيف|ستضيفه|ستضيفها|"
                              r"جري|جرت|انعقد|انعقدت|نظم|نظمت|نظمه|نظمها)\w*)(?!\w)")
RELATIVE_VERB = re.compile(r"(?:\s+\w+){0,3}?\s+(?:الذي|التي|اللذين|اللتين)\s+(\w+)")
BREAK = re.compile(r"[،,:؛;.!?؟()\-–—]")
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك"}
INVITATION_WORDS = {"دعا", "دعت", "دعوه", "الدعوه", "دعوته", "نتطلع", "يتطلع"}
PLACE_NOUN = re.compile(r"ال(?:عاصمه|مدينه|جمهوريه|مملكه|دوله)")  # an arrival's destination named after it
ARRIVAL_VERBS = {"وصل", "وصلت", "يصل", "سيصل", "حل", "حلت", "يحل", "سيحل"}  # "حل بالجزائر": arrived in
# Triggers that are verbs (the conjugated talks and visit verbs of the data, and these): an event as they stand.
VERB_TRIGGERS = {*ARRIVAL_VERBS, "بحث مع", "بحث", "ناقش", "استعرض", "بحثا", "هاتفيا"} | {
    norm(f) for kind in ("talks", "visit") for f in load().triggers["meeting"]["verb_forms"].get(kind, ())}
TYPES = ("phone_call", "video_call", "consultations", "joint_commission", "summit", "conference", "visit", "talks")
# Between a discussion verb and the event it took place in: its subject at most ("بحث الوزيران خلال اتصال …").
DURING_GAP = re.compile(r"(?:\s+[^\s،,:؛.()]+){0,8}?\s+(?:في|خلال)\s+")
SPECIFICITY = {"talks": 0, "visit": 1, "conference": 2, "consultations": 3, "joint_commission": 3, "summit": 4,
               "phone_call": 4, "video_call": 4}


def _inflected_triggers(section: dict, types: list[str]) -> list[tuple[str, re.Pattern]]:
    """The trigger patterns of each type; a one-word form also with an attached pronoun."""
    suffixes = "|".join(section["pronoun_suffixes"])
    inflected = {}
    for kind in types:
        forms = [norm(p) for p in section[kind]]
        for form in list(forms):
            if re.fullmatch(r"\w{3,}", form) and not form.startswith("ال") and not form.endswith("ا"):
                forms.append((form[:-1] + "ت" if form.endswith("ه") else form) + f"(?:{suffixes})")
        inflected[kind] = forms
    return typed_triggers(inflected, types)


def unsuffixed(word: str) -> str:
    """The trigger word without an attached pronoun ("استقبلها" → "استقبل", "زيارته" → "زياره")."""
    m = meeting_rx()["suffix"].search(word)
    if not m or len(word) - len(m.group()) < 3:
        return word
    stem = word[:m.start()]
    return stem[:-1] + "ه" if stem.endswith("ت") and len(stem) >= 4 else stem


@lru_cache(maxsize=1)
def meeting_rx() -> dict:
    m = load().triggers["meeting"]
    prefix = r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)"
    meeting = _inflected_triggers(m, list(TYPES))
    return {
        **cues(),
        "meeting": meeting,
        "meeting_pass": OnePass([pattern for _, pattern in meeting]),  # all types' triggers in one scan
        "ceremony": compile_words(m["ceremonies"]),
        "not_triggers": {norm(w) for w in m["not_trigger_words"]},
        "generic_heads": {norm(w) for w in m["generic_heads"]},
        "purpose": compile_words(m["purpose_cues"]),
        "future_lead": compile_words(m["future_leads"]),
        "preparation": {norm(w) for w in m["preparation_nouns"]},
        "preparation_link": {norm(w) for w in m["preparation_links"]},
        "future_time": compile_words(m["future_times"]),
        "commitment": re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(sorted({norm(w) for w in m['commitment_cues']}, key=len, reverse=True))})"
                                 r"(?!\w)[^،.:؛]*\sعلي\s+(?:عقد|اجراء|تنظيم)\s+$"),
        "imperfect": {norm(f) for key in (*TYPES, "holding_verbs", "discussion_verbs", "contact_verbs")
                      for f in m["imperfect_forms"].get(key, ())},  # of the verbs of events, not of statements
        "title_cue": {norm(w) for w in m["title_cues"]},
        "guest": compile_words(m["guest_cues"]),
        "announcing": re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(sorted({norm(w) for w in m['announcing_cues']}, key=len, reverse=True))})"
                                 r"(?!\w)[^.:؛]{0,60}?\s(?:عن\s+)?(?:عقد|اجراء|تنظيم)\s+$"),
        "scheduled_after": re.compile(rf"(?<!\w)و?(?:{'|'.join(norm(w) for w in m['scheduled_after'])})\s+"
                                      rf"(?:{'|'.join(norm(w) for w in m['scheduled_nouns'])})(?!\w)"),
        "domestic_body": compile_words(m["domestic_bodies"]),
        "discussion": {norm(w) for w in m["discussion_verbs"]},
        "content": compile_words(m["content_verbs"]),
        "statement": compile_words(m["statement_verbs"]),
        "pronoun_titles": compile_words(m["pronoun_titles"]),
        "each_of": compile_words(m["each_of"]),
        "sequence": compile_words(m["place_sequence"]),
        "list_goes_on": re.compile(rf"\s*(?:{'|'.join(norm(w) for w in m['list_continues'])})(?!\w)"),
        "suffix": re.compile(rf"(?:{'|'.join(sorted(m['pronoun_suffixes'], key=len, reverse=True))})$"),
        "generic_head": re.compile(rf"{prefix}(?:{'|'.join(norm(w) for w in m['generic_heads'])})(?!\w)"),
        "anaphora_only": {norm(w) for w in m["anaphora_only"]},
        "plural": compile_words(m["plural"]),
        "not_meetings": compile_words(m["not_meetings"]),
        "holding": {norm(w) for w in m["holding_verbs"]},
        "anaphora_cues": {norm(w) for w in m["anaphora_cues"]} | {"هامش"},
        "non_event": {norm(w) for w in m["non_event_cues"]},
        "summit": compile_words(m["summit_cues"]),
    }


# Documents that regulate a subject (a statement "of" a meeting records it; "عقد" is also "held").
_REGULATING = ("memorandum_of_understanding", "agreement", "treaty", "protocol")


def _in_a_document_title(text: str, start: int) -> bool:
    """Whether the event noun at `start` is the subject of a document named just before it, inside its title
    ("مذكرة تفاهم بشأن المشاورات السياسية", "اتفاقية لإجراء مشاورات …"): no clause break in between."""
    window = max(0, start - 60)
    v = vocabulary()
    ends = [m.end() for kind, _, pattern in v.heads if kind in _REGULATING
            for m in pattern.finditer(text, window, start) if m.group("w") not in v.event_records]
    if not ends:
        return False
    gap = text[max(ends):start]
    return not re.search(r"[،,.:؛]|(?<!\w)(?:و|ثم|كما)(?!\w)", gap) and len(gap.split()) <= 4 and (
        bool(re.search(r"(?<!\w)(?:بشان|حول|حيال|لاجراء|لتنظيم|في مجال)(?!\w)", gap)) or text[start] == "ل")


class MentionFinder(Arguments):
    """Finds and classifies the meeting mentions of a sentence."""

    _mentions_cache: dict[int, list[Mention]]

    def _mentions(self, ann: Annotated) -> list[Mention]:
        """The sentence's meeting mentions, found once (the reference date may ask before the stage does)."""
        if id(ann) in self._mentions_cache:
            return self._mentions_cache[id(ann)]
        rx = meeting_rx()
        text = ann.text
        blocked = [(m.start(), m.end()) for m in rx["not_meetings"].finditer(text)]
        blocked += [(o.start, o.end) for o in ann.organizations]
        found: list[Mention] = []
        for (kind, _), hits in zip(rx["meeting"], rx["meeting_pass"].finditer_each(text)):
            for m in hits:
                s, e = m.start, m.end
                if any(a <= s < b for a, b in blocked) or any(f.start <= s < f.end for f in found):
                    continue
                if m.text in rx["not_triggers"]:
                    continue  # "فيصل" is a name, not ف + يصل
                if _in_a_document_title(text, s):
                    continue  # "مذكرة تفاهم للمشاورات السياسية": the document's subject
                found.append(Mention(kind, s, e, m.text, s, conjoined=m.text[:1] in "وف" and m.groups["w"][0] > s))
        leaders = {p.country for p in ann.persons if p.country and p.role in ("head_of_state", "head_of_government")}
        if len(leaders) >= 2:  # "ترأس الملك والعاهل الإسباني حفل توقيع …": leaders of several states at one ceremony
            for c in rx["ceremony"].finditer(text):
                if not any(f.start <= c.start() < f.end or c.start() <= f.start < c.end() for f in found):
                    found.append(Mention("summit" if len(leaders) >= 3 else "talks", c.start(), c.end(), c.group(),
                                         c.start()))
        found.sort(key=lambda f: f.start)
        merged: list[Mention] = []
        heads = rx["generic_heads"]
        for f in found:
            prev = merged[-1] if merged else None
            gap = text[prev.end:f.start] if prev else ""
            if prev and unsuffixed(bare(f.word)) in heads and f.word != unsuffixed(f.word) and not BREAK.search(gap):
                continue  # "عقدت اللجنة … اجتماعها العاشر": the body's own session
            if prev and prev.type == f.type == "visit" and bare(prev.word) in ARRIVAL_VERBS and len(gap) < 100 \
                    and re.search(r"(?<!\w)في\s*$", gap) and not re.search(r"[.:؛]", gap):
                continue  # "وصل الرئيس … إلى هنا اليوم في زيارة …": one visit, in the arrival's clause
            if prev and re.sub(r"^[وف]", "", prev.word) in rx["discussion"] and DURING_GAP.fullmatch(gap) \
                    and SPECIFICITY[f.type] > SPECIFICITY[prev.type]:
                merged[-1] = Mention(f.type, prev.start, f.end, f.word, prev.head_start)
                continue  # "بحثا في مكالمتهما …": what they discussed in the call, one event
            if prev and joinable(gap) and (
                    prev.type == f.type or prev.type == "talks" and prev.word.strip("وفبلك") in heads
                    or {prev.type, f.type} == {"visit", "talks"} and "وصل" in prev.word):
                keep = f if SPECIFICITY[f.type] >= SPECIFICITY[prev.type] else prev
                merged[-1] = Mention(keep.type, prev.start, f.end, keep.word, prev.head_start)
                continue
            merged.append(f)
        for f in merged:
            head = None
            for h in rx["generic_head"].finditer(text[:f.start]):
                if joinable(text[h.end():f.start]):
                    head = h
            if head:
                f.head_start = head.start()
            after = text[f.end:f.end + 40]
            if f.type == "talks" and (re.match(r"\s*الوزاري(?!\w)", after)
                                      or any(0 <= o.start - f.end <= 25 for o in ann.organizations)):
                f.type = "conference"  # "الاجتماع الوزاري الخامس لـ…", "اجتماع … لمنظمة التعاون الإسلامي"
            clause_before = BREAK.split(text[max(0, f.start - 80):f.start])[-1]
            if f.type in ("talks", "consultations", "conference") and (
                    rx["summit"].search(text[f.start:f.end]) or rx["summit"].match(after.strip())
                    or rx["summit"].search(" ".join(words_after(text, f.end, 4)))
                    or f.word != unsuffixed(f.word) and rx["summit"].search(clause_before)):
                f.type = "summit"  # a meeting of leaders: "اجتماع رؤساء حكومات …", "عقد قادة دول … اجتماعهم"
        # "الدورة" is a session only of an organisation ("الدورة الـ79 للجمعية العامة للأمم المتحدة"), not a course
        merged = [f for f in merged if not (f.type == "conference" and bare(f.word) in ("دوره", "الدوره")
                                             and not any(0 <= o.start - f.end <= 30 for o in ann.organizations))]
        self._mentions_cache[id(ann)] = merged
        return merged

    def _classify(self, ann: Annotated, m: Mention, is_title: bool) -> str | None:
        """'event', 'anaphor' or None (generic talk, hopes, invitations, standing practice)."""
        if self._is_generic(ann, m):
            return None
        if self._prepared(ann.text, m):
            return "event"  # "التحضيرات لانعقاد اللجنة المشتركة": a coming session, not the one reported
        if self._is_anaphor(ann, m):
            return "anaphor"
        if bare(m.word.split()[0]) in meeting_rx()["anaphora_only"]:
            return None  # "الحدث" that refers back to nothing
        return "event" if is_title or self._is_anchored(ann, m) else None

    @staticmethod
    def _prepared(text: str, m: Mention) -> bool:
        """The event is what preparations are for: "التحضيرات لانعقاد اللجنة"."""
        rx = meeting_rx()
        before = words_before(text, m.head_start, 2)
        return len(before) == 2 and before[0] in rx["preparation"] and before[1] in rx["preparation_link"] or bool(
            before) and before[-1] in rx["preparation"] and re.match(r"[وف]?ل", text[m.head_start:m.end])  # "تحضيرا للاجتماع"

    def _is_generic(self, ann: Annotated, m: Mention) -> bool:
        """Plural talk about meetings, invitations and hopes, regular practice: no meeting is reported."""
        rx = meeting_rx()
        text = ann.text
        if rx["plural"].search(text[m.head_start:m.end + 10]) and not any(
                m.end <= d.start < m.end + 20 for d in ann.dates):
            return True
        raw_before = words_before(text, m.head_start, 3)
        if raw_before and raw_before[-1] in rx["title_cue"]:
            return True  # "تحت عنوان «المشاورات السياسية …»": a title
        before = [bare(w) for w in raw_before]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        if any(w in rx["non_event"] for w in before) or any(w in INVITATION_WORDS for w in leading):
            return True
        following = re.findall(r"\w+", text[m.end:clause_end(text, m.end)])[:8]
        if any(w in rx["non_event"] for w in following):
            return True
        start = self._stretch_start(ann, m)
        end = clause_end(text, m.end)
        return bool(rx["commitment"].search(text, start, m.head_start)) and not any(  # a commitment, neither dated
            start <= d.start < end for d in ann.dates) and not any(start <= c.start < end for c in ann.cities)  # nor placed

    def _is_anaphor(self, ann: Annotated, m: Mention) -> bool:
        """"هذا اللقاء", "خلال الاجتماع": a definite mention that points back instead of naming an event."""
        rx = meeting_rx()
        text = ann.text
        before = [bare(w) for w in words_before(text, m.head_start, 2)]
        after = words_after(text, m.end, 1)
        if any(w in DEMONSTRATIVES for w in before) or (after and after[0] in ("هذا", "هذه")):
            return True
        cued = any(w in rx["anaphora_cues"] for w in before)
        if bare(m.word.split()[0]) in rx["anaphora_only"]:
            return cued
        definite = is_definite(m.word) or is_definite(text[m.head_start:m.end])
        names_someone = any(m.end <= c.start <= m.end + 3 for c in ann.countries) or (
            re.match(r"\s*(?:بين|مع)\s", text[m.end:]) and any(m.end <= c.start <= m.end + 30 for c in ann.countries))
        has_ordinal = m.type != "conference" and ordinal_after(text, m.head_start) is not None
        own_date = any(m.end <= d.start <= m.end + 80 and d.year is not None and d.is_absolute for d in ann.dates
                       if not BREAK.search(text, m.end, d.start) or RELATIVE_VERB.match(text, m.end))
        return cued and definite and not has_ordinal and not names_someone and not own_date  # "خلال الزيارة … في أغسطس 2015"

    def _is_anchored(self, ann: Annotated, m: Mention) -> bool:
        """Something makes the mention an actual event: a verb, a date, an ordinal, a venue, a counterpart."""
        rx = meeting_rx()
        text = ann.text
        word = m.word
        first = bare(word.split()[0])
        if " مع" in word and len(word) > 12:  # "بحث الدكتور … مع نائب رئيس الوزراء": someone must be named
            return any(m.start < p.start <= m.end + 5 and not p.counterpart or m.end - 5 <= p.start <= m.end + 5
                       for p in ann.persons)
        if first in VERB_TRIGGERS or word.strip() in VERB_TRIGGERS or unsuffixed(first) in VERB_TRIGGERS:
            if first in ARRIVAL_VERBS:  # "وصل" is also "reached" (trade reached…): someone must arrive at a place
                if re.match(r"[وف]?[بلك]", m.word) and m.word not in ARRIVAL_VERBS:
                    return False  # "لحل الأزمة" is no arrival
                place = re.match(r"(?:\s+\S+){0,8}?\s+(?:الي|لي)\s+(\S+)", text[m.end:m.end + 90])
                at = [c for c in [*ann.countries, *ann.cities] if m.end < c.start < m.end + 90 and text[c.start] == "ب"
                      and not re.search(r"[.:؛]", text[m.end:c.start])]  # "حل بالجزائر"
                if first.lstrip("وفس").startswith(("حل", "يحل")):
                    guest = [g for g in rx["guest"].finditer(text, m.end, min(len(text), m.end + 90))
                             if not re.search(r"[.:؛]", text[m.end:g.start()]) and any(
                                 0 <= c.start - g.end() <= 3 for c in [*ann.countries, *ann.cities])]
                    return bool(at or guest) and any(not p.counterpart for p in ann.persons)  # "حل ضيفا على تونس"
                if not any(not p.counterpart for p in ann.persons) and not self._person_countries(
                        ann, m.end, min(len(text), m.end + 30)):
                    return False  # someone must arrive ("ووصل ظريف" named before): "وصل المنتخب إلى الدوحة" is no visit
                return any(0 <= p.start - m.end < 40 for p in ann.persons) or bool(at) or bool(place) and (
                    place.group(1) == "هنا" or place.group(1) in load().epithets  # "وصل إلى المملكة"
                    or any(c.start == m.end + place.start(1) for c in [*ann.countries, *ann.cities])
                    or PLACE_NOUN.fullmatch(place.group(1)) and any(  # "إلى العاصمة الإثيوبية أديس أبابا"
                        0 < c.start - m.end - place.end(1) <= 25 for c in [*ann.countries, *ann.cities]))
            return True
        if m.type in ("phone_call", "video_call") or rx["ceremony"].fullmatch(word):
            return True  # a ceremony is only a mention when leaders of several states attend it
        raw = words_before(text, m.head_start, 3)
        before = [bare(w) for w in raw]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        leading = leading[1:] if leading and leading[0] in ("كما", "ثم", "قد", "وقد", "فيما", "بينما") else leading
        if any(w in rx["holding"] for w in before + raw) or (
                leading and (bare(leading[0]) in rx["holding"] or leading[0] in rx["holding"])):
            return True  # "عقد … اجتماعا", verb-first sentences ("تلقى الوزير … اتصالا")
        if m.type != "conference" and ordinal_after(text, m.head_start) is not None:  # "رئاسة مؤتمر الأطراف 29" is a name
            return True
        if "هامش" in before[-2:] or rx["future"].search(" ".join(words_after(text, m.end, 6))):
            return True  # "على هامش …", "قمة منظمة الدول التركية المقرر عقدها …"
        if re.match(r"\s*(?:\w+\s+)?(?:بين|مع)\s", text[m.end:]):  # "اجتماع بين …", "مباحثات ثنائية مع …"
            return True
        if RELATIVE_HOLDING.match(text, m.end):  # "الاجتماع الذي تستضيفه العاصمة", "القمة التي عقدت في …"
            return True
        if re.search(r"(?:ه|ها|هما)$", word) and any(0 <= p.start - m.end <= 5 and not p.counterpart for p in ann.persons):
            return True  # "خلال استقباله وزير خارجية تركمانستان"
        if m.type == "visit" and re.search(r"(?:الي|ل)\S*", " ".join(words_after(text, m.end, 3))) and any(
                0 <= c.start - m.end <= 60 for c in [*ann.countries, *ann.cities]):
            return True  # "زيارة … إلى تركمانستان"
        return any(m.end <= d.start <= m.end + 40 and (d.is_absolute or d.relative or d.month and m.word.endswith("هما"))
                   for d in ann.dates)  # "مباحثاتهما في 5 حزيران": their talks that day

    @staticmethod
    def present_tense(text: str, start: int, end: int) -> bool:
        """The clause's verb, among its first words, the trigger itself or the holding verb nearest before it, is a
        present ("يستقبل", "ويلتقي", "يقوم … بزيارة")."""
        words = re.findall(r"\w+", text[start:end])
        words = words[1:] if words and words[0] in ("كما", "ثم", "فيما", "بينما") else words
        rx = meeting_rx()
        imperfect, holding = rx["imperfect"], rx["holding"]
        nearest = [w for w in words[:-1] if w in holding or w[:1] in "وف" and w[1:] in holding][-1:]  # "يقوم … بزيارة"
        return any(w in imperfect or w[:1] in "وف" and w[1:] in imperfect for w in words[:3] + words[-1:] + nearest)

    def _stretch_start(self, ann: Annotated, m: Mention) -> int:
        """Where the text leading to this mention begins: the previous mention's end, or the sentence start."""
        ends = [f.end for f in self._mentions_cache.get(id(ann), []) if f.end <= m.head_start]
        return max(ends) if ends else 0

    def _status(self, ann: Annotated, m: Mention, start: int, end: int, when: str | None) -> str:
        rx = meeting_rx()
        text = ann.text
        undated = _without_dates(ann, start, m.head_start)  # "سيجري اليوم الاثنين 23 يناير، اتصالا"
        if m.word.strip().lstrip("وف").startswith(("سي", "ست")) or any(
                w.startswith(("سي", "ست")) and (w in rx["holding"] or w[1:] in rx["holding"])
                for w in words_before(undated, len(undated), 3)):
            return "planned"
        if m.word.strip().startswith("ل") and set(words_before(text, m.head_start, 1)) & rx["preparation"]:
            return "planned"  # "الاستعدادات لزيارة الرئيس"
        if self._prepared(text, m):
            return "planned"  # "التحضيرات لانعقاد اللجنة المشتركة"
        if rx["commitment"].search(text, start, m.head_start):
            return "planned"  # "اتفق الوزيران على عقد جولة مشاورات في القاهرة"
        if rx["scheduled_after"].search(text, m.end, end):
            return "planned"  # "اجتماع يجمع الوزيرين، والمقرر عقده الأسبوع المقبل"
        near = text[max(start, m.head_start - 30):min(end, m.end + 40)]
        lead = rx["future_lead"].search(text, start, m.head_start)  # "من المقرر أن يجري الرئيس، الاثنين، اتصالا"
        if rx["future"].search(near) or lead and not NEW_CLAUSE.search(text, lead.end(), m.head_start) or any(
                FUTURE_VERB.match(w) for w in _predicate_words(text, start, m.head_start)):
            return "planned"
        if when and self.reference and to_date(when) and to_date(when) > self.reference:
            return "planned"
        if when and not self.published and self.present_tense(text, start, m.end) and any(
                start <= d.start < end and d.is_absolute and d.day is not None for d in ann.dates):
            return "planned"  # an undated report announcing "يقوم الرئيس بزيارة … يومي 15 و16 يوليو 2022"
        purpose = rx["purpose"].search(text, m.end, end)  # "زيارته … للمشاركة في اجتماعات … المقررة بعد غد"
        end = purpose.start() if purpose else end  # the times after it are its event's
        if FUTURE_TIME.search(text, start, end) or rx["future_time"].search(text, start, end):
            return "planned"
        if rx["announcing"].search(text, start, m.head_start) and not (when and self.reference and to_date(when)
                                                                      and to_date(when) < self.reference):
            return "planned"  # "أعلنت الوزارة عقد مشاورات … يومي الأربعاء والخميس"
        if self.present_tense(text, start, m.end) and rx["future"].search(text, m.end, end):
            return "planned"  # "يلتقي الوزير اليوم نظيره …، ومن المنتظر أن يبحثا …"
        relative = RELATIVE_VERB.match(text, m.end)  # "اللجنة المشتركة التي ستعقد …", "الاجتماع الذي سيعقد"
        if relative and FUTURE_VERB.match(relative.group(1)):
            return "planned"
        return "held"


def _without_dates(ann: Annotated, start: int, end: int) -> str:
    """The text from start to end with its date mentions and day words left out."""
    pieces, pos = [], start
    for d in ann.dates:
        if start <= d.start and d.end <= end:
            pieces.append(ann.text[pos:d.start])
            pos = d.end
    pieces.append(ann.text[pos:end])
    return re.sub(r"(?<!\w)(?:اليوم|امس|غدا)(?!\w)", " ", " ".join(pieces))


def _predicate_words(text: str, start: int, end: int) -> list[str]:
    """The words that can hold the event's verb: the clause's first two ("سيجري الوزير، خلال زيارته، مباحثات")
    and those of its last stretch before the trigger ("…، جاءت تصريحاته في مراسم …" is not "سيعزز …")."""
    words = re.findall(r"\w+", text[start:end])
    last = re.findall(r"\w+", BREAK.split(text[start:end])[-1])
    return words[:2] + last
