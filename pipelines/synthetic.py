"""A deterministic synthetic corpus for benchmarks: paragraphs of the seed articles recombined with
seeded edits (other countries, other years, other publication dates), every article distinct.

Article i depends only on (seed, i), so a corpus of N + 10 articles is the corpus of N plus ten
new ones. One article in `REPEAT_EVERY` reports the same event word for word on the same day —
the worst case for cross-article deduplication (all its reports are one meeting).
"""
from __future__ import annotations

import csv
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

from .settings import DBT_PROJECT_DIR, PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT / "seeds"
COUNTRIES_CSV = DBT_PROJECT_DIR / "seeds" / "countries.csv"
REPEAT_EVERY = 20
_YEAR = re.compile(r"\b(19[9]\d|20[0-3]\d)\b")
_FIRST_DAY = date(2012, 1, 1)


def _paragraphs(folder: Path) -> list[str]:
    """Paragraphs of four words or more of every seed article, in a stable order."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block.split()) >= 4 and block not in out:
                out.append(block)
    return out


def _country_names() -> list[str]:
    with open(COUNTRIES_CSV, encoding="utf-8") as f:
        return sorted({row["name_ar"] for row in csv.DictReader(f) if row["name_ar"]}, key=lambda n: (-len(n), n))


class SyntheticCorpus:
    """`write(folder, start, stop)` writes articles start..stop-1 as `.txt` files with a `.meta.json` sidecar."""

    def __init__(self, seed: int = 11, source: Path = SEEDS_DIR):
        self.seed = seed
        self.paragraphs = _paragraphs(source)
        self.countries = _country_names()
        present = [n for n in self.countries if any(n in p for p in self.paragraphs)]
        self._country = re.compile("|".join(map(re.escape, present))) if present else None
        self.repeated_event = next((p for p in self.paragraphs if _YEAR.search(p) and self._country
                                    and self._country.search(p)), self.paragraphs[0])

    def article(self, i: int) -> tuple[str, dict]:
        """Text and sidecar metadata of article i."""
        rng = random.Random(self.seed * 1_000_003 + i)
        body = [self._edit(p, rng) for p in rng.sample(self.paragraphs, k=min(len(self.paragraphs), rng.randint(3, 6)))]
        published = _FIRST_DAY + timedelta(days=rng.randrange(14 * 365))
        if i % REPEAT_EVERY == 0:
            body.insert(0, self.repeated_event)
            published = date(2024, 5, 14)
        headline = " ".join(body[0].split()[:rng.randint(6, 11)])
        closing = f"نشر هذا التقرير برقم {i} ضمن نشرة الأخبار الدبلوماسية."
        text = "\n\n".join([headline, *body, closing]) + "\n"
        return text, {"url": f"https://example.org/synthetic/{i}", "published_date": published.isoformat()}

    def _edit(self, paragraph: str, rng: random.Random) -> str:
        """Other countries (one consistent substitution per name) and another year."""
        if self._country is not None:
            chosen: dict[str, str] = {}
            paragraph = self._country.sub(lambda m: chosen.setdefault(m.group(0), rng.choice(self.countries)), paragraph)
        shift = rng.randint(-6, 2)
        return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), paragraph)

    def write(self, folder: Path, start: int, stop: int) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(start, stop):
            text, meta = self.article(i)
            (folder / f"syn_{i:07d}.txt").write_text(text, encoding="utf-8")
            (folder / f"syn_{i:07d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
