"""What can be a person's name after a title: the word classes of the lexicons that are no name
(`triggers.yaml`: name_stopwords, name_stop_verbs, kinship_nouns, honorifics; the trigger words; the institution
nouns), looked for under a word's clitics, and the titles' words."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import Token, compile_words, load
from .normalise import norm

if TYPE_CHECKING:
    from .recognise import Annotated, Person


@lru_cache(maxsize=1)
def word_sets() -> dict[str, object]:
    """The word sets and patterns the name tests use, from the lexicons."""
    t = load().triggers
    trigger_words = {w for kind in ("meeting", "agreement") for v in t[kind].values() if isinstance(v, list)
                     for phrase in v for w in norm(phrase).split() if w.isalpha()}
    verbs = {form for verb in t["name_stop_verbs"] for form in _verb_forms(*norm(verb).split("/"))}
    kin = {norm(w) for w in t["kinship_nouns"]}
    return {
        "stop": {norm(w) for w in t["name_stopwords"]} | trigger_words | {"تم", "توجيه"} | load().institution_nouns
        | verbs | kin,
        "kin": kin,
        "mention_cue": re.compile(rf"(?<!\w)[وف]?(?:{'|'.join(sorted(map(norm, t['mention_cues']), key=len)[::-1])})"
                                  r"\s*$"),
        "verbs": verbs,
        "honorific": compile_words(t["honorifics"]),
        "honorific_words": {w for phrase in t["honorifics"] if " " in phrase for w in norm(phrase).split()},
        "name_words": {w for name in load().leaders for w in name.split()},
        "counterpart": compile_words(t["counterpart"]),
        "leader_first_words": {name.split()[0] for name in load().leaders},
        "title_words": {"رييس", "وزير", "نايب", "سفير", "وكيل", "امير", "ملك", "مستشار", "السفير", "الرييس", "الوزير"},
    }


def _verb_forms(past: str, imperfect: str) -> set[str]:
    """The conjugated forms of a verb given its past and imperfect 3rd person masculine ("بدا", "يبدا"):
    past with subject suffixes, imperfect with every person prefix, number suffix and the future س,
    and a derived stem's participle ("يتوجه" → "متوجه", "متوجها")."""
    stem = imperfect[1:]
    forms = {past + s for s in ("", "ت", "ا", "وا", "تا", "نا")}
    forms |= {f + p + stem + s for f in ("", "س") for p in "يتنا" for s in ("", "ان", "ون", "ين", "وا")}
    if len(stem) > 3:
        forms |= {"م" + stem + s for s in ("", "ا", "ه", "ين", "ون", "ان")}
    return forms


# Verbal nouns of the derived stems (تفعيل إفعال افتعال استفعال مفاعلة تفاعل) and "أداء": after ب / ل a
# manner or purpose ("بإجراء اتصال", "بتقديم التهنئة", "بأداء مناسك"), never a name.
MASDAR = re.compile(r"ت\w\wي\w|ا\w\wا\w|ا\wت\wا\w|است\w\wا\w|م\wا\w\wه|ت\wا\w\w|ا\wاء")


CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")  # not ال: "العلي" is a name, not ال + على


@lru_cache(maxsize=1 << 14)
def _other_word(tok: str, first: bool) -> bool:
    """Whether a word the lexicons know as no name hides under the token's clitics: a proclitic before a stop word
    or an ordinal ("بدعوة", "بأول"), a pronoun suffix or the accusative ("ووفده", "يحضرها", "وفدا"), a dual
    pronoun ("ارتياحهما"), or (first word only) a verbal noun after ب / ل. A known leader's name word is a name."""
    words = word_sets()
    if tok in words["name_words"]:
        return False
    if tok.endswith("هما") and len(tok) > 4 or tok in words["honorific_words"]:  # "صاحب الجلالة"
        return True
    for clitic in ("", *(p for p in CLITICS if tok.startswith(p) and len(tok) - len(p) >= 2)):
        form = tok[len(clitic):]
        bases = [form] + [form[:-len(s)] for s in ("ها", "ه", "ا") if form.endswith(s) and len(form) - len(s) >= 3]
        bases += [b[:-1] + "ه" for b in bases[1:] if b.endswith("ت")]  # "زيارته": the ة of "زيارة" before a suffix
        # a verb takes و / ف, not ب ل ك, and a short one under them is a name as often ("فادي" is not ف + أدى)
        verb_ok = clitic[-1:] in ("", "و", "ف") and (not clitic or len(form) > 3)
        if any(base != tok and base in words["stop"] and (verb_ok or base not in words["verbs"]) for base in bases):
            return True
        if clitic and ("ال" + form in load().ordinals or first and tok[0] in "بل" and MASDAR.fullmatch(form)):
            return True
    return False


