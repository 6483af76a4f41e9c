"""Verb morphology for the lexicons: a verb is listed once, by its past and present, and conjugated here."""
from __future__ import annotations

import re
from typing import Any

from .normalise import norm

VERB_SPEC = re.compile(r"(\w+)/(\w+)")
LIST_REF = re.compile(r"\{\{(\w+)\}\}")  # a pattern's reference to the forms of another list


def conjugate(past: str, present: str) -> list[str]:
    """The third-person forms of a verb given by its past and present (masculine singular): past -ت -ا -تا -وا,
    present ي/ت- with -ان -ون, and the future with س-. A final ى/ي is weak ("التقى" → "التقيا", "التقوا";
    "يلتقي" → "يلتقيان", "يلتقون"). Proclitics (و ف) are left to the matchers."""
    if past.endswith(("ى", "ي")):
        stem = past[:-1]
        past_forms = [past, stem + "ت", stem + "يا", stem + "تا", stem + "وا"]
    else:
        past_forms = [past, past + "ت", past + "ا", past + "تا", past + "وا"]
    return past_forms + imperfect_forms(present)


def imperfect_forms(present: str) -> list[str]:
    """The present and future forms of `conjugate`."""
    weak = present.endswith(("ى", "ي"))
    body = present[1:]
    dual = (body[:-1] + "يان") if weak else body + "ان"
    plural = (body[:-1] + "ون") if weak else body + "ون"
    present_forms = [p + b for p in "يت" for b in (body, dual)] + ["ي" + plural]
    return present_forms + ["س" + f for f in present_forms]


def expand_verbs(entries: list) -> tuple[list, list[str]]:
    """A data list with each 'PAST/PRESENT' entry replaced by its conjugations; and those forms alone."""
    out, forms = [], []
    for entry in entries:
        spec = VERB_SPEC.fullmatch(entry) if isinstance(entry, str) else None
        if spec:
            generated = conjugate(*spec.groups())
            forms += generated
            out += [f for f in generated if f not in out]
        else:
            out.append(entry)
    return out, forms


def conjugated(data: dict[str, Any]) -> dict[str, Any]:
    """The trigger lexicon (triggers.yaml) with its verb entries conjugated and each `{{list}}` in a pattern
    replaced by that list's forms; `verb_forms` of a section holds, per list, the generated forms, without those listed as look-alikes
    in `not_trigger_words` ("وزارتا" is و + زارتا but a ministry), and `imperfect_forms`, per list, the present
    and future ones."""
    for section in (data["meeting"], data["agreement"]):
        blocked = {norm(w) for w in section.get("not_trigger_words", ())}
        section["verb_forms"] = {}
        section["imperfect_forms"] = {key: [f for e in entries if isinstance(e, str) and VERB_SPEC.fullmatch(e)
                                            for f in imperfect_forms(VERB_SPEC.fullmatch(e).group(2))]
                                      for key, entries in section.items() if isinstance(entries, list)}
        for key, entries in list(section.items()):
            if isinstance(entries, list) and any(isinstance(e, str) and VERB_SPEC.fullmatch(e) for e in entries):
                expanded, forms = expand_verbs(entries)
                section[key] = [e for e in expanded if norm(e) not in blocked]
                section["verb_forms"][key] = [f for f in forms if norm(f) not in blocked]
        for key, entries in section.items():
            if isinstance(entries, list):
                section[key] = [LIST_REF.sub(lambda m: _alternation_of(section[m.group(1)]), e) if isinstance(e, str)
                                else e for e in entries]
    return data


def _alternation_of(words: list[str]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))
