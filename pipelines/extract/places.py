"""What a place word names, when one sentence leaves it open: a city or the state spelt like it ("عمان":
Amman or Oman; "الجزائر": Algiers or Algeria), a state's adjective or a known leader's surname
("السوداني": Sudanese, or Iraq's prime minister). The word's vowel marks and the nouns around it decide,
else what the whole article names (`ArticleContext`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import Token, load
from .normalise import stem_candidates
from .segment import DATELINE

if TYPE_CHECKING:
    from .recognise import Annotated

# "سلطنة عمان"; a state's government, people or envoys: "وزير خارجية عمان", "سفارة عمان", "شعب عمان"
STATE_NOUN_BEFORE = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:سلطنه|مملكه|جمهوريه|دوله|اماره|بلد|خارجيه|حكومه|شعب|قياده|"
                               r"سفير|سفيره|سفاره|سلطان|ملك|امير|رييس|وزير|جيش|برلمان)\s+$")
# "العاصمة الأردنية عمان", "في مدينة عمان", "أمانة عمان"; not "عاصمة عمان" (the capital of Oman)
CITY_NOUN_BEFORE = re.compile(r"(?<!\w)(?:[وف]?(?:بال|لل|ال)عاصمه|[وفبل]?(?:ال)?(?:مدينه|بلديه|امانه))(?:\s+ال\w+)?\s+$")
CITY_NOUN_AFTER = re.compile(r"\s+(?:ال)?عاصمه(?!\w)")  # "الجزائر العاصمة"
TIME_ZONE_BEFORE = re.compile(r"(?<!\w)[وب]?توقيت\s+$")  # "العاشرة صباحا بتوقيت مكة المكرمة": a clock, no place
LIST_GAP = re.compile(r"\s*(?:[،,]\s*)?و?")  # between two items of a list: "، " or " و"
MARKS = re.compile(r"[\u064b-\u0652]")


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    iso3: tuple[str, ...]
    kind: str
    leader: str | None = None  # a known leader named otherwise than leaders.csv has him (his surname alone): that name


@dataclass(frozen=True)
class CityMention:
    start: int
    end: int
    city: str
    iso3: str
    capital: bool


@dataclass(frozen=True)
class ArticleContext:
    """What the whole article says: the states it names unambiguously, and the surnames of the known leaders
    it names in full that are also a state's word (surname → (the leader's state, his full name))."""
    states: frozenset[str]
    surnames: dict[str, tuple[str, str]]

    def concerns(self, ann: Annotated) -> bool:
        """Whether the sentence has a word this context may read otherwise than the sentence alone."""
        return any(_homograph(word := ann.text[c.start:c.end]) or _surname_of(word, self.surnames)
                   for c in ann.countries)


def article_context(annotated: list[Annotated]) -> ArticleContext | None:
    """The article-wide evidence for the words its sentences leave open; None when no sentence needs it."""
    states, surnames, open_words = set(), {}, False
    for ann in annotated:
        for c in ann.countries:
            word = ann.text[c.start:c.end]
            if _homograph(word):
                open_words = True
                continue
            states.update(c.iso3)
            if c.kind == "leader" and " " in word:
                last = word.split()[-1]
                named = load().countries.find([Token(last, 0, len(last))])
                if named and named[0].payload.kind in ("nisba", "name") and c.iso3[0] not in named[0].payload.iso3:
                    surnames[last] = (c.iso3[0], c.leader or _leader_key(word))
    open_words = open_words or any(_surname_of(ann.text[c.start:c.end], surnames) for ann in annotated
                                   for c in ann.countries if c.kind != "leader")
    return ArticleContext(frozenset(states), surnames) if open_words else None


def settle_places(ann: Annotated, countries: list[CountryMention], cities: list[CityMention],
                  context: ArticleContext | None) -> tuple[list[CountryMention], list[CityMention]]:
    """One reading for each word that names both a city and a state; a known leader for his surname alone."""
    city_at = {(c.start, c.end): c for c in cities}
    kept, dropped_cities = [], set()
    for c in countries:
        city = city_at.get((c.start, c.end))
        word = ann.text[c.start:c.end]
        if city is not None and c.kind == "name" and _homograph(word):
            if _reads_as_city(ann, c, city, context, countries):
                c = CountryMention(c.start, c.end, (city.iso3,), "capital") if city.capital else None
            else:
                dropped_cities.add((city.start, city.end))
        elif c.kind in ("nisba", "name") and (longer := _leader_ending_at(ann, c, kept)):
            c = longer
        elif context and c.kind in ("nisba", "name") and (known := _surname_of(word, context.surnames)) \
                and not (c.kind == "nisba" and _qualifies_a_noun(ann, c.start)):
            c = CountryMention(c.start, c.end, (known[0],), "leader", leader=known[1])
        if c is not None:
            kept.append(c)
    wider = [(c.start, c.end) for c in kept if c.kind in ("name", "longform")]  # "سلطنة عمان" holds no Amman
    return kept, [c for c in cities if (c.start, c.end) not in dropped_cities
                  and not any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in wider)
                  and not TIME_ZONE_BEFORE.search(ann.text, 0, c.start)]


def _leader_ending_at(ann: Annotated, c: CountryMention, kept: list[CountryMention]) -> CountryMention | None:
    """A known leader named with one more word than the list has ("محمد شياع صبار السوداني" for
    "محمد شياع السوداني") whose surname is the state's word at `c`."""
    tokens = ann.sentence.tokens
    k = next((i for i, t in enumerate(tokens) if t.start == c.start), None)
    for words in _state_word_surnames().get(ann.text[c.start:c.end], ()) if k is not None else ():
        for j in range(max(0, k - len(words)), k - len(words) + 2):
            inner = [t.text for t in tokens[j + 1:k]]
            if 0 <= j < k and words[0] in stem_candidates(tokens[j].text) and len(inner) <= len(words) \
                    and _in_order(words[1:-1], inner) and not any(o.end > tokens[j].start for o in kept):
                key = " ".join(words)
                return CountryMention(tokens[j].start, c.end, (load().leaders[key][0].iso3,), "leader", leader=key)
    return None


