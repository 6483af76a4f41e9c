"""One loader for every lexicon and gazetteer the extractor uses.

The data files live in `data/` beside this module. The country gazetteer's base
is generated from Babel's CLDR Arabic territory names (mapped to ISO3 through
pycountry); the curated files add nationality adjectives, capitals, leaders,
organisations, triggers, titles and sector terms.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Iterable, NamedTuple

import pycountry
import yaml
from babel import Locale
from babel.core import get_global

from .normalise import norm, stem_candidates
from .scan import WORD_START
from .verbs import conjugated

DATA_DIR = Path(__file__).parent / "data"
TOKEN_RE = re.compile(r"\w+")
NISBA_SUFFIXES = ("", "ه", "ين", "ون", "يه", "تين", "تان", "ان")
# CLDR names that are also common words in news text.
AMBIGUOUS_COUNTRY_NAMES = {"مالي", "تشاد", "توغو", "جيرسي", "غيرنزي", "الكرسي الرسولي"}
# Nationality adjectives derived from CLDR names that are also common words or first names.
AMBIGUOUS_NISBA = {"سامي", "مالي", "كيني", "جوامي", "نيوي", "توغوي", "بيرو", "ماكاوي"}


class Token(NamedTuple):  # a tuple: a sentence makes dozens
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


@dataclass
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    payload: Any


_NO_WORD = object()  # no one-word phrase matches the token (a payload may itself be None)
_CACHED_TOKENS = 1 << 17


class _Candidates(dict):
    """Token text → what may match from it: the payload of the first one-word phrase that matches
    it and the longer phrases it may open, as (length, middle words, last word, suffixes, payload);
    () when nothing can. Filled on first sight of each token text."""

    def __init__(self, matcher: PhraseMatcher) -> None:
        super().__init__()
        self.matcher = matcher

    def __missing__(self, token: str) -> tuple:
        if len(self) >= _CACHED_TOKENS:
            self.clear()
        single, longer = _NO_WORD, []
        for form in stem_candidates(token):
            if form in self.matcher._proper and _has_article(token, form):
                continue
            for words, suffixes, payload in self.matcher._index.get(form, ()):
                if len(words) > 1:
                    longer.append((len(words), list(words[1:-1]), words[-1], suffixes, payload))
                elif single is _NO_WORD and PhraseMatcher._word_ok(form, words[0], suffixes):
                    single = payload
        self[token] = (single, tuple(longer)) if single is not _NO_WORD or longer else ()
        return self[token]


@dataclass
class PhraseMatcher:
    """Longest-match lookup of multi-word phrases in a token list.

    The first token of a phrase may carry proclitics (و ف ب ل ك ال لل); the last
    may carry a nationality suffix when the phrase was added with `suffixes`.
    """

    _index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Any]]] = field(default_factory=dict)
    _proper: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._candidates = _Candidates(self)

    def add(self, phrase: str, payload: Any, suffixes: tuple[str, ...] = ("",), proper: bool = False) -> None:
        """Index a phrase; a `proper` name without the article never matches a token that has one
        ("باريس" is not in "ألباريس")."""
        words = tuple(t.text for t in tokenize(norm(phrase)))
        if not words:
            return
        self._candidates.clear()
        if proper and not words[0].startswith("ال"):
            self._proper.add(words[0])
        bare = words[0][2:] if starts_with_article(phrase) and len(words[0]) > 5 and not proper else words[0]  # not "هند"
        keys = {words[0], bare}  # a proper name keeps its article: "ألباريس" is not "باريس"
        if len(words) == 1:
            keys |= {k + suffix for k in (words[0], bare) for suffix in suffixes}
        for key in keys:
            self._index.setdefault(key, []).append((words, suffixes, payload))

    def find(self, tokens: list[Token]) -> list[Match]:
        """Left to right, the longest phrase at each token (the first indexed among equals)."""
        texts = [t.text for t in tokens]
        candidates = list(map(self._candidates.__getitem__, texts))
        matches: list[Match] = []
        taken_until = 0
        for i in compress(range(len(texts)), candidates):
            if i < taken_until:
                continue
            single, longer = candidates[i]
            best_n, best = (0, None) if single is _NO_WORD else (1, single)
            for n, middle, last, suffixes, payload in longer:
                if n > best_n and i + n <= len(texts) and texts[i + 1:i + n - 1] == middle \
                        and self._word_ok(texts[i + n - 1], last, suffixes):
                    best_n, best = n, payload
            if best_n:
                matches.append(Match(i, i + best_n, best))
                taken_until = i + best_n
        return matches

    @staticmethod
    def _word_ok(form: str, word: str, suffixes: tuple[str, ...]) -> bool:
        for suffix in suffixes:
            for candidate in (word + suffix, (word[2:] if word.startswith("ال") else word) + suffix):
                if form == candidate or form == "ال" + candidate:
                    return True
        return False


def _has_article(token: str, form: str) -> bool:
    """Whether `token` is `form` with the article among its proclitics (ال، وال، بال، لل …)."""
    prefix = token[:len(token) - len(form)] if token.endswith(form) else ""
    return prefix.endswith("ال") or prefix.endswith("لل")


def starts_with_article(phrase: str) -> bool:
    """Whether a data entry opens with the article: a bare alef (الأردن); a hamzated one begins the word
    itself (ألمانيا، ألبانيا), so "مانيا" and "باني" are no forms of those states."""
    return phrase.lstrip().startswith("ال")


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _read_yaml(name: str) -> Any:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@dataclass(frozen=True)
class CountryRef:
    iso3: tuple[str, ...]
    kind: str  # name | longform | nisba | capital | leader | family | region | non_state (names no state)


@lru_cache(maxsize=1)
def cldr_country_names() -> dict[str, str]:
    """ISO3 → Arabic short name, from Babel's CLDR data."""
    names = {}
    for alpha2, name in Locale("ar").territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 and alpha2.isalpha() else None
        if country is not None:
            names[country.alpha_3] = name
    return names


