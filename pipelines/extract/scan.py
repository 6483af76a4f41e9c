"""Several patterns that open at a word start, run in one pass over a text.

`re` cannot skip to where a pattern that opens with a lookbehind may match, so each `finditer`
walks the whole text. One zero-width scan at word starts, whose groups hold every pattern's
match there, gives the matches of one `finditer` per pattern at a fraction of the cost.
"""
from __future__ import annotations

import re
from typing import NamedTuple

WORD_START = r"(?<!\w)"
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")


def _renamed(body: str, k: int) -> str:
    """The pattern with its named groups renamed for pattern k ("w" → "w_k"): names are unique in one regex."""
    return _NAMED_GROUP.sub(lambda m: f"(?P<{m.group(1)}_{k}>", body)


class Hit(NamedTuple):
    start: int
    end: int
    text: str
    groups: dict[str, tuple[int, int]]  # span of each named group of the pattern (-1, -1: did not take part)


class OnePass:
    """Patterns, each opening with WORD_START and never matching the empty string."""

    def __init__(self, patterns: list[re.Pattern]) -> None:
        bodies = []
        for k, pattern in enumerate(patterns):
            if not pattern.pattern.startswith(WORD_START) or pattern.flags & ~re.UNICODE:
                raise ValueError(f"not a word-start pattern without flags: {pattern.pattern!r}")
            bodies.append(pattern.pattern[len(WORD_START):])
        anywhere = "|".join(_NAMED_GROUP.sub("(?:", body) for body in bodies)
        each = "".join(f"(?:(?=(?P<_{k}>{_renamed(body, k)})))?" for k, body in enumerate(bodies))
        self._scanner = re.compile(f"{WORD_START}(?=(?:{anywhere})){each}")
        self._groups = [(self._scanner.groupindex[f"_{k}"],
                         {name: self._scanner.groupindex[f"{name}_{k}"] for name in pattern.groupindex})
                        for k, pattern in enumerate(patterns)]

    def finditer_each(self, text: str) -> list[list[Hit]]:
        """For each pattern, the matches `pattern.finditer(text)` gives, left to right."""
        hits: list[list[Hit]] = [[] for _ in self._groups]
        free_from = [0] * len(self._groups)
        for m in self._scanner.finditer(text):
            start = m.start()
            for k, (whole, named) in enumerate(self._groups):
                end = m.end(whole)
                if end >= 0 and start >= free_from[k]:
                    hits[k].append(Hit(start, end, text[start:end], {name: m.span(i) for name, i in named.items()}))
                    free_from[k] = end
        return hits
