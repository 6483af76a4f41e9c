"""Who, when and where: the arguments a frame takes from its clause and from the article so far."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..dates import DateMention, resolve
from ..lexicon import load
from ..normalise import norm
from ..recognise import Annotated, Person
from .clauses import cues, reporting_end, words_before
from .frames import Mention, without_unnamed_repeats

VISIT_VERB = re.compile(r"[وف]?(?:زار|زارت|يزور|تزور|سيزور|ستزور)(?!\w)")
DOCUMENT_BEFORE = re.compile(r"(?:اتفاق|مذكره|معاهده|بروتوكول|وثيقه|اعلان|برنامج|خطه)")
VENUE_COUNTRY = re.compile(r"(?<!\w)(?:في|ب)\s*(?:(?:ال)?(?:مملكه|جمهوريه|دوله|سلطنه|اماره)\s+)?$")  # "في مملكة البحرين"
# A group of states counts as taking part when its leaders or ministers do ("رؤساء دول آسيا الوسطى"),
# not when it is named in a title ("الحوار بين مجلس التعاون ودول آسيا الوسطى").
REGION_PEOPLE = re.compile(r"(?:رؤساء|روساء|قاده|زعماء|وزراء|ممثلي|ممثلو|رؤساء حكومات|وزراء خارجيه|لرؤساء|لقاده)\s+$")
CAPITAL_OF = re.compile(r"(?<!\w)[وف]?(?:بال|في ال|ال|لل)عاصمه\s+\w+\s*$")  # "العاصمة الأردنية عمان": a city
VENUE_NISBA = re.compile(r"(?<!\w)[وف]?(?:بال|في ال|ال)(?:عاصمه|مدينه)\s+$")  # "في العاصمة الباكستانية"
VENUE_BEFORE = re.compile(r"(?:(?<!\w)(?:في|الي)\s+|(?<!\w)[وف]?(?:بال|في ال|ال)?(?:عاصمه|مدينه)\s+(?:\w+\s+)?)$")


class Arguments:
    """The article's state the stages share, and the argument finders over it."""

    annotated: list[Annotated]
    reference: date | None
    dateline_city: tuple[str, str] | None
    salient: set[str]
    known_persons: dict[str, Person]
    seen_states: list[str]  # states named so far in the article, in reading order

    def _countries_in(self, ann: Annotated, start: int, end: int, venues_count: bool = True) -> set[str]:
        """States named in a span: names, nationality adjectives, capitals, leaders, people's countries.
        With `venues_count=False` a capital named only as the place ("في موسكو") is not a participant."""
        found = set()
        for c in ann.countries:
            if start <= c.start < end and (venues_count or not is_venue(ann.text, c.start, c.kind)
                                           and not VENUE_NISBA.search(ann.text[max(0, c.start - 14):c.start])
                                           and not (c.kind in ("name", "longform") and VENUE_COUNTRY.search(
                                               ann.text[max(0, c.start - 16):c.start])
                                                    and not _of_a_title(ann, c.start))) \
                    and not self._surname(ann.text[c.start:c.end], c) \
                    and not (c.kind == "name" and CAPITAL_OF.search(ann.text, 0, c.start)) \
                    and not (c.kind == "region" and not REGION_PEOPLE.search(ann.text, max(0, c.start - 16), c.start)):
                found.update(c.iso3)
        for p in ann.persons:
            if start <= p.start < end:
                if p.country:
                    found.add(p.country)
                found.update(p.plural_countries)
        if self.dateline_city and _our_country_rx().search(ann.text, start, end):
            found.add(self.dateline_city[1])  # "قام … بزيارة دولة لبلادنا" under a Tashkent dateline
        return found | self._epithets(ann, start, end)

    def _epithets(self, ann: Annotated, start: int, end: int) -> set[str]:
        """"تستضيف السلطنة", "زيارته إلى المملكة": the state of that kind the article named last."""
        found = set()
        for m in _epithet_rx().finditer(ann.text, start, end):
            if any(c.start <= m.start() < c.end for c in ann.countries):
                continue  # "المملكة العربية السعودية" is a name
            kinds = load().epithets[m.group("e")]
            state = next((s for s in reversed(self.seen_states) if s in kinds), None)
            if state:
                found.add(state)
        return found

    def _surname(self, word: str, mention) -> bool:
        """A nationality adjective that is the surname of someone the article named ("محمد شياع السوداني")."""
        if mention.kind != "nisba":
            return False
        word = word[1:] if word[:1] in "وف" and len(word) > 4 else word
        return any(word in key.split() and p.country not in mention.iso3 for key, p in self.known_persons.items())

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
        return without_unnamed_repeats(out)

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
        tokens += [t[1:] for t in tokens if t[:1] in "وف" and len(t) > 4]  # "أردوغان وتيلرسون"
        joined = " " + " ".join(tokens) + " "
        for key, person in self.known_persons.items():
            parts = key.split()
            if any(f" {w} " in joined for w in parts if len(w) > 2 and w not in ("محمد", "بن", "عبد")):
                found.add(person.country)
        return found

    def _date_for(self, ann: Annotated, start: int, end: int, anchor: int) -> tuple[str | None, DateMention | None]:
        rx = cues()
        best, best_rank = None, (True, 0)
        for d in ann.dates:
            if not (start <= d.start < end):
                continue
            if rx["own_date"].search(" ".join(words_before(ann.text, d.start, 2))) and DOCUMENT_BEFORE.search(
                    ann.text, max(0, d.start - 80), d.start):
                continue  # "الاتفاقية الموقعة بتاريخ …": a document's own date ("التقى … بتاريخ 2024/5/14" is the meeting's)
            if set(words_before(ann.text, d.start, 2)) & since_words():
                continue  # "منذ 9 فبراير 1996": the start of something else, not the event's date
            bare_year = d.precision == "year" and d.relative is None and d.year_shift is None
            rank = (bare_year, abs(d.start - anchor))  # a bare year ("عام 2015") only when nothing finer is said
            if best is None or rank < best_rank:
                best, best_rank = d, rank
        return (resolve(best, self.reference) if best else None), best

    def _location(self, ann: Annotated, start: int, end: int, m: Mention, anaphor: bool = False) -> tuple[str | None, str | None]:
        text = ann.text
        cities = [c for c in ann.cities if start <= c.start < end]
        if anaphor:
            cities = [c for c in cities if re.search(r"(?<!\w)(?:جري|جرت|عقد|عقدت|انعقد|انعقدت|تم)(?!\w)", text[start:c.start])]
        elif not cities:  # a place named later in the sentence, as a place ("في …", "بـ…"), not a destination
            cities = [c for c in ann.cities if c.start >= m.end and c.start < reporting_end(text, m.end, len(text))
                      and (text[c.start] == "ب" or re.search(r"(?<!\w)في\s+(?:\S+\s+){0,2}$", text[max(0, c.start - 30):c.start]))]
        if cities:
            placed = [c for c in cities if c.start >= m.start] or [
                c for c in cities if is_venue(text, c.start, "capital")]  # "الدوحة – أجرى", "في بغداد، استقبل"
            if placed:
                return placed[0].city, placed[0].iso3
        if self.dateline_city and re.search(r"(?<!\w)هنا(?!\w)", text[start:end]):
            return self.dateline_city
        if m.type == "visit" and VISIT_VERB.match(m.word):  # "زار سلطنة عمان": the visited state is the object
            after = next((c for c in ann.countries if m.end <= c.start < end and c.kind in ("name", "longform", "capital")
                          and not any(p.start <= c.start < p.end for p in ann.persons)), None)
            if after and not re.search(r"[،,]", text[m.end:after.start]):
                return None, after.iso3[0]
        for c in ann.countries:
            if start <= c.start < end and c.start >= m.end and c.kind in ("name", "longform", "nisba"):
                before = text[max(start, c.start - 25):c.start]
                if re.search(r"(?:(?<!\w)(?:في|الي|ب)\s*\S*$)|(?:مبني|مقر|قصر)\s+\S+\s+\S+\s*$", before) or \
                        (m.type == "visit" and re.search(r"(?<!\w)(?:الي|ل)\S*$", before + text[c.start:c.start + 2])):
                    if c.kind == "nisba" and not re.search(r"(?:مبني|مقر|العاصمه|المدينه|وزاره)", before):
                        continue
                    return None, c.iso3[0]
        return None, None