@lru_cache(maxsize=1)
def cldr_cities() -> list[tuple[str, tuple[str, str, bool]]]:
    """Arabic city names from CLDR's time-zone exemplar cities, with the English name (the zone's city, as
    GeoNames spells it) and the ISO3 of the zone's territory: the gazetteer beyond the curated cities."""
    arabic, english = Locale("ar").time_zones, Locale("en").time_zones
    out = []
    for zone, alpha2 in get_global("zone_territories").items():
        city = arabic.get(zone, {}).get("city") if zone in arabic else None
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2 and alpha2.isalpha() else None
        if not city or not re.search(r"[\u0621-\u064a]", city) or country is None:
            continue
        name = (english.get(zone, {}).get("city") if zone in english else None) or zone.rsplit("/", 1)[-1].replace("_", " ")
        if name.lower() in _country_words():
            continue  # a zone named after its state ("Indian/Maldives") is no city
        out.append((city, (name, country.alpha_3, False)))
    return out


@lru_cache(maxsize=1)
def _country_words() -> set[str]:
    return {w.lower() for c in pycountry.countries for n in (c.name, getattr(c, "common_name", c.name))
            for w in (n, n.split(",")[0])}


def derived_nisba(name: str) -> str | None:
    """The usual nationality adjective of a one-word country name, in its own spelling: العراق → عراقي,
    روسيا → روسي, اليابان → ياباني, ألمانيا → ألماني (a hamzated alef is no article)."""
    word = name.strip()
    if " " in word:
        return None
    if starts_with_article(word):
        word = word[2:]
    if word.endswith(("ية", "يه", "يا")):
        word = word[:-2]
    elif word.endswith(("ا", "ة", "ه")):
        word = word[:-1]
    nisba = word + "ي"
    return None if len(norm(nisba)) < 4 or norm(nisba) in AMBIGUOUS_NISBA else nisba


@dataclass(frozen=True)
class Term:
    """One office a leader held: state, role, and first and last year (None: open)."""
    iso3: str
    role: str
    start: int | None
    end: int | None

    def distance(self, year: int) -> int:
        """Years between `year` and the term (0 inside it)."""
        if self.start is not None and year < self.start:
            return self.start - year
        return year - self.end if self.end is not None and year > self.end else 0


def term_in(terms: tuple[Term, ...], year: int | None) -> Term:
    """The term held in `year`, else the nearest one; the most recent when the year is unknown. `terms`
    are sorted most recent first, so where two terms meet (2014: head of government, then of state) the
    later wins."""
    return terms[0] if year is None else min(terms, key=lambda t: t.distance(year))


def _leader_terms(rows: list[dict[str, str]]) -> dict[str, tuple[Term, ...]]:
    """Normalised name → its terms, most recent first (an open term before a closed one)."""
    terms: dict[str, list[Term]] = {}
    for row in rows:
        years = [int(row[k]) if row.get(k) else None for k in ("from", "to")]
        terms.setdefault(norm(row["name"]), []).append(Term(row["iso3"], row["role"], *years))
    return {name: tuple(sorted(ts, key=lambda t: (t.end is None, t.end or 0, t.start or 0), reverse=True))
            for name, ts in terms.items()}


@dataclass(frozen=True)
class Lexicon:
    countries: PhraseMatcher
    cities: PhraseMatcher
    organizations: PhraseMatcher
    sectors: PhraseMatcher
    months: dict[str, tuple[int, bool]]
    hijri_months: dict[str, int]
    ordinals: dict[str, int]
    triggers: dict[str, Any]
    titles: list[tuple[re.Pattern, str]]
    boilerplate: list[tuple[re.Pattern, str]]
    leaders: dict[str, tuple[Term, ...]]  # normalised name → terms of office, most recent first
    epithets: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "السلطنة" → the sultanates
    institution_nouns: frozenset[str] = frozenset()  # "جامعة", "مطار": a name after one names the place
    # a city spelt as a state's name ("عمان": Amman or Oman; "الجزائر": Algiers or Algeria), normalised →
    # (the city's spelling, the state's spelling) as the data write them, vowel marks and all
    homographs: dict[str, tuple[str, str]] = field(default_factory=dict)


