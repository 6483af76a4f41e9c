"""Who signs a document: the states of its clause (the verb's subject and object), not its title's subject
matter, sponsors or venue; else the event the article reports."""
from __future__ import annotations

import re

from ...recognise import Annotated
from ..arguments import Arguments
from ..clauses import reporting_end
from ..frames import MeetingFrame

_SPONSOR = re.compile(r"(?<!\w)[وف]?(?:برعايه|رعايه|بوساطه|وساطه|بمبادره)(?!\w)")
_BLOC = re.compile(r"\s+(?:ال)?(?:اتحاد|منظمه|مجلس|رابطه|مجموعه|جامعه|تكتل)(?!\w)")


class Signatories(Arguments):
    """Parties of a document phrase, from its sentence and the article's main event."""

    meetings: list[MeetingFrame]

    def _main_meeting(self) -> MeetingFrame | None:
        """The article's first-reported held meeting: the event its documents were signed at."""
        held = [f for f in self.meetings if f.status == "held"]
        return min(held, key=lambda f: f.sentence) if held else None

    def _parties(self, ann: Annotated, start: int, end: int) -> set[str]:
        """The signing states: named in the phrase or its clause, else the main event's. A capital named as
        the venue ("في فيينا") counts only when the signatories are fewer than two without it."""
        if self._names_signatories(ann, start, end):
            return self._states_in(ann, start, end)
        text = ann.text
        comma = re.compile(r"[،,]").search(text, end)  # the clause of the document: what follows is another's
        clause_end = reporting_end(text, 0, comma.start() if comma else len(text))
        with_partner = re.search(r"(?<!\w)مع(?!\w)", text[start:end])  # "اتفاقي سلام مع الإمارات": the subject signs too
        parties = set()
        for venues in (False, True):
            signing = self._signatories_around(ann, start, venues)  # the verb's subject and object, before the title
            title = self._states_in(ann, start, end, venues)
            parties = signing if len(signing) >= 2 and not with_partner else signing | title
            if len(parties) < 2:
                parties |= self._signatories_around(ann, clause_end, venues)
            if len(parties) >= 2:
                break
        if len(parties) < 2:
            main = self._main_meeting()
            base = main.core_countries if main and len(main.core_countries) >= 2 else self.salient
            if len(base) >= 2 and (not parties or parties <= base):
                parties = set(base) | parties
        return parties

    def _signatories_around(self, ann: Annotated, clause_end: int, venues: bool) -> set[str]:
        """States of the sentence up to the document's clause end, but for sponsors and mediators
        ("برعاية الرئيس الأمريكي", "بوساطة أمريكية")."""
        found = self._states_in(ann, 0, clause_end, venues)
        for m in _SPONSOR.finditer(ann.text, 0, clause_end):
            sponsor_end = re.compile(r"[،,]").search(ann.text, m.end())
            found -= self._states_in(ann, m.start(), min(sponsor_end.start() if sponsor_end else clause_end,
                                                            clause_end), venues)
        return found

    def _names_signatories(self, ann: Annotated, start: int, end: int) -> bool:
        """"اتفاقية … بين الاتحاد الاقتصادي الأوراسي ومصر": the title itself says who signs."""
        between = re.search(r"(?<!\w)بين(?!\w)", ann.text[start:end])
        if not between:
            return False
        at = start + between.end()
        return any(at <= o.start < end for o in ann.organizations) or bool(_BLOC.match(ann.text, at))

    def _states_in(self, ann: Annotated, start: int, end: int, venues_count: bool = True) -> set[str]:
        """States named in a span, but not through a region ("دول آسيا الوسطى" names no signatory)."""
        regions = {i for c in ann.countries if c.kind == "region" and start <= c.start < end for i in c.iso3}
        named = {i for c in ann.countries if c.kind != "region" and start <= c.start < end for i in c.iso3}
        return self._countries_in(ann, start, end, venues_count) - (regions - named - self._people_states(ann, start, end))

    @staticmethod
    def _people_states(ann: Annotated, start: int, end: int) -> set[str]:
        return {p.country for p in ann.persons if p.country and start <= p.start < end}