@lru_cache(maxsize=1)
def _our_country_rx() -> re.Pattern:
    words = "|".join(norm(w) for w in load().triggers["meeting"]["our_country"])
    return re.compile(rf"(?<!\w)[وف]?(?:[بلك]|لل|الي\s+)?(?:{words})(?!\w)")


@lru_cache(maxsize=1)
def _epithet_rx() -> re.Pattern:
    forms = "|".join(sorted(load().epithets, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وف]?(?:[بلك]|لل)?(?P<e>{forms})(?!\w)(?!\s+(?:ال)?(?:عربيه|اردنيه|مغربيه|متحده|هاشميه))")


@lru_cache(maxsize=1)
def since_words() -> set[str]:
    return {norm(w) for w in load().triggers["meeting"]["since_cues"]}


# "وزيرة الخارجية والعلاقات الدولية بمملكة ليسوتو": ب after a title's own words names the official's state.
TITLE_STATE = re.compile(r"(?:\s+[وف]?ال\w+){0,4}\s+ب(?:(?:مملكه|جمهوريه|دوله|سلطنه|اماره)\s+)?$")


STATE_NOUN_AFTER_B = re.compile(r"\sب(?:مملكه|جمهوريه|دوله|سلطنه|اماره)$")  # taken into a title's span


def _of_a_title(ann: Annotated, start: int) -> bool:
    """Whether the state at `start` follows "ب" right after the title of an official of no stated country."""
    return any(p.country is None and p.end <= start and (TITLE_STATE.fullmatch(ann.text, p.end, start) or (
        STATE_NOUN_AFTER_B.search(ann.text, p.start, p.end) and not ann.text[p.end:start].strip())) for p in ann.persons)


def is_venue(text: str, start: int, kind: str) -> bool:
    """A capital named as the place of the event ("في موسكو", "ببغداد", "في العاصمة الروسية موسكو")."""
    if kind != "capital":
        return False
    token = re.match(r"\w+", text[start:])
    if token and token.group().startswith(("ب", "وب")) and not token.group().startswith("بكين"):
        return True
    if not text[:start].strip() and re.match(r"[\w\s]*?\s*[،,]?\s*[–—-]", text[start:start + 30]):
        return True  # a dateline: "الدوحة – أجرى أمير دولة قطر …"
    return bool(VENUE_BEFORE.search(text[max(0, start - 30):start]))
