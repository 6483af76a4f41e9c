"""The frames relate builds: mentions of events, and the meeting and agreement rows they become."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..dates import DateMention
from ..normalise import norm
from ..recognise import ROLE_RANK


@dataclass
class Mention:
    type: str
    start: int
    end: int
    word: str
    head_start: int  # start of a generic head before it ("الجولة الرابعة من ...")
    conjoined: bool = False  # the trigger carries و / ف: its clause joins the previous one ("والتقى")


@dataclass
class Subject:
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
    when_said: DateMention | None = None  # the date as the text gives it, resolved or not
    tenseless: bool = False  # held only by default: an imperfect verb, no date ("يقوم … بزيارة")
    present: bool = False  # told in the present tense ("يستقبل الرئيس اليوم …"): a later future cue makes it planned

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
    count: int | None = None  # a count row's number ("ثلاث مذكرات تفاهم"), when the text gives it

    def to_fact(self) -> dict:
        return {"type": self.type, "status": self.status, "date": self.date, "parties": sorted(self.parties),
                "sectors": sorted(self.sectors), "title_ar": self.title_ar or None, "evidence": self.evidence,
                "evidence_start": self.evidence_start, "evidence_end": self.evidence_end}



def without_unnamed_repeats(people: list[dict]) -> list[dict]:
    """Drop an unnamed participant when a named one holds the same role (and country, if it has one)."""
    named = [p for p in people if p["name_ar"]]
    return [p for p in people if p["name_ar"] or not any(
        q["role"] == p["role"] and (p["country"] is None or q["country"] == p["country"]) for q in named)]


def add_participants(frame: MeetingFrame, people: list[dict]) -> None:
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
    frame.participants[:] = without_unnamed_repeats(frame.participants)
