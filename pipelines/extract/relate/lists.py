"""One row per counterpart or place: a series of talks whose counterparts are listed, talks with the
ministers of several states, one meeting verb over a sequence of places."""
from __future__ import annotations

import re
from dataclasses import replace

from ..recognise import Annotated
from .coreference import Coreference
from .frames import MeetingFrame, Mention
from .mentions import meeting_rx

JOINT = re.compile(r"(?<!\w)(?:مشترك|المشترك|ثلاثي|الثلاثي|ثلاثيا|رباعي|الرباعي|رباعيا|خماسي|متعدد|جماعي|جماعيا)(?!\w)")


class Lists(Coreference):
    """Frames that stand for several meetings, split into one row each."""

    _listing: tuple[MeetingFrame, dict] | None
    speaker: set[str]

    def _distribute(self, ann: Annotated) -> bool:
        """"شملت هذه اللقاءات كلا من وزير … . ووزير … . إضافة إلى وزيرة …": one talks row per counterpart
        listed after a series of talks, the list running on over sentences that continue it."""
        text, rx = ann.text, meeting_rx()
        each = rx["each_of"].search(text)
        if each and self.meetings and self.meetings[-1].type == "talks" and (
                rx["plural"].search(text, 0, each.start()) or self._series(self.meetings[-1])):
            series, start = self.meetings[-1], each.end()
            lead = next((p for p in series.participants if p["country"]), None)
            self._listing = (series, lead) if lead else None
        elif self._listing and rx["list_goes_on"].match(text):
            start = 0
        else:
            self._listing = None
            return False
        if not self._listing:
            return False
        series, lead = self._listing
        people = [p for p in self._resolve_persons(ann, start, len(text), set()) if p["country"]]
        if not people:  # "إضافة إلى وزيرة … لجمهورية موزمبيق", "ويتعلق الأمر بكل من أوغندا، إرتيريا …": the states
            role = next((p.role for p in ann.persons if p.start >= start and not p.counterpart), lead["role"])
            states = dict.fromkeys(c.iso3[0] for c in ann.countries if c.start >= start and c.kind != "region")
            people = [{"name_ar": None, "role": role, "country": state} for state in states]
        for person in people:
            if person["country"] != lead["country"]:
                s, e = ann.sentence.start, ann.sentence.end
                self.meetings.append(MeetingFrame(
                    "talks", series.status, series.date, {lead["country"], person["country"]}, set(), set(),
                    series.location_city, series.location_country, [lead, person], None, ann.sentence.text, s, e,
                    ann.sentence.index, when_said=series.when_said))
        if series in self.meetings and series.countries <= {lead["country"]}:
            self.meetings.remove(series)  # the series itself is its rows
        return True

    @staticmethod
    def _series(frame: MeetingFrame) -> bool:
        """Talks of one state with counterparts not yet named ("محادثات مع وزراء خارجية عدد من الدول")."""
        return len(frame.countries) == 1 and bool(frame.participants)

    def _split(self, ann: Annotated, m: Mention, frame: MeetingFrame, start: int) -> list[MeetingFrame]:
        return [one for part in self._by_place(ann, m, frame) for one in self._bilateral(ann, part, start)]

    def _bilateral(self, ann: Annotated, frame: MeetingFrame, start: int) -> list[MeetingFrame]:
        """"بحث الوزير مع وزراء خارجية بيلاروس ولاوس وفنزويلا", "مباحثات مع كل من …": one talks row per
        counterpart state, unless the meeting is a joint one ("اجتماع ثلاثي", "مشترك")."""
        each = meeting_rx()["each_of"].search(ann.text, start)
        group = next((p for p in ann.persons if p.plural and p.plural_countries and p.start >= start), None)
        with_ = re.compile(r"(?<!\w)مع(?!\w)").search(ann.text, start)
        if frame.type == "phone_call" and with_ and len(frame.countries) >= 3 and not JOINT.search(ann.text):
            group, each = None, with_  # a call is between two: "اتصل … مع الرئيس الفرنسي والمستشارة الألمانية"
        elif frame.type != "talks" or not (group or each) or JOINT.search(ann.text):
            return [frame]
        at = group.start if group else each.start()
        role = group.role if group else next((p.role for p in ann.persons if p.start > at), "official")
        before = {c.iso3[0] for c in ann.countries if c.start < at} | {
            p.country for p in ann.persons if p.start < at and p.country}
        hosts = frame.countries & before or self.speaker - frame.countries  # "والتقى الوزير أيضا وزراء …"
        others = frame.countries - hosts
        if len(hosts) != 1 or len(others) < 2:
            return [frame]
        lead = next((p for p in frame.participants if p["country"] in hosts), None)
        return [replace(frame, countries=hosts | {state}, core_countries=hosts | {state}, participants=[p for p in (
            lead, next((q for q in frame.participants if q["country"] == state),
                       {"name_ar": None, "role": role, "country": state})) if p])
                for state in sorted(others)]

    def _by_place(self, ann: Annotated, m: Mention, frame: MeetingFrame) -> list[MeetingFrame]:
        """"التقيا مرتين في شيآن وبكين", "اجتمعا أولا في فاس، ثم في برشلونة": one meeting per place in a sequence."""
        text = ann.text
        if frame.type != "talks" or not meeting_rx()["sequence"].search(text, m.end):
            return [frame]
        places = [c for c in ann.cities if c.start > m.end and (text[c.start] in "وب" or re.search(
            r"(?:(?<!\w)في\s+|،\s*)$", text[max(0, c.start - 4):c.start]))]
        if len(places) < 2:
            return [frame]
        return [replace(frame, location_city=c.city, location_country=c.iso3, countries=set(frame.countries),
                        participants=list(frame.participants)) for c in places]

