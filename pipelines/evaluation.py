"""Scoring predicted facts against gold files, as docs/facts-contract.md's scoring section says.

Meetings and agreements are paired greedily within each article; precision,
recall and F1 are micro-averaged; *strict* F1 counts a pair only when all its
key attributes agree. A test keeps this in step with the reference scorer.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def normalise_text(s: str | None) -> str:
    """The scorer's text normalisation: no diacritics or tatweel; أ إ آ ٱ → ا; ى → ي; ة → ه."""
    s = _DIACRITICS.sub("", s or "")
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return re.sub(r"\s+", " ", s).strip()


def _jaccard(a, b) -> float:
    a, b = set(a or []), set(b or [])
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _greedy(golds: list[dict], preds: list[dict], ok: Callable, score: Callable):
    candidates = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            if ok(g, p):
                candidates.append((score(g, p) + (0.0 if g.get("optional") else 0.01), i, j))
    candidates.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((golds[i], preds[j]))
    return pairs, used_g, used_p


def _set_f1(golds: list[dict], preds: list[dict], ok: Callable) -> float:
    if not golds and not preds:
        return 1.0
    tp = len(_greedy(golds, preds, ok, lambda g, p: 1)[0])
    precision = tp / len(preds) if preds else 0.0
    recall = tp / len(golds) if golds else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def participants_f1(golds, preds) -> float:
    """F1 of participants: same role and country, and half the gold name's words when both give a name."""
    def ok(g, p):
        if g.get("role") != p.get("role") or g.get("country") != p.get("country"):
            return False
        if g.get("name_ar") and p.get("name_ar"):
            gold_words = set(normalise_text(g["name_ar"]).split())
            return len(gold_words & set(normalise_text(p["name_ar"]).split())) >= len(gold_words) / 2
        return True
    return _set_f1(golds or [], preds or [], ok)


def _sectors_f1(golds, preds) -> float:
    return _set_f1([{"s": s} for s in golds or []], [{"s": s} for s in preds or []], lambda g, p: g["s"] == p["s"])


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict_tp: int = 0
    attributes: dict[str, list[float]] = field(default_factory=dict)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def strict_f1(self) -> float:
        n_pred, n_gold = self.tp + self.fp, self.tp + self.fn
        p = self.strict_tp / n_pred if n_pred else 0.0
        r = self.strict_tp / n_gold if n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def score(self, golds: list[dict], preds: list[dict], ok, score, attributes: dict, strict) -> tuple[int, int, int]:
        before = (self.tp, self.fp, self.fn)
        pairs, used_g, used_p = _greedy(golds, preds, ok, score)
        for g, p in pairs:
            if g.get("optional"):
                continue
            self.tp += 1
            self.strict_tp += bool(strict(g, p))
            for name, fn in attributes.items():
                value = fn(g, p)
                if value is not None:
                    self.attributes.setdefault(name, []).append(float(value))
        self.fn += sum(1 for i, g in enumerate(golds) if i not in used_g and not g.get("optional"))
        self.fp += sum(1 for j in range(len(preds)) if j not in used_p)
        return self.tp - before[0], self.fp - before[1], self.fn - before[2]


def _same(a, b, key) -> bool:
    return sorted(a.get(key) or []) == sorted(b.get(key) or [])


MEETING_ATTRIBUTES = {
    "countries exact": lambda g, p: _same(g, p, "countries"),
    "date exact": lambda g, p: (g.get("date") or None) == (p.get("date") or None),
    "type": lambda g, p: g.get("type") == p.get("type"),
    "status": lambda g, p: g.get("status") == p.get("status"),
    "location_city": lambda g, p: None if not g.get("location_city")
    else (g.get("location_city") or "").lower() == (p.get("location_city") or "").lower(),
    "participants F1": lambda g, p: participants_f1(g.get("participants"), p.get("participants")),
}
AGREEMENT_ATTRIBUTES = {
    "parties exact": lambda g, p: _same(g, p, "parties"),
    "date exact": lambda g, p: (g.get("date") or None) == (p.get("date") or None),
    "status": lambda g, p: g.get("status") == p.get("status"),
    "sectors F1": lambda g, p: _sectors_f1(g.get("sectors"), p.get("sectors")),
}