TENS = {"العشرين": 20, "الثلاثين": 30, "الأربعين": 40, "الخمسين": 50, "الستين": 60, "السبعين": 70}


def _ordinals(rows: list[dict[str, str]]) -> dict[str, int]:
    """Ordinal words → value, with the compounds 21–79 ("التاسعة والعشرين") generated from units and tens."""
    ordinals = {norm(r["form"]): int(r["value"]) for r in rows}
    units = {form: value for form, value in ordinals.items() if value < 10}
    units.update({norm("الحادي"): 1, norm("الحادية"): 1})
    for tens_form, tens in TENS.items():
        ordinals[norm(tens_form)] = tens
        for unit_form, unit in units.items():
            ordinals[f"{unit_form} و{norm(tens_form)}"] = tens + unit
    return ordinals


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted({norm(w) for w in words}, key=len, reverse=True))


def compile_words(words: Iterable[str]) -> re.Pattern:
    """A regex matching any of `words` (normalised) as whole words, also after the conjunctions و / ف."""
    return re.compile(rf"(?<!\w)[وف]?(?:{_alternation(words)})(?!\w)")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Load and index every data file (cached: call freely)."""
    countries = PhraseMatcher()
    for iso3, name in cldr_country_names().items():
        if name not in AMBIGUOUS_COUNTRY_NAMES:
            countries.add(name, CountryRef((iso3,), "name"))
            nisba = derived_nisba(name)
            if nisba:
                countries.add(nisba, CountryRef((iso3,), "nisba"), NISBA_SUFFIXES)
    for row in _read_csv("countries_extra.csv") + _read_csv("country_variants.csv"):
        suffixes = NISBA_SUFFIXES if row["kind"] == "nisba" else ("",)
        countries.add(row["form"], CountryRef((row["iso3"],), row["kind"]), suffixes)
    leaders = _leader_terms(_read_csv("leaders.csv"))
    for name, terms in leaders.items():
        for iso3 in dict.fromkeys(t.iso3 for t in terms):
            countries.add(name, CountryRef((iso3,), "leader"), proper=True)
    for row in _read_csv("non_states.csv"):
        countries.add(row["form"], CountryRef((), "non_state"))  # "أيرلندا الشمالية" is not Ireland
    state_spellings = {norm(name): name for name in cldr_country_names().values()}
    cities, homographs = PhraseMatcher(), {}
    for row in _read_csv("cities.csv"):
        cities.add(row["form"], (row["city"], row["iso3"], row["capital"] == "1"), proper=True)
        if norm(row["form"]) in state_spellings:
            homographs[norm(row["form"])] = (row["form"], state_spellings[norm(row["form"])])
        elif row["capital"] == "1":
            countries.add(row["form"], CountryRef((row["iso3"],), "capital"), proper=True)
    for form, payload in cldr_cities():
        if not countries.find(tokenize(norm(form))) and not cities.find(tokenize(norm(form))):
            cities.add(form, payload, proper=True)  # a city that is not also a state's name ("عمّان" / "عمان")
    for row in _read_csv("regions.csv"):
        countries.add(row["form"], CountryRef(tuple(row["members"].split()), "region"))
    organizations = PhraseMatcher()
    for row in _read_csv("organizations.csv"):
        organizations.add(row["form"], row["code"])
    sectors = PhraseMatcher()
    for row in _read_csv("sectors.csv"):
        sectors.add(row["term"], row["sector"] or None)
    months = {norm(r["form"]): (int(r["month"]), r["needs_number"] == "1") for r in _read_csv("months.csv")}
    hijri = {norm(r["form"]): int(r["month"]) for r in _read_csv("hijri_months.csv")}
    ordinals = _ordinals(_read_csv("ordinals.csv"))
    titles = [(re.compile(rf"{WORD_START}و?(?:{norm(t['pattern'])})(?!\w)"), t["role"]) for t in _read_yaml("titles.yaml")]
    boilerplate = [(re.compile(norm(b["pattern"])), b["reason"]) for b in _read_yaml("boilerplate.yaml")["drop_line"]]
    return Lexicon(countries, cities, organizations, sectors, months, hijri, ordinals,
                   conjugated(_read_yaml("triggers.yaml")), titles, boilerplate, leaders,
                   epithets={norm(r["form"]): tuple(r["candidates"].split()) for r in _read_csv("epithets.csv")},
                   institution_nouns=frozenset(norm(r["form"]) for r in _read_csv("institution_nouns.csv")),
                   homographs=homographs)
