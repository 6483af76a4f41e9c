"""Stage 4 — named things in a sentence: countries, cities, organisations,
persons with their title, role and country, dates and ordinals, and the sector
lexicon's terms (stage 6 keeps those outside names).

Everything works on the sentence's normalised text; spans are normalised
character offsets, mapped back to the original only when quoted.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .dates import DateMention, find_dates
from .lexicon import TOKEN_RE, Term, Token, load, term_in
from .names import (NAME_HEADS, a_title, first_name, first_title, gap, honorific_or_title, is_ali, name_like,
                    only_mentioned, word_sets)
from .normalise import norm, stem_candidates
from .places import ArticleContext, CityMention, CountryMention, article_context, settle_places
from .scan import Hit, OnePass
from .segment import Sentence

ROLE_RANK = ["official", "org_official", "ambassador", "parliamentarian", "deputy_minister", "deputy_foreign_minister",
             "minister", "foreign_minister", "head_of_government", "head_of_state"]


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    code: str


@dataclass
class Person:
    start: int  # span of title + name in the sentence's normalised text
    end: int
    role: str
    country: str | None
    name: str | None  # original spelling
    name_norm: str | None = None
    plural_countries: tuple[str, ...] = ()  # "وزراء خارجية تركمانستان والصومال"
    plural: bool = False  # a plural or dual title: one participant per country
    counterpart: bool = False  # "نظيره": takes the role of the person it answers
    titled: bool = False  # a title in the text gave the role


@dataclass
class Annotated:
    sentence: Sentence
    countries: list[CountryMention] = field(default_factory=list)
    cities: list[CityMention] = field(default_factory=list)
    organizations: list[OrgMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    sector_terms: list[tuple[int, int, str | None]] = field(default_factory=list)  # (start, end, code); read in stage 6

    @property
    def text(self) -> str:
        return self.sentence.norm.text


def _spans(tokens: list[Token], matches) -> list[tuple[int, int, object]]:
    return [(tokens[m.start].start, tokens[m.end - 1].end, m.payload) for m in matches]


def _inside(start: int, end: int, spans) -> bool:
    return any(s <= start and end <= e for s, e, *_ in spans)


def _has_break(text: str, a: int, b: int) -> bool:
    """Punctuation between two positions (a comma, dash, bracket, colon...)."""
    return bool(re.search(r"[،,\-–—:()\[\]؛;.]", text[a:b]))


def ordinal_after(text: str, pos: int, max_words: int = 4) -> int | None:
    """The ordinal ("الرابعة", "التاسع والعشرين", "الـ5") within a few words after `pos`."""
    ordinals = load().ordinals
    taken = [m.group() for m in islice(TOKEN_RE.finditer(text, pos), max_words)]
    for i in range(len(taken)):
        for n in (3, 2, 1):
            phrase = " ".join(taken[i:i + n])
            for form in (phrase, *stem_candidates(phrase)[1:]):
                if form in ordinals:
                    return ordinals[form]
        numbered = re.fullmatch(r"ال(\d{1,3})", taken[i])  # "الدورة الـ79" (tatweel already gone)
        if numbered:
            return int(numbered.group(1))
    return None


def _names_a_place(ann: Annotated, tokens: list[Token], k: int, leader: bool = False) -> bool:
    """Whether the name or title at token k follows an institution noun, past honorifics and titles:
    "جامعة محمد بن زايد", "مطار الملك خالد", "مستشفى الشيخ خليفة" name places, not people. A leader's
    name (`leader`) may also be the last words of a longer name: "مركز حيدر علييف للمؤتمرات"."""
    j = k - 1
    while j >= 0 and k - j <= 3 and (honorific_or_title(tokens[j].text) or leader and first_name(tokens[j].text)):
        j -= 1
    return j >= 0 and not _has_break(ann.text, tokens[j].end, tokens[j + 1].start) \
        and any(f in load().institution_nouns for f in stem_candidates(tokens[j].text))


def _leader_end(ann: Annotated, tokens: list[Token], i: int) -> int | None:
    """If a known leader's name starts at token i, the token index after it."""
    for c in ann.countries:
        if c.kind == "leader" and c.start == tokens[i].start:
            return next(k for k in range(i, len(tokens) + 1) if k == len(tokens) or tokens[k].start >= c.end)
    return None


