"""`diplomacy evaluate` must agree with the reference scorer (../shared/eval/score.py)."""
import copy
import json
import random
import subprocess
import sys

import pytest

from conftest import DEV, SHARED, cli
from pipelines.evaluation import evaluate, load_predictions

KEYS = [("meetings", "f"), ("agreements", "f"), ("sectors", "f"), ("meetings", "p"), ("agreements", "r")]


def reference(pred_path):
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(DEV / "gold"), str(pred_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out[:out.rindex("}") + 1])


@pytest.fixture(scope="module")
def dev_predictions(tmp_path_factory):
    path = tmp_path_factory.mktemp("pred") / "dev.jsonl"
    proc = cli("extract", "--json", *sorted(str(p) for p in (DEV / "articles").glob("*.txt")))
    path.write_text(proc.stdout, encoding="utf-8")
    return path


def _perturbed(items: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    items = copy.deepcopy(items)
    for article in items:
        for m in article["meetings"]:
            r = rng.random()
            if r < 0.2:
                m["countries"] = m["countries"][:1]
            elif r < 0.4:
                m["date"] = "2001-01-01"
            elif r < 0.5:
                m["type"] = "talks" if m["type"] != "talks" else "visit"
            if rng.random() < 0.3:
                m["participants"] = m["participants"][1:]
        if rng.random() < 0.3 and article["meetings"]:
            article["meetings"].pop()
        for a in article["agreements"]:
            if rng.random() < 0.3:
                a["status"] = "planned"
            if rng.random() < 0.3:
                a["sectors"] = ["energy"]
        if rng.random() < 0.3:
            article["sectors"] = article["sectors"][1:] + ["media"]
    return [a for a in items if rng.random() > 0.1]


def _assert_same(ours: dict, ref: dict):
    for kind, key in KEYS:
        assert ours[kind][key] == pytest.approx(ref[kind][key]), (kind, key)
    assert ours["strict"] == pytest.approx(ref["strict"])
    assert ours["meeting_attrs"] == pytest.approx(ref["meeting_attrs"])
    assert ours["agreement_attrs"] == pytest.approx(ref["agreement_attrs"])
    assert ours["missing_predictions"] == ref["missing_predictions"]


def test_extract_json_prints_one_contract_shaped_line_per_article(dev_predictions):
    import jsonschema

    lines = dev_predictions.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list((DEV / "articles").glob("*.txt"))) == len(list((DEV / "gold").glob("*.json")))
    schema = json.loads((DEV.parent.parent / "facts-contract.schema.json").read_text(encoding="utf-8"))
    for line in lines:
        jsonschema.validate(json.loads(line), schema)


@pytest.mark.parametrize("seed", [None, 1, 2, 3, 4, 5])
def test_scores_agree_with_the_reference_scorer(dev_predictions, tmp_path, seed):
    items = [json.loads(line) for line in dev_predictions.read_text(encoding="utf-8").splitlines()]
    if seed is not None:
        items = _perturbed(items, seed)
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    _assert_same(evaluate(DEV / "gold", load_predictions(path)), reference(path))


def test_evaluate_command_prints_the_headline_figures(dev_predictions):
    out = cli("evaluate", "--gold", str(DEV / "gold"), "--pred", str(dev_predictions)).stdout
    assert "strict F1" in out and "meetings" in out and "agreement parties exact" in out
    report = json.loads(cli("evaluate", "--gold", str(DEV / "gold"), "--pred", str(dev_predictions), "--json").stdout)
    assert report["articles"] == len(list((DEV / "gold").glob("*.json"))) and report["missing_predictions"] == []
