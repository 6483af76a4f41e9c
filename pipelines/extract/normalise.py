"""Stage 2 — normalisation for matching.

Evidence is always quoted from the original text, so normalisation keeps a map
from every normalised character back to its offset in the original.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_DIACRITICS = set(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
_TATWEEL = "\u0640"
_DROPPED = _DIACRITICS | {_TATWEEL, "\u200c", "\u200d", "\u200e", "\u200f", '"', "“", "”", "«", "»", "'", "‘", "’", "„"}
_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ـ": "", "ك": "ك", "ی": "ي", "ي": "ي", "ک": "ك",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch in _DIGITS:
        return _DIGITS[ch]
    if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":  # presentation forms and ligatures ("ﷲ" → "الله")
        return "".join(_fold(c) for c in unicodedata.normalize("NFKC", ch) if c not in _DROPPED)
    ch = _LETTERS.get(ch, ch)
    return ch.lower()


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


def normalise_with_offsets(text: str, base: int = 0) -> NormText:
    """Normalise `text` for matching; offsets are shifted by `base`."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROPPED:
            continue
        folded = _fold(ch)
        if not folded:
            continue
        if ch.isspace():
            folded = " "
        out.append(folded)
        if len(folded) == 1:
            offsets.append(base + i)
        else:
            offsets.extend([base + i] * len(folded))
    return NormText("".join(out), tuple(offsets), base + len(text))


def norm(text: str) -> str:
    """Normalise a short string (a lexicon entry, a name) for comparison."""
    return re.sub(r"\s+", " ", normalise_with_offsets(text).text).strip()


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