def _take_name(ann: Annotated, tokens: list[Token], i: int, blocked: set[int]) -> tuple[int, int] | None:
    """Name tokens starting at token i: (first, last+1) token indices, or None."""
    known = _leader_end(ann, tokens, i)
    if known:
        return i, known
    stop = word_sets()["stop"]
    j = i
    while j < len(tokens) and j - i < 6:
        tok = tokens[j].text
        compound = j > i and tokens[j - 1].text in NAME_HEADS  # "عبد الله": any word completes it
        # a preposition never stands before a comma or a full stop: "ليو بين،" is a name
        compound = compound or j > i and tok in PREPOSITIONS and (
            j + 1 == len(tokens) or _has_break(ann.text, tokens[j].end, tokens[j + 1].start))
        if j in blocked or not (compound or name_like(tok, stop, first=(j == i)) or is_ali(ann, tokens[j])):
            break
        if j > i and (_has_break(ann.text, tokens[j - 1].end, tokens[j].start)
                      or tok.startswith(("وس", "وي", "وت", "فس", "بال", "لل"))
                      or tok[:1] == "و" and tok[1:] in word_sets()["title_words"]
                      or not compound and a_title(tok)):  # "نجل الملك محمد": the king's title ends it
            break
        j += 1
    while j > i and tokens[j - 1].text in NAME_HEADS:  # a name does not end on "عبد" or "بن"
        j -= 1
    return (i, j) if j > i else None


PREPOSITIONS = {"في", "من", "الي", "عن", "مع", "بين", "لدي"}


def _take_name_before(ann: Annotated, tokens: list[Token], k: int, blocked: set[int]) -> tuple[int, int] | None:
    """Name tokens right before the title at token k ("رشيد ميريدوف، نائب رئيس الوزراء")."""
    words = word_sets()
    b = k
    while b > 0 and k - b < 6:
        tok = tokens[b - 1].text
        if any(pattern.match(ann.text, tokens[b - 1].start) for pattern, _ in load().titles):
            break  # another title ("الملك فلان، وولي العهد نائب رئيس مجلس الوزراء")
        if (b - 1) in blocked and not any(c.kind in ("leader", "family") and c.start <= tokens[b - 1].start < c.end
                                           for c in ann.countries):
            break
        if not name_like(tok, words["stop"], first=False) or words["honorific"].fullmatch(tok):
            break
        if b != k and _has_break(ann.text, tokens[b - 1].end, tokens[b].start):
            break
        b -= 1
    while b < k and not name_like(tokens[b].text, words["stop"], first=True):
        b += 1
    return (b, k) if k - b >= 2 else None


def _quote(ann: Annotated, tokens: list[Token], a: int, b: int) -> tuple[str, str]:
    """Original spelling and normalised form of tokens a..b, without a leading conjunction."""
    first = tokens[a].text
    skip, article = 0, ""
    known = word_sets()["leader_first_words"]
    if first not in known and first[:1] in "وفبل" and first[1:] in known:  # "لمحمد بن سلمان"
        skip = 1
    elif first not in known and first.startswith("لل") and "ال" + first[2:] in known:  # "للسيسي"
        skip, article = 2, "ال"
    s, e = ann.sentence.norm.span_to_original(tokens[a].start + skip, tokens[b - 1].end)
    text = article + re.sub(r"\s*[،,]\s*", " ", ann.sentence.text[s - ann.sentence.start:e - ann.sentence.start])
    return text, " ".join([article + first[skip:]] + [t.text for t in tokens[a + 1:b]])


