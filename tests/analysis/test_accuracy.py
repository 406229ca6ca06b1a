"""Accuracy against the gold files, scored by the project's own scorer (../shared/score.py)."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from reader.analysis import Analysis

from .conftest import GOLDEN_ARTICLES, REPO, SHARED

pytestmark = GOLDEN_ARTICLES

DEV_DOCS = ("technologyreview.com1", "thedailybeast.com1", "wired.com2")


def _require_shared() -> Path:
    if not (SHARED / "score.py").is_file():
        pytest.fail(f"the shared corpus and scorer are missing: expected {SHARED}")
    return SHARED


def _scorer() -> ModuleType:
    path = _require_shared() / "score.py"
    spec = importlib.util.spec_from_file_location("reader_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _score(gold: dict, analysis: Analysis) -> dict:
    pred = json.loads(analysis.to_json())
    return _scorer().score_doc(gold, pred)


def _assert_seed_perfect(text: str, gold: dict, run: Callable[[str], Analysis]) -> None:
    row = _score(gold, run(text))
    assert row["misses"] == [] and row["wrong_speaker"] == []
    assert (row["matched"], row["exact"], row["speaker_right"], row["pred"]) == (15, 15, 15, 15)


def test_seed_from_shared_corpus(run: Callable[[str], Analysis]) -> None:
    corpus = _require_shared() / "corpus"
    gold = json.loads(_read(corpus / "seed_gold.json"))
    _assert_seed_perfect(_read(corpus / "seed.txt"), gold, run)


def test_seed_from_bundled_sample(run: Callable[[str], Analysis]) -> None:
    gold = json.loads(_read(REPO / "tests" / "data" / "seed_gold.json"))
    _assert_seed_perfect(_read(REPO / "reader" / "samples" / "seed.txt"), gold, run)


def test_dev_end_to_end_f1(analysis_of: Callable[[Path], Analysis]) -> None:
    scorer = _scorer()
    dev = _require_shared() / "corpus" / "dev"
    rows = []
    for name in DEV_DOCS:
        gold = json.loads(_read(dev / f"{name}.json"))
        text = _read(dev / f"{name}.txt")
        for q in gold["quotes"]:  # the gold offsets are into the text exactly as read
            assert text[q["start"] : q["end"]] == q["text"]
        rows.append(scorer.score_doc(gold, json.loads(analysis_of(dev / f"{name}.txt").to_json())))
    totals = scorer.totals(rows)
    assert totals["e2e_f1"] >= 0.96, totals  # issue 11: the dev articles at 0.96 or more
    assert totals["quote_p"] >= 0.9, totals


def test_regression_articles_in_other_styles(analysis_of: Callable[[Path], Analysis]) -> None:
    """Sixty-one articles written for this project, gold by the guidelines (in
    tests/data/audit/): four by the author of the engine (a_ to d_), fifty-seven by helpers who
    never saw it, in sets of four to six (pa-pc, hd-he, hf-hg, r, s, t, u, v, w, x, y): wire,
    British and US papers, tech, politics, courts, sport, science, features, a literary
    profile, celebrity, earnings, crime, war, religion, schools, a central bank, cyber crime.
    Each set was held out until measured, then studied for general rules, so they guard
    against regressions; they are not a held-out measure."""
    scorer = _scorer()
    here = Path(__file__).parents[1] / "data" / "audit"
    rows = []
    for gold_path in sorted(here.glob("*.json")):
        gold = json.loads(_read(gold_path))
        text = _read(gold_path.with_suffix(".txt"))
        for q in gold["quotes"]:
            assert text[q["start"] : q["end"]] == q["text"]
        pred = analysis_of(gold_path.with_suffix(".txt"))
        rows.append(scorer.score_doc(gold, json.loads(pred.to_json())))
    assert len(rows) == 61
    totals = scorer.totals(rows)
    assert totals["e2e_f1"] >= 0.90, totals  # 0.924 with engines 5 and 6 on all sixty-one
