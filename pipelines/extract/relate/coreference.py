"""One event, one row: a new frame joins an earlier frame of the same event; anaphors and headline
mentions enrich the frame they refer to."""
from __future__ import annotations

import re

from ..dates import DateMention
from ..normalise import norm
from ..recognise import Annotated, ordinal_after
from ..segment import HEADLINE
from .clauses import bare, date_compatible, jaccard
from .frames import MeetingFrame, Mention, add_participants
from .mentions import SPECIFICITY, MentionFinder, meeting_rx

BETWEEN = re.compile(r"(?<!\w)بين\s")
BARE_GATHERING = re.compile(r"(?<!\w)[وفبل]?(?:ال|لل)(?:قمه|مؤتمر|منتدي|اجتماعات)(?:\s*[،,.:]|\s*$)")
DAY_WORDS = {"today", "yesterday", "tomorrow"}


class Coreference(MentionFinder):
    """Merging of mentions and frames that describe one event."""

    meetings: list[MeetingFrame]

    def _same_event(self, frame: MeetingFrame) -> MeetingFrame | None:
        for other in reversed(self.meetings):
            if other.type != frame.type or other.status != frame.status:
                continue
            if other.date and frame.date and not date_compatible(other.date, frame.date):
                continue
            if not _dates_agree(other.when_said, frame.when_said) or other.location_country and \
                    frame.location_country and other.location_country != frame.location_country:
                continue
            if frame.round is not None and frame.round == other.round:
                return other
            if frame.type == "visit" and (not frame.countries or frame.countries <= other.countries) and (
                    not frame.date or not other.date or frame.date == other.date) and not (
                    frame.person_names and other.person_names and not frame.person_names & other.person_names):
                return other
        return None

    def _corefer(self) -> None:
        """Article-level pass: frames of one event (same type and status, nothing that tells them apart,
        one's states within the other's) become one frame; its states are the union of its mentions'."""
        merged: list[MeetingFrame] = []
        for frame in self.meetings:
            target = next((m for m in merged if _one_event(m, frame)), None)
            if target:
                self._absorb(target, frame)
                target.from_headline = target.from_headline or frame.from_headline
            else:
                merged.append(frame)
        self.meetings = [f for f in merged if not self._arrivals_for(f, merged)]

    def _arrivals_for(self, frame: MeetingFrame, frames: list[MeetingFrame]) -> bool:
        """"ووصل إلى الرياض الرئيس الإيراني … والرئيس التركي … وملك الأردن …": leaders of several states arriving
        are the participants of the summit or conference the article reports, not a visit; they join it."""
        if frame.type != "visit" or len(frame.countries) == 2:
            return False  # a visit is a visitor's and a host's; one state alone or many arrive for a gathering
        gathering = next((g for g in frames if g.type in ("summit", "conference") and g.status == frame.status and (
            not g.location_city or not frame.location_city or g.location_city == frame.location_city)), None)
        if gathering is None:
            return False
        gathering.countries |= frame.countries
        add_participants(gathering, frame.participants)
        return True

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
        generic = m.type == "talks" or bare(m.word) in meeting_rx()["anaphora_only"]
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


def _one_event(a: MeetingFrame, b: MeetingFrame) -> bool:
    """Whether two frames can be one event: nothing (date, place, round, states) tells them apart."""
    if a.type != b.type or a.status != b.status and not (a if a.status == "held" else b).tenseless:
        return False
    if a.date and b.date and not date_compatible(a.date, b.date) or not _dates_agree(a.when_said, b.when_said):
        return False
    for x, y in ((a.location_city, b.location_city), (a.location_country, b.location_country), (a.round, b.round)):
        if x is not None and y is not None and x != y:
            return False
    if not a.countries or not b.countries:
        return False
    gathering = a.type in ("summit", "conference") and (_bare_mention(a) or _bare_mention(b))
    if not (a.countries <= b.countries or b.countries <= a.countries or gathering):
        return False  # a summit gathers states mention by mention ("وصل … للمشاركة في القمة")
    if a.type == "visit":
        return True  # a visit is its visitor's, destination and date: the names around it may be the host's
    lead_a, lead_b = _lead(a), _lead(b)
    return lead_a is None or lead_b is None or lead_a <= lead_b or lead_b <= lead_a  # "بوتين" is "فلاديمير بوتين"


def _bare_mention(frame: MeetingFrame) -> bool:
    """The frame was opened by a bare definite noun ("للمشاركة في القمة"): no name of its own."""
    return bool(BARE_GATHERING.search(norm(frame.evidence)))


def _lead(frame: MeetingFrame) -> set[str] | None:
    """The words of the first participant's name: who leads (hosts, calls, visits) in the event."""
    name = frame.participants[0]["name_ar"] if frame.participants else None  # an unnamed lead may be anyone
    return {w for w in re.findall(r"\w+", norm(name)) if len(w) > 2 and w not in ("محمد", "عبد")} if name else None


def _dates_agree(a: DateMention | None, b: DateMention | None) -> bool:
    """Two date expressions that may name one day ("أمس الأربعاء" and "أمس" may; "28 نونبر" and "أكتوبر" may not)."""
    if a is None or b is None:
        return True
    if (a.relative in DAY_WORDS) != (b.relative in DAY_WORDS) and (a.month or b.month):
        return False  # "أمس" is not a named month
    return all(x is None or y is None or x == y for x, y in (
        (a.year, b.year), (a.month, b.month), (a.day, b.day), (a.weekday, b.weekday),
        (a.relative, b.relative) if a.relative in DAY_WORDS and b.relative in DAY_WORDS else (None, None)))