# A father's name inside a full name ("بن احمد"), when the leader list gives the short form; not the last pair.
NASAB = re.compile(r"(?<=\w) (?:بن|بنت|ابن) \w+(?= \w)")


def _leader_term(name_norm: str, year: int | None) -> Term | None:
    """The office a known leader held in `year` (the name's first word may carry proclitics)."""
    leaders = load().leaders
    for name in dict.fromkeys((name_norm, NASAB.sub(" ", name_norm))):  # "عادل بن احمد الجبير" is "عادل الجبير"
        first, *rest = name.split()
        terms = next((leaders[key] for f in stem_candidates(first) if (key := " ".join([f, *rest])) in leaders), None)
        if terms:
            return term_in(terms, year)
    return None


def _tokens_in(starts: list[int], span: CountryMention | OrgMention) -> range:
    """Indices of the tokens that start inside a span (`starts`: the tokens' start offsets, ascending)."""
    return range(bisect_left(starts, span.start), bisect_left(starts, span.end))


@lru_cache(maxsize=1)
def _title_patterns() -> list[re.Pattern]:
    """The titles, also after the preposition ب ("التقى بوزير الخارجية", "اجتمع بالرئيس")."""
    return [re.compile(p.pattern.replace("(?<!\\w)و?", "(?<!\\w)(?:وب|و|ب)?", 1)) for p, _ in load().titles]


@lru_cache(maxsize=1)
def _title_pass() -> OnePass:
    return OnePass(_title_patterns())


def _titles(text: str) -> list[tuple[Hit, str]]:
    """(match, role) of every title in the text, by start, the longest first."""
    found = [(hit, role) for hits, (_, role) in zip(_title_pass().finditer_each(text), load().titles) for hit in hits]
    return sorted(found, key=lambda x: (x[0].start, x[0].start - x[0].end))