def _meeting_ok(g, p) -> bool:
    return (_jaccard(g.get("countries"), p.get("countries")) >= 0.5 if g.get("countries") else True) \
        and _dates_compatible(g.get("date"), p.get("date"))


def _meeting_score(g, p) -> float:
    return _jaccard(g.get("countries"), p.get("countries")) + 0.5 * (g.get("date") == p.get("date")) \
        + 0.25 * (g.get("type") == p.get("type"))


def _meeting_strict(g, p) -> bool:
    return _same(g, p, "countries") and (g.get("date") or None) == (p.get("date") or None) \
        and g.get("type") == p.get("type") and g.get("status") == p.get("status")


def _agreement_ok(g, p) -> bool:
    return g.get("type") == p.get("type") and (
        not g.get("parties") or not p.get("parties") or _jaccard(g.get("parties"), p.get("parties")) >= 0.5)


def _agreement_score(g, p) -> float:
    return _jaccard(g.get("sectors"), p.get("sectors")) + 0.5 * (g.get("date") == p.get("date")) \
        + 0.25 * _jaccard(g.get("parties"), p.get("parties"))


def _agreement_strict(g, p) -> bool:
    return _same(g, p, "parties") and (g.get("date") or None) == (p.get("date") or None) \
        and g.get("status") == p.get("status")


def load_predictions(path: Path) -> dict[str, dict]:
    """Predictions from a JSON Lines file or a folder of per-article JSON files, by article base name."""
    path = Path(path)
    if path.is_dir():
        items = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(path.glob("*.json"))]
    else:
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {Path(str(o.get("article", ""))).name: o for o in items}


def evaluate(gold_dir: Path, predictions: dict[str, dict]) -> dict:
    """The full report: per-article counts, lenient and strict F1s, attribute accuracies."""
    meetings, agreements = Tally(), Tally()
    s_tp = s_fp = s_fn = 0
    per_article, missing = [], []
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        name = gold["article"]
        pred = predictions.get(name)
        if pred is None:
            missing.append(name)
            pred = {}
        m = meetings.score(gold.get("meetings", []), pred.get("meetings") or [], _meeting_ok, _meeting_score,
                           MEETING_ATTRIBUTES, _meeting_strict)
        a = agreements.score(gold.get("agreements", []), pred.get("agreements") or [], _agreement_ok,
                             _agreement_score, AGREEMENT_ATTRIBUTES, _agreement_strict)
        gold_sectors = set(gold.get("sectors", []))
        optional = set(gold.get("sectors_optional", []))
        pred_sectors = {x if isinstance(x, str) else x.get("sector") for x in pred.get("sectors") or []} - optional
        s_tp += len(gold_sectors & pred_sectors)
        s_fp += len(pred_sectors - gold_sectors)
        s_fn += len(gold_sectors - pred_sectors)
        per_article.append({"article": name, "meetings": m, "agreements": a,
                            "sectors_missed": sorted(gold_sectors - pred_sectors),
                            "sectors_extra": sorted(pred_sectors - gold_sectors)})
    sp = s_tp / (s_tp + s_fp) if s_tp + s_fp else 0.0
    sr = s_tp / (s_tp + s_fn) if s_tp + s_fn else 0.0
    return {
        "articles": len(per_article), "missing_predictions": missing, "per_article": per_article,
        "meetings": dict(zip("prf", meetings.prf())), "agreements": dict(zip("prf", agreements.prf())),
        "sectors": {"p": sp, "r": sr, "f": 2 * sp * sr / (sp + sr) if sp + sr else 0.0},
        "strict": {"meetings": meetings.strict_f1(), "agreements": agreements.strict_f1()},
        "meeting_attrs": {k: sum(v) / len(v) for k, v in meetings.attributes.items()},
        "agreement_attrs": {k: sum(v) / len(v) for k, v in agreements.attributes.items()},
    }
