"""Stage 2 — normalisation for matching.

Evidence is always quoted from the original text, so normalisation keeps a map
from every normalised character back to its offset in the original.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_DIACRITICS = set(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
_TATWEEL = "\u0640"
_DROPPED = _DIACRITICS | {_TATWEEL, "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", '"', "“", "”", "«", "»", "'", "‘", "’", "„"}
_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ـ": "", "ك": "ك", "ی": "ي", "ي": "ي", "ک": "ك",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}


def _fold(ch: str) -> str:
    if ch in _DIGITS:
        return _DIGITS[ch]
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":  # presentation forms and ligatures ("ﷲ" → "الله")
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:  # a non-character of the block: nothing to fold it to
            return ch
        return "".join(_fold(c) for c in decomposed if c not in _DROPPED)
    ch = _LETTERS.get(ch, ch)
    return ch.lower()


class _FoldTable(dict):
    """A `str.translate` table: code point → its normalised form ("" when dropped, " " for a space),
    filled the first time each character is seen. It also knows the irregular characters, those that
    do not give exactly one character."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set(_DROPPED)
        self._irregular_re: re.Pattern | None = None

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "" if ch in _DROPPED else _fold(ch)
        folded = " " if folded and ch.isspace() else folded
        if len(folded) != 1:
            self.irregular.add(ch)
            self._irregular_re = None
        self[code] = folded
        return folded

    def irregular_re(self) -> re.Pattern:
        """A pattern matching the irregular characters seen so far."""
        if self._irregular_re is None:
            self._irregular_re = re.compile(f"[{''.join(map(re.escape, sorted(self.irregular)))}]")
        return self._irregular_re


_FOLDED = _FoldTable()
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NormText:
    """Normalised text with, for every character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    def slice(self, start: int, end: int) -> NormText:
        """The normalisation of original[start:end] (offsets as here), cut out of this one: the same as
        normalising the slice (every character is normalised on its own, and a run of spaces is its
        first one), except for the spaces of a run the cut falls in."""
        i, j = bisect_left(self.offsets, start), bisect_left(self.offsets, end)
        return NormText(self.text[i:j], self.offsets[i:j], end)


def normalise_with_offsets(text: str, base: int = 0) -> NormText:
    """Normalise `text` for matching; offsets are shifted by `base`."""
    folded = text.translate(_FOLDED)  # first: it learns the irregular characters of `text`
    offsets: list[int] = []
    done = 0
    for m in _FOLDED.irregular_re().finditer(text):
        i = m.start()
        offsets.extend(range(base + done, base + i))
        offsets.extend([base + i] * len(_FOLDED[ord(m.group())]))
        done = i + 1
    offsets.extend(range(base + done, base + len(text)))
    if "  " in folded:  # one space for a run, as in `norm`: "السورية ـ الإيرانية", "« مذكرة »", "أكبر  ختام"
        keep = [i for i in range(len(folded)) if folded[i] != " " or i == 0 or folded[i - 1] != " "]
        folded, offsets = "".join(folded[i] for i in keep), [offsets[i] for i in keep]
    return NormText(folded, tuple(offsets), base + len(text))


def norm(text: str) -> str:
    """Normalise a short string (a lexicon entry, a name) for comparison."""
    return squeezed(text.translate(_FOLDED))


def squeezed(normalised: str) -> str:
    """Normalised text as `norm` gives it: one space for a run of them, none at either end."""
    return _SPACES.sub(" ", normalised).strip()


PROCLITIC_FORMS = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)
def stem_candidates(token: str) -> tuple[str, ...]:
    """The token and the forms it may have without its proclitics (و ف ب ل ك ال لل)."""
    forms = [token]
    for prefix in PROCLITIC_FORMS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            rest = token[len(prefix):]
            if prefix.endswith("لل"):
                forms.append("ال" + rest)
            elif prefix.endswith("ال"):
                forms.append("ال" + rest)
            forms.append(rest)
    seen: list[str] = []
    for f in forms:
        if f not in seen:
            seen.append(f)
    return tuple(seen)