def _find_persons(ann: Annotated, year: int | None) -> list[Person]:
    text = ann.text
    tokens = ann.sentence.tokens
    words = word_sets()
    starts = [t.start for t in tokens]
    tok_at = {start: k for k, start in enumerate(starts)}
    blocked = {k for span in [*(c for c in ann.countries if c.kind not in ("leader", "family")), *ann.organizations]
               for k in _tokens_in(starts, span)}
    country_at: dict[int, CountryMention] = {}  # token index → the first country (not a leader's name) over it
    for c in ann.countries:
        if c.kind != "leader":
            for k in _tokens_in(starts, c):
                country_at.setdefault(k, c)
    persons: list[Person] = []

    def person_at(a: int, b: int) -> Person | None:
        return next((p for p in persons if p.name and p.start < tokens[b - 1].end and tokens[a].start < p.end), None)

    # known leaders' names first
    for c in ann.countries:
        if c.kind == "leader":
            a = tok_at.get(c.start)
            if a is None:
                continue
            b = _leader_end(ann, tokens, a)
            name, name_norm = _quote(ann, tokens, a, b)
            term = _leader_term(c.leader or name_norm, year)
            persons.append(Person(c.start, c.end, term.role if term else "official", term.iso3 if term else c.iso3[0],
                                  name, name_norm))
    titles = _titles(text)
    taken_until = -1
    for title, role in titles:
        if title.start < taken_until or title.start not in tok_at or _names_a_place(ann, tokens, tok_at[title.start]):
            continue
        k = tok_at[title.start]
        kin = k and not _has_break(text, tokens[k - 1].end, title.start) \
            and any(tokens[k - 1].text in (w, "و" + w) for w in words["kin"])
        if role == "none" or kin:
            taken_until = title.end  # a delegation's chair (his office is his other title), a relative's title
            continue
        end_k = k
        while end_k < len(tokens) and tokens[end_k].end <= title.end:
            end_k += 1
        country, listed = None, []
        j, seen_country = end_k, False
        while j < len(tokens) and j - end_k < 8:
            tok = tokens[j]
            cm = country_at.get(j)
            if cm and cm.kind != "family":
                country = country or cm.iso3[0]
                listed.extend(cm.iso3)
                seen_country = True
                while j < len(tokens) and tokens[j].start < cm.end:
                    j += 1
                continue
            broke = _has_break(text, tokens[j - 1].end, tok.start) if j > 0 else False
            if tok.text == "في" and j + 1 < len(tokens) and tokens[j + 1].text in ("العاصمه", "مدينه"):
                break  # "وزراء خارجية المنظمة في العاصمة النيجرية": a place, not the title's state
            # honorifics are skipped, not "، والسفير …" (another person's)
            if tok.text in ("البلدين", "الجانبين", "الطرفين", "البلدان") or not (broke and tok.text[:1] == "و") \
                    and (words["honorific"].fullmatch(tok.text) or tok.text in words["honorific_words"]):
                j += 1
                continue
            qualifier = tok.text.startswith(("ال", "لل", "لش")) or tok.text.startswith("ل") and len(tok.text) > 4
            if not seen_country and not broke and (tok.text in ("لدي", "في", "دوله", "جمهوريه", "مملكه", "حكومه", "وزاره", "مجلس", "شوون",
                                                               "شيون", "وشوون", "وشيون")
                                                  or j in blocked or qualifier):
                j += 1
                continue
            if seen_country and tok.text in ("لدي",):
                j += 1
                continue
            break
        name_span = None
        if j < len(tokens):
            forward = _take_name(ann, tokens, j, blocked)
            broke = _has_break(text, tokens[j - 1].end, tokens[j].start)
            quoted = j + 1 < len(tokens) and all(re.search(r"[«»\"“”]", gap(ann, *pair))  # «كونا»: one quoted word
                                                 for pair in ((tokens[j - 1], tokens[j]), (tokens[j], tokens[j + 1])))
            if forward and not quoted and not (broke and tokens[j].text[:1] == "و"):
                name_span = forward
        if name_span is None:
            chained = [p for p in persons if p.end <= title.start and title.start - p.end <= 3 and p.titled]
            rank = chained[-1] if chained and chained[-1].name and not text[chained[-1].end:title.start].strip() \
                and words["honorific"].match(text, chained[-1].start) else None
            if rank is not None:  # "السفير فلان نائب وزير الخارجية المصري": a rank, then the office
                rank.role, rank.country = role, country or rank.country
                rank.end = taken_until = max(rank.end, tokens[j - 1].end if j > end_k else title.end)
                continue
            if chained and text[chained[-1].end:title.start].strip() in ("", "،", ",") \
                    and country in (None, chained[-1].country):
                continue  # a second title of the same person: "نائب رئيس مجلس الوزراء وزير شؤون الرئاسة"
            before = _take_name_before(ann, tokens, k, blocked)
            owner = person_at(*before) if before else None
            name_span = None if owner is not None and owner.titled else before
        is_plural = bool(re.match(r"(?:وب|و|ب)?(وزراء|وزيرا|وزيري|نواب|نايبا|نايبي|رييسا|رييسي|الرييسين|الرييسان"
                                  r"|الوزيرين|الوزيران)", title.text))
        if role == "head_of_state" and re.fullmatch(r"(?:وب|و|ب)?ال?رييس", title.text) and country is None \
                and name_span is None:
            continue  # "رئيس" of something else ("رئيس الوفد")
        if re.fullmatch(r"(?:وب|و|ب)?ال?امير", title.text) and country is None:
            continue  # "الأمير فيصل بن فرحان": a prince's honorific, not the Emir of a state
        span_end = tokens[j - 1].end if j > end_k else title.end
        name = name_norm = None
        if name_span and not is_plural:
            a, b = name_span
            existing = person_at(a, b)
            if existing:  # a leader already found: the title tells the role it holds here
                if (first := first_title(persons, title.start, text, country)) is not None:
                    persons.remove(first)
                    role, existing.start = max(first.role, role, key=ROLE_RANK.index), min(existing.start, first.start)
                existing.role = role
                existing.country = existing.country or country
                existing.titled = True
                if tokens[a].start < existing.start:  # "أنور بن محمد قرقاش" is more of the name than "قرقاش"
                    existing.name, existing.name_norm = _quote(ann, tokens, a, b)
                existing.start = min(existing.start, title.start, tokens[a].start)
                existing.end = taken_until = max(span_end, existing.end)  # "فلان، وزير الخارجية والهجرة": the title too
                continue
            name, name_norm = _quote(ann, tokens, a, b)
            family = next((c for c in ann.countries if c.kind in ("family", "leader")
                           and tokens[a].start <= c.start < tokens[b - 1].end), None)
            country = country or (family.iso3[0] if family else None)
            if country is None and (term := _leader_term(name_norm, year)):  # a leader's name with a nasab in it
                country = term.iso3
            span_end = max(span_end, tokens[b - 1].end)
        if country is None and re.match(r"و?ب", title.text):
            continue  # "بالرئيس فلان" of no known state: too weak to name a participant
        start = min(title.start, tokens[name_span[0]].start if name_span else title.start)
        if not is_plural and (first := first_title(persons, title.start, text, country)) is not None:
            persons.remove(first)
            start, role = first.start, max(first.role, role, key=ROLE_RANK.index)
        persons.append(Person(start, span_end, role, country, name, name_norm,
                              tuple(dict.fromkeys(listed)) if is_plural else (), plural=is_plural, titled=True))
        taken_until = span_end
    for m in words["counterpart"].finditer(text):
        after = [c for c in ann.countries if m.end() <= c.start <= m.end() + 2]
        persons.append(Person(m.start(), after[0].end if after else m.end(), "counterpart",
                              after[0].iso3[0] if after else None, None, counterpart=True))
    # "ترأس الجانب العراقي ...": the side's country goes to the next person without one
    for m in re.finditer(r"(?<!\w)(?:و?عن |و?من )?(?:ال)?جانب (\w+)", text):
        side = next((c for c in ann.countries if c.start == m.start(1)), None)
        nxt = next((p for p in sorted(persons, key=lambda p: p.start) if p.start >= m.end()), None)
        if side and nxt and nxt.country is None:
            nxt.country = side.iso3[0]
    return sorted((p for p in persons if not only_mentioned(ann, p)), key=lambda p: p.start)


