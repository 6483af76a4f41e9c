"""Meetings: trigger mentions in a sentence, event / anaphor / generic, one frame per event with its
arguments, and the merging of repeated mentions (headline and body, anaphors) into one frame."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import to_date
from ..lexicon import compile_words, load
from ..normalise import norm
from ..recognise import Annotated, ordinal_after
from ..segment import HEADLINE
from .arguments import Arguments
from .clauses import (FUTURE_TIME, FUTURE_VERB, NEW_CLAUSE, bare, clause_end, cues, date_compatible, evidence_span,
                      is_definite, jaccard, joinable, reporting_end, typed_triggers, words_after, words_before)
from .frames import MeetingFrame, Mention, Subject, add_participants

DUALS = re.compile(r"(?<!\w)(?:[وف]?(?:ل|ب)?(?:ال)?(?:بلدين|جانبين|طرفين|رييسين|وزيرين|دولتين|بلدان|جانبان|طرفان|رييسان|وزيران|شعبين)"
                   r"|رييسا|وزيرا|رييسي|وزيري)(?!\w)")
HOSTED_TYPES = {"visit", "summit", "conference"}  # the host of these takes part; a venue of talks need not
DELEGATION_HEAD = re.compile(r"(?<!\w)[وف]?(?:تراس|يتراس|راس|تراسه|تراسها|برياسه)\s+(?:ال)?(?:جانب|وفد)")  # normalised: ترأس
NOT_TRIGGERS = {"فيصل", "وفيصل"}
DEMONSTRATIVES = {"هذا", "هذه", "ذلك", "تلك"}
INVITATION_WORDS = {"دعا", "دعت", "دعوه", "الدعوه", "دعوته", "نتطلع", "يتطلع"}
ARRIVAL_VERBS = {"وصل", "وصلت", "يصل", "سيصل"}
VERB_TRIGGERS = {"التقي", "التقت", "التقيا", "التقوا", "يلتقيان", "سيلتقيان", "اجتمعا", "اجتمعوا", "تباحثا", "تباحث", "يتباحث", "يلتقي", "سيلتقي", "اجتمع", "يجتمع", "سيجتمع", "استقبل", "استقبلت", "يستقبل", "سيستقبل",
                 "زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "وصل", "وصلت", "يصل", "سيصل", "بحث مع", "بحثا", "هاتفيا"}
SPECIFICITY = {"talks": 0, "visit": 1, "conference": 2, "consultations": 3, "joint_commission": 3, "summit": 4,
               "phone_call": 4, "video_call": 4}
BETWEEN = re.compile(r"(?<!\w)بين\s")


@lru_cache(maxsize=1)
def _meeting_rx() -> dict:
    m = load().triggers["meeting"]
    prefix = r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)"
    return {
        **cues(),
        "meeting": typed_triggers(m, ["phone_call", "video_call", "consultations", "joint_commission", "summit",
                                      "conference", "visit", "talks"]),
        "generic_head": re.compile(rf"{prefix}(?:{'|'.join(norm(w) for w in m['generic_heads'])})(?!\w)"),
        "anaphora_only": {norm(w) for w in m["anaphora_only"]},
        "plural": compile_words(m["plural"]),
        "not_meetings": compile_words(m["not_meetings"]),
        "holding": {norm(w) for w in m["holding_verbs"]},
        "anaphora_cues": {norm(w) for w in m["anaphora_cues"]} | {"هامش"},
        "non_event": {norm(w) for w in m["non_event_cues"]},
        "summit": compile_words(m["summit_cues"]),
    }


class MeetingStage(Arguments):
    """Meeting frames of the article's sentences, in reading order."""

    meetings: list[MeetingFrame]
    _mentions_cache: dict[int, list[Mention]]

    def _mentions(self, ann: Annotated) -> list[Mention]:
        rx = _meeting_rx()
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
            if prev and joinable(gap) and (
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
                if joinable(text[h.end():f.start]):
                    head = h
            if head:
                f.head_start = head.start()
            after = text[f.end:f.end + 40]
            if f.type == "talks" and (re.match(r"\s*(?:الوزاري|الموسع|رفيع المستوي)?\s*$", after[:12]) and "الوزاري" in after[:12]
                                      or any(0 <= o.start - f.end <= 25 for o in ann.organizations)):
                f.type = "conference"  # "الاجتماع الوزاري لمنظمة التعاون الإسلامي": a session of an organisation
            if f.type in ("talks", "consultations", "conference") and (
                    rx["summit"].search(text[f.start:f.end]) or rx["summit"].match(after.strip())
                    or rx["summit"].search(" ".join(words_after(text, f.end, 4)))):
                f.type = "summit"
        # "الدورة" is a session only of an organisation ("الدورة الـ79 للجمعية العامة للأمم المتحدة"), not a course
        merged = [f for f in merged if not (f.type == "conference" and bare(f.word) in ("دوره", "الدوره")
                                             and not any(0 <= o.start - f.end <= 30 for o in ann.organizations))]
        self._mentions_cache[id(ann)] = merged
        return merged

    def _classify(self, ann: Annotated, m: Mention, is_title: bool) -> str | None:
        """'event', 'anaphor' or None (generic talk, hopes, invitations, standing practice)."""
        if self._is_generic(ann, m):
            return None
        if self._is_anaphor(ann, m):
            return "anaphor"
        if bare(m.word.split()[0]) in _meeting_rx()["anaphora_only"]:
            return None  # "الحدث" that refers back to nothing
        return "event" if is_title or self._is_anchored(ann, m) else None

    def _is_generic(self, ann: Annotated, m: Mention) -> bool:
        """Plural talk about meetings, invitations and hopes, regular practice: no meeting is reported."""
        rx = _meeting_rx()
        text = ann.text
        if rx["plural"].search(text[m.head_start:m.end + 10]) and not any(
                m.end <= d.start < m.end + 20 for d in ann.dates):
            return True
        before = [bare(w) for w in words_before(text, m.head_start, 3)]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        if any(w in rx["non_event"] for w in before) or any(w in INVITATION_WORDS for w in leading):
            return True
        following = re.findall(r"\w+", text[m.end:clause_end(text, m.end)])[:8]
        return any(w in rx["non_event"] for w in following)

    def _is_anaphor(self, ann: Annotated, m: Mention) -> bool:
        """"هذا اللقاء", "خلال الاجتماع": a definite mention that points back instead of naming an event."""
        rx = _meeting_rx()
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
        return cued and definite and not has_ordinal and not names_someone

    def _is_anchored(self, ann: Annotated, m: Mention) -> bool:
        """Something makes the mention an actual event: a verb, a date, an ordinal, a venue, a counterpart."""
        rx = _meeting_rx()
        text = ann.text
        word = m.word
        first = bare(word.split()[0])
        if " مع" in word and len(word) > 12:  # "بحث الدكتور … مع نائب رئيس الوزراء": someone must be named
            return any(m.start < p.start <= m.end + 5 and not p.counterpart or m.end - 5 <= p.start <= m.end + 5
                       for p in ann.persons)
        if first in VERB_TRIGGERS or word.strip() in VERB_TRIGGERS:
            if first in ARRIVAL_VERBS:  # "وصل" is also "reached" (trade reached…): someone must arrive
                return any(0 <= p.start - m.end < 40 for p in ann.persons)
            return True
        if m.type in ("phone_call", "video_call"):
            return True
        before = [bare(w) for w in words_before(text, m.head_start, 3)]
        leading = re.findall(r"\w+", text[self._stretch_start(ann, m):m.head_start])
        if any(w in rx["holding"] for w in before) or (leading and bare(leading[0]) in rx["holding"]):
            return True  # "عقد … اجتماعا", verb-first sentences ("تلقى الوزير … اتصالا")
        if m.type != "conference" and ordinal_after(text, m.head_start) is not None:
            return True
        if "هامش" in before[-2:] or rx["future"].search(" ".join(words_after(text, m.end, 6))):
            return True  # "على هامش …", "قمة منظمة الدول التركية المقرر عقدها …"
        if re.match(r"\s*(?:بين|مع)\s", text[m.end:]):  # "اجتماع بين …", "محادثاته مع …"
            return True
        if re.search(r"(?:ه|ها|هما)$", word) and any(0 <= p.start - m.end <= 5 and not p.counterpart for p in ann.persons):
            return True  # "خلال استقباله وزير خارجية تركمانستان"
        if m.type == "visit" and re.search(r"(?:الي|ل)\S*", " ".join(words_after(text, m.end, 3))) and any(
                0 <= c.start - m.end <= 60 for c in [*ann.countries, *ann.cities]):
            return True  # "زيارة … إلى تركمانستان"
        return any(m.end <= d.start <= m.end + 40 and (d.is_absolute or d.relative) for d in ann.dates)

    def _stretch_start(self, ann: Annotated, m: Mention) -> int:
        """Where the text leading to this mention begins: the previous mention's end, or the sentence start."""
        ends = [f.end for f in self._mentions_cache.get(id(ann), []) if f.end <= m.head_start]
        return max(ends) if ends else 0

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
        rx = _meeting_rx()
        for pattern in (rx["reporting_cut"], rx["topic_cut"], NEW_CLAUSE):
            m = pattern.search(text, after, end)
            if m:
                end = min(end, m.start())
        return end

    def _status(self, ann: Annotated, m: Mention, start: int, end: int, when: str | None) -> str:
        rx = _meeting_rx()
        text = ann.text
        if m.word.strip().lstrip("وف").startswith(("سي", "ست")) or any(
                w.startswith(("سي", "ست")) and w in rx["holding"] for w in words_before(text, m.head_start, 3)):
            return "planned"
        near = text[max(start, m.head_start - 30):min(end, m.end + 40)]
        if rx["future"].search(near) or any(FUTURE_VERB.match(w) for w in re.findall(r"\w+", text[start:m.head_start])):
            return "planned"
        if when and self.reference and to_date(when) and to_date(when) > self.reference:
            return "planned"
        if FUTURE_TIME.search(text, start, end):
            return "planned"
        return "held"

    def _relate_meetings(self, ann: Annotated) -> None:
        text = ann.text
        classified = [(m, how) for m in self._mentions(ann) if (how := self._classify(ann, m, is_title=False))]
        if not classified and self.meetings and DELEGATION_HEAD.search(text):
            last = self.meetings[-1]  # "ترأس الجانب العراقي وكيل وزارة الخارجية …"
            add_participants(last, self._resolve_persons(ann, 0, len(text), last.countries))
        clauses = self._clauses(ann, [m for m, _ in classified])
        subject = Subject(set(), [])
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

    def _event_frame(self, ann: Annotated, m: Mention, start: int, end: int, previous: Subject,
                     sentence_frames: list[MeetingFrame]) -> tuple[MeetingFrame, Subject]:
        """The frame of one event mention, and the subject ("who") of its clause for the next clause."""
        text = ann.text
        cut = self._cut(text, end, m.end)  # who took part: before the topic ("لبحث …") and the source
        reported = reporting_end(text, start, end)  # when: anything before "وفقا لما أفادته …"
        countries = self._countries_in(ann, start, cut, venues_count=m.type in HOSTED_TYPES) \
            | self._person_countries(ann, start, cut)
        if DUALS.search(text[start:cut]) and len(countries) < 2 and len(self.salient) >= 2:
            countries |= self.salient  # "البلدين", "الرئيسين": the pair the article is about
        continues = bool(re.match(r"[\s،,]*و", text[start:m.end]))  # "… بزيارة …، والتقى مع …"
        if continues and len(countries) < 2:
            countries |= previous.countries
        if len(countries) < 2 and sentence_frames and m.type == "conference" and "هامش" in words_before(text, m.head_start, 2):
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
        evidence, ev_start, ev_end = evidence_span(ann, start, cut)
        frame = MeetingFrame(m.type, status, when, set(countries), set(countries),
                             {o.code for o in ann.organizations if start <= o.start < cut}, city, where, participants,
                             ordinal_after(text, m.head_start) or self._own_round(text, start, end),
                             evidence, ev_start, ev_end, ann.sentence.index,
                             person_names={p["name_ar"] for p in participants if p["name_ar"]})
        subject_end = m.start if m.start > start + 3 else cut
        with_ = re.search(r"(?<!\w)مع(?!\w)", text[start:cut])
        if with_:
            subject_end = min(subject_end, start + with_.start())
        subject = Subject(self._countries_in(ann, start, subject_end) | self._person_countries(ann, start, subject_end),
                           self._resolve_persons(ann, start, subject_end, countries))
        return frame, subject

    @staticmethod
    def _own_round(text: str, start: int, end: int) -> int | None:
        """"عقدت اللجنة … اجتماعها العاشر": the ordinal of the body's own session."""
        m = re.search(r"(?<!\w)(?:اجتماعها|اجتماعه|دورتها|دورته|جولتها|جولته|جلستها|جلسته)(?!\w)", text[start:end])
        return ordinal_after(text, start + m.start()) if m else None

    def _same_event(self, frame: MeetingFrame) -> MeetingFrame | None:
        for other in reversed(self.meetings):
            if other.type != frame.type or other.status != frame.status:
                continue
            if other.date and frame.date and not date_compatible(other.date, frame.date):
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
        add_participants(target, frame.participants)

    def _merge_anaphor(self, ann: Annotated, m: Mention, start: int, cut: int, sentence_frames: list[MeetingFrame]) -> None:
        if not self.meetings:
            return
        generic = m.type == "talks" or bare(m.word) in _meeting_rx()["anaphora_only"]
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
        add_participants(target, self._resolve_persons(ann, start, cut, target.countries))

    def _merge_title(self, ann: Annotated, m: Mention, countries: set[str]) -> None:
        for f in self.meetings:
            compatible_type = f.type == m.type or m.type == "talks" and f.type != "visit" or \
                SPECIFICITY[m.type] < SPECIFICITY[f.type] and f.type != "visit"
            if compatible_type and (not countries or countries <= f.countries or jaccard(countries, f.countries) >= 0.5):
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


def domestic(frame: MeetingFrame) -> bool:
    """Talks among one state's own bodies or officials (a cabinet or bank session): no foreign party is
    present or implied (an unnamed minister or a counterpart "نظيره" would be)."""
    if frame.type != "talks" or len(frame.countries) != 1 or frame.organizations:
        return False
    return all(p["country"] in frame.countries for p in frame.participants)  # also: nobody named at all