def _in_order(words: list[str], tokens: list[str]) -> bool:
    it = iter(tokens)
    return all(w in it for w in words)


@lru_cache(maxsize=1)
def _state_word_surnames() -> dict[str, list[list[str]]]:
    """Known leaders whose surname is a state's word, by that word: "السوداني" → [محمد شياع السوداني]."""
    out: dict[str, list[list[str]]] = {}
    for key, terms in load().leaders.items():
        words = key.split()
        named = load().countries.find([Token(words[-1], 0, len(words[-1]))]) if len(words) > 2 else []
        if named and named[0].payload.kind in ("nisba", "name") and terms[0].iso3 not in named[0].payload.iso3:
            out.setdefault(words[-1], []).append(words)
    return out


def _leader_key(name_norm: str) -> str:
    """A leader's name as leaders.csv has it, without a leading conjunction."""
    first, *rest = name_norm.split()
    leaders = load().leaders
    return next((key for f in stem_candidates(first) if (key := " ".join([f, *rest])) in leaders), name_norm)


def _homograph(word: str) -> tuple[str, str] | None:
    homographs = load().homographs
    return next((homographs[f] for f in stem_candidates(word) if f in homographs), None)


def _surname_of(word: str, surnames: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The leader whose surname the word is, spelt as he is, article and all (only a conjunction or a
    preposition before it): "والسوداني" is al-Sudani, "الكاميرون" is no Cameron."""
    return surnames.get(word) or (surnames.get(word[1:]) if word[:1] in "وفبل" else None)


def _original(ann: Annotated, start: int, end: int) -> str:
    s, e = ann.sentence.norm.span_to_original(start, end)
    return ann.sentence.text[s - ann.sentence.start:e - ann.sentence.start]


def _reads_as_city(ann: Annotated, c: CountryMention, city: CityMention, context: ArticleContext | None,
                   countries: list[CountryMention]) -> bool:
    """Whether a word spelt as a city and a state names the city: by its vowel marks (عمّان / عُمان), the noun
    before or after it (مدينة، العاصمة الأردنية / سلطنة، جمهورية), a dateline; else, for a city of another
    state, when the article names that state and not the state spelt like the city."""
    city_spelling, state_spelling = _homograph(ann.text[c.start:c.end])
    marks = set(MARKS.findall(_original(ann, c.start, c.end)))
    if marks:
        as_city, as_state = marks <= set(MARKS.findall(city_spelling)), marks <= set(MARKS.findall(state_spelling))
        if as_city != as_state:
            return as_city
    before = ann.text[max(0, c.start - 30):c.start]
    if STATE_NOUN_BEFORE.search(before) or _listed_with_states(ann, c, countries):
        return False
    if CITY_NOUN_BEFORE.search(before) or CITY_NOUN_AFTER.match(ann.text, c.end):
        return True
    if not ann.text[:c.start].strip() and (ann.sentence.kind == DATELINE or re.match(r"\s*[–—-]", ann.text[c.end:])):
        return True  # "عمان – التقى …"
    if context is None or city.iso3 in c.iso3:
        return False
    return city.iso3 in context.states and not set(c.iso3) & context.states


def _listed_with_states(ann: Annotated, c: CountryMention, countries: list[CountryMention]) -> bool:
    """Whether the word is an item in a list of states' names ("الكويت وعمان والبحرين")."""
    names = [o for o in countries
             if o.kind in ("name", "longform") and o is not c and not _homograph(ann.text[o.start:o.end])]
    return any(LIST_GAP.fullmatch(ann.text, o.end, c.start) for o in names if o.end <= c.start) or \
        any(LIST_GAP.fullmatch(ann.text, c.end, o.start + 1) and ann.text[o.start] == "و" for o in names if o.start >= c.end)


def _qualifies_a_noun(ann: Annotated, start: int) -> bool:
    """Whether the adjective at `start` follows a noun it qualifies: a definite one ("الرئيس السوداني") or one
    with a possessive pronoun ("نظيره السوداني"); after a verb, a preposition, a name or an indefinite noun
    ("حكومة السوداني") it is a surname."""
    prev = re.search(r"(\w+)\s*$", ann.text[:start])
    if prev is None:
        return False
    original = MARKS.sub("", _original(ann, prev.start(1), prev.end(1)))
    return bool(re.match(r"[وفبل]?(?:ال|لل)", prev.group(1))) or original.endswith(("ه", "ها", "هم", "هما", "كم"))