def annotate(sentence: Sentence, year: int | None = None, context: ArticleContext | None = None) -> Annotated:
    """Find every named thing in one sentence; `year` (the article's) picks the office a known leader held,
    `context` (the article's, see `article_context`) settles the words one sentence leaves open."""
    lex = load()
    tokens = sentence.tokens
    ann = Annotated(sentence)
    orgs = _spans(tokens, lex.organizations.find(tokens))
    ann.organizations = [OrgMention(s, e, code) for s, e, code in orgs]
    matches = lex.countries.find(tokens)
    countries = []
    for m, (s, e, ref) in zip(matches, _spans(tokens, matches)):
        if ref.iso3 and not _inside(s, e, orgs) and not (
                ref.kind == "leader" and _names_a_place(ann, tokens, m.start, leader=True)):
            countries.append(CountryMention(s, e, ref.iso3, ref.kind))
    cities = [CityMention(s, e, *payload) for s, e, payload in _spans(tokens, lex.cities.find(tokens))
              if not _inside(s, e, orgs)]
    ann.countries, ann.cities = settle_places(ann, countries, cities, context)
    ann.sector_terms = _spans(tokens, lex.sectors.find(tokens))
    ann.dates = find_dates(sentence.norm.text)
    ann.persons = _find_persons(ann, year)
    return ann
