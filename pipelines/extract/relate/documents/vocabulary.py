"""The document grammar's vocabulary (data/documents.yaml and the `agreement:` forms of triggers.yaml), compiled."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ...lexicon import DATA_DIR, compile_words, load
from ...normalise import norm

TYPES = ["memorandum_of_understanding", "agreement", "treaty", "declaration", "joint_statement", "roadmap", "plan",
         "programme", "concept", "protocol", "contract"]
CLITICS = r"(?<!\w)(?P<clitic>[وف]?(?:[بلك]|لل)?)"


def _forms(words) -> str:
    return "|".join(sorted({norm(w) for w in words}, key=len, reverse=True))


@dataclass(frozen=True)
class Vocabulary:
    heads: list[tuple[str, str, re.Pattern]]  # (type, number, pattern), number = singular | dual | plural
    head_keys: list[tuple[str, ...]]  # per head pattern, letters one of its forms begins with (a fast pre-test)
    any_head: re.Pattern  # one pass to skip sentences that name no document at all
    counted_singular: list[tuple[str, re.Pattern]]
    qualified: dict[str, list[str]]
    needs_signing: set[str]
    not_documents: re.Pattern
    anaphora: set[str]
    count: re.Pattern  # a count right before a head; group "n" holds a number
    numbers: dict[str, int]
    signing_verb: re.Pattern
    signing_noun: re.Pattern
    signing_participle: re.Pattern
    passive: re.Pattern
    past: re.Pattern
    relative: re.Pattern
    planned: re.Pattern
    planned_signing: re.Pattern
    referenced: re.Pattern
    referenced_after: re.Pattern
    item_ordinal: re.Pattern
    item_type_link: re.Pattern
    list_opener: re.Pattern
    another: re.Pattern
    generic_after: re.Pattern
    recalled: re.Pattern
    vague_fields: re.Pattern
    other_field: re.Pattern  # a field of cooperation with no sector code, at the start of a list item
    event_records: set[str]  # heads of documents that record an event ("محضر")
    describing_copula: set[str]  # "وهي" / "ويعد" + a grade word before a head: the head describes
    describing_grade: set[str]
    describing: re.Pattern
    document_set: re.Pattern
    list_connective: re.Pattern  # at the end of the text between two documents of one list
    include: re.Pattern


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load and compile the document vocabulary (cached)."""
    with open(DATA_DIR / "documents.yaml", encoding="utf-8") as f:
        d = yaml.safe_load(f)
    a = load().triggers["agreement"]
    heads = []
    for number, source in (("dual", d["dual"]), ("plural", d["plural"]), ("singular", a)):
        for kind in TYPES:
            if source.get(kind):
                heads.append((kind, number, re.compile(rf"{CLITICS}(?P<w>{_forms(source[kind])})(?!\w)")))
    head_keys = []
    for number, source in (("dual", d["dual"]), ("plural", d["plural"]), ("singular", a)):
        head_keys += [tuple({re.match(r"\w{1,3}", norm(w)).group() for w in source[kind]}) for kind in TYPES
                      if source.get(kind)]
    forms = [w for source in (d["dual"], d["plural"], a) for k in TYPES for w in source.get(k) or []]
    counted = [(k, re.compile(rf"{CLITICS}(?P<w>{_forms(v)})(?!\w)")) for k, v in d["counted_singular"].items()]
    stems = _forms(d["signing_stems"])
    # any person and tense of a signing verb, with an object pronoun: وقع، يوقعان، وقعتاها، ستوقع، أبرماه
    verb = rf"(?<!\w)[وف]?(?:س?[يتن])?(?:{stems})(?:ت|تا|ا|وا|ان|ون|ن)?(?:ه|ها|هما|هم)?(?!\w)"
    return Vocabulary(
        heads=heads,
        head_keys=head_keys,
        any_head=re.compile(rf"(?:{_forms(forms + [w for v in d['counted_singular'].values() for w in v])})(?!\w)"),
        counted_singular=counted,
        qualified={k: [norm(w) for w in v] for k, v in a["qualified"].items()},
        needs_signing={norm(w) for w in d["needs_signing"]},
        not_documents=compile_words(a["not_documents"]),
        anaphora={norm(w) for w in a["anaphora"]},
        count=re.compile(rf"(?<!\w)و?(?:(?P<n>\d+|{_forms(d['numbers'])})|{_forms(d['quantities'])})\s*$"),  # "و4 برامج"
        numbers={norm(k): v for k, v in d["numbers"].items()},
        signing_verb=re.compile(verb),
        signing_noun=re.compile(rf"(?<!\w)[وف]?(?:[بل]|لل)?(?:{_forms(d['signing_nouns'])})(?!\w)"),  # "باعتماد"
        signing_participle=compile_words(d["signing_participles"]),
        passive=compile_words(d["passive"]),
        past=compile_words(d["past_markers"]),
        relative=compile_words(d["relative"]),
        planned=compile_words(d["planned_context"]),
        planned_signing=compile_words(d["planned_context"] + d["planned_before_signing"]),
        referenced=compile_words(d["referenced_context"]),
        referenced_after=compile_words(d["referenced_after"]),
        item_ordinal=compile_words(d["item_ordinals"]),
        item_type_link=re.compile(rf"\s*(?:{_forms(d['item_type_links'])})"),
        list_opener=compile_words(d["list_openers"]),
        another=compile_words(d["another"]),
        generic_after=re.compile(rf"\s*(?:{_forms(d['generic_plural_after'])})(?!\w)"),
        recalled=compile_words(d["recalled_event"]),
        describing=compile_words(d["describing_verbs"]),
        document_set=compile_words(d["document_sets"]),
        list_connective=re.compile(rf"(?<!\w)(?:{_forms(d['list_connectives'])})\s*$"),
        include=compile_words(d["include_verbs"]),
        vague_fields=re.compile(rf"\s*(?:{_forms(d['vague_fields'])})(?!\w)"),
        event_records={norm(w) for w in d["event_records"]},
        other_field=re.compile(rf"\s*[وف]?(?:{_forms(d['other_fields'])})(?!\w)"),
        describing_copula={norm(w) for w in d["describing_copulas"]},
        describing_grade={norm(w) for w in d["describing_grades"]},
    )
