"""Stage 5 — meeting and agreement frames from trigger words and their arguments.

A sentence's trigger words become *mentions*. A mention is either an event
(anchored by a verb, a date, an ordinal, a venue...), an anaphor that refers
back to an event already reported ("خلال الاجتماع", "هذه الزيارة"), or generic
talk about meetings that reports none ("تبادل الزيارات", "مشاورات دورية").
Events open frames; anaphors enrich the frame they refer to; repeated mentions
of one event (headline and body, "الاجتماع الثاني" twice) merge into one frame.

Modules, in reading order: `frames` (the data), `clauses` (text helpers), `arguments`
(who / when / where), `meetings`, `agreements`; `Relator` here runs them over an article.
"""
from __future__ import annotations

from datetime import date

from ..dates import to_date
from ..recognise import Annotated, Person
from ..sectors import sectors_in
from ..segment import BODY, HEADING, HEADLINE
from .agreements import AgreementStage
from .arguments import since_words
from .clauses import words_before
from .frames import AgreementFrame, MeetingFrame, Mention
from .meetings import MeetingStage, domestic


class Relator(MeetingStage, AgreementStage):
    """Builds the meeting and agreement frames of one article."""

    def __init__(self, annotated: list[Annotated], published: str | None, dateline_city: tuple[str, str] | None):
        self.annotated = annotated
        self.published = published
        self.dateline_city = dateline_city
        self._mentions_cache: dict[int, list[Mention]] = {}  # id of an annotated sentence (all alive) → its mentions
        self.reference = to_date(published) or self._main_event_date()
        self.meetings: list[MeetingFrame] = []
        self.agreements: list[AgreementFrame] = []
        self.salient: set[str] = set()
        self.known_persons: dict[str, Person] = {}
        self.speaker: set[str] = set()  # the state of the previous sentence's first named actor
        self.seen_states: list[str] = [dateline_city[1]] if dateline_city else []
        self._listing: tuple[MeetingFrame, dict] | None = None  # a series of talks whose counterparts are being listed

    # ---- reference date -------------------------------------------------
    def _main_event_date(self) -> date | None:
        """The full date the text gives for its first-reported event, when the article has no date."""
        for ann in self.annotated:
            if ann.sentence.kind != BODY or not self._mentions(ann):
                continue
            for d in ann.dates:
                if d.is_absolute and d.day is not None and not set(words_before(ann.text, d.start, 3)) & since_words():
                    return date(d.year, d.month, d.day)  # not "منذ تأسيسها في 22 مارس 1945": the start of a period
        return None

    def run(self) -> None:
        titles: list[tuple[Annotated, Mention, set[str]]] = []
        for ann in self.annotated:
            kind = ann.sentence.kind
            sentence_countries = {i for c in ann.countries if c.kind != "region" for i in c.iso3}
            self.seen_states += [c.iso3[0] for c in ann.countries if c.kind in ("name", "longform", "nisba", "capital")]
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
            self.speaker = next(({p.country} for p in ann.persons if p.country and not p.counterpart), self.speaker)
            self._relate_agreements(ann, is_title=False)
            if len(sentence_countries) >= 2:
                self.salient = sentence_countries
        for ann, m, countries in titles:
            self._merge_title(ann, m, countries)
        for ann in self.annotated:
            if ann.sentence.kind in (HEADLINE, HEADING):
                self._relate_agreements(ann, is_title=True)
        self.meetings = [f for f in self.meetings if f.countries and not domestic(f)]
        self._corefer()
        article_sectors = set()
        for ann in self.annotated:
            article_sectors |= sectors_in(ann)
        for a in self.agreements:
            if a.references >= 3:
                a.sectors = set(article_sectors)


__all__ = ["AgreementFrame", "MeetingFrame", "Mention", "Relator"]