def is_stop(tok: str, stop: set) -> bool:
    """A stop word, also after the conjunctions و / ف."""
    return tok in stop or (tok[:1] in "وف" and tok[1:] in stop)


def name_like(tok: str, stop: set, first: bool) -> bool:
    """Whether the token may be a word of a person's name (`first`: its first word, which has no article)."""
    if is_stop(tok, stop) or tok.isdigit() or len(tok) < 2:
        return False
    if first and (tok.startswith(("ال", "لل", "لش", "وال", "فال", "بال")) or tok.startswith("ل") and len(tok) > 4):
        return False
    return not _other_word(tok, first)


def first_name(word: str) -> bool:
    """A word that may be a given name before a family name: no article, no stop word."""
    return not word.startswith("ال") and name_like(word, word_sets()["stop"], first=True)


@lru_cache(maxsize=1 << 14)
def a_title(word: str) -> bool:
    """A one-word title ("الملك", "الرئيس")."""
    return any(p.fullmatch(word) for p, _ in load().titles)


@lru_cache(maxsize=1 << 14)
def honorific_or_title(word: str) -> bool:
    """A one-word honorific or title."""
    return bool(word_sets()["honorific"].fullmatch(word) or any(p.fullmatch(word) for p, _ in load().titles))


# Words that begin a compound name or a filiation and need the word after them ("عبد الله", "بن سلمان", "أبو الغيط").
NAME_HEADS = {"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ولد"}


def original(ann: Annotated, start: int, end: int) -> str:
    """The original text of a span of the sentence's normalised text."""
    s, e = ann.sentence.norm.span_to_original(start, end)
    return ann.sentence.text[s - ann.sentence.start:e - ann.sentence.start]


def gap(ann: Annotated, before: Token, after: Token) -> str:
    """The original text between two tokens (the normalised text has no quotation marks)."""
    end = ann.sentence.norm.span_to_original(before.start, before.end)[1]
    start = ann.sentence.norm.span_to_original(after.start, after.end)[0]
    return ann.sentence.text[end - ann.sentence.start:start - ann.sentence.start]


def is_ali(ann: Annotated, token: Token) -> bool:
    """«علي» spelt with ي is the name, not the preposition «على» (the two are one word once normalised)."""
    return token.text == "علي" and original(ann, token.start, token.end).endswith("ي")


def first_title(persons: list[Person], start: int, text: str, country: str | None) -> Person | None:
    """The unnamed person of a title right before the title at `start` (a comma at most between) that is the same
    person's: "ولي العهد رئيس مجلس الوزراء الأمير فلان" (who takes the higher role). Not when the second title
    names a state of its own: "استقبل ولي العهد رئيس الوزراء الهندي" is two people."""
    first = max((p for p in persons if p.titled and p.end <= start), key=lambda p: p.end, default=None)
    if first and not (first.name or first.country or first.plural) and country is None \
            and text[first.end:start].strip() in ("", "،", ","):
        return first
    return None


def only_mentioned(ann: Annotated, person: Person) -> bool:
    """Whether a person is only mentioned (`mention_cues` before the title or name, past honorifics and epithets):
    greeted, quoted as the sender of a letter or the giver of orders, deposed. A late or former office-holder may
    still be a participant of a past event ("ترأس سلطان عمان الراحل وفد بلاده عام 2011")."""
    words = word_sets()
    start = person.start
    for _ in range(3):  # past honorifics and epithets: "تحيات خادم الحرمين الشريفين الملك", "رسالة من جلالة الملك"
        skipped = [m.start() for m in words["honorific"].finditer(ann.text, max(0, start - 30), start)
                   if not ann.text[m.end():start].strip()]
        skipped += [c.start for c in ann.countries if c.end <= start and not ann.text[c.end:start].strip()]
        if not skipped:
            break
        start = min(skipped)
    before = ann.text[max(0, start - 40):start]
    return bool(words["mention_cue"].search(before.rstrip() + " "))
