"""tools/news_learned.py, the cross-validated study of whether a learned model beats the news
rules (issue 11): what it reports out of fold must come from folds the model never saw, and
a model with nothing to learn from must add or switch nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def tool() -> Iterator[dict]:
    import runpy

    sys.path.insert(0, str(REPO / "tools"))
    try:
        yield runpy.run_path(str(REPO / "tools" / "news_learned.py"))
    finally:
        sys.path.remove(str(REPO / "tools"))


def span(doc: int, y: bool, signal: float, kept: bool = False) -> dict:
    return {"doc": f"a{doc:02d}", "kept": kept, "y": y, "f": {"bias": 1.0, "said": signal}}


def test_a_telling_feature_lets_the_model_add_the_dropped_quotes_and_only_them(
    tool: dict,
) -> None:
    rows = [span(d, d % 3 == 0, float(d % 3 == 0)) for d in range(30)]
    rows += [span(d, False, 1.0, kept=True) for d in range(30)]  # the rules' own: not weighed
    added = tool["oof_spans"](rows, 5)
    assert added[0.5] == (10, 0)


def test_a_feature_that_tells_nothing_adds_nothing_above_the_base_rate(tool: dict) -> None:
    rows = [span(d, d % 3 == 0, 1.0) for d in range(30)]
    added = tool["oof_spans"](rows, 5)
    assert added[0.5] == (0, 0)
    assert added[0.0] == (10, 20)  # at no threshold at all, every dropped span is added


def test_a_fold_is_judged_by_a_model_that_never_saw_it(tool: dict) -> None:
    # each article has a feature of its own that gives its spans' label away: a model that
    # had seen the article would add its quotes; out of fold the feature was never seen
    rows = [
        {"doc": f"a{d:02d}", "kept": False, "y": d % 3 == 0, "f": {"bias": 1.0, f"in_a{d}": 1.0}}
        for d in range(30)
        for _ in range(4)
    ]
    assert tool["oof_spans"](rows, 5)[0.5] == (0, 0)


def record(doc: int, right: int, rules_chose: int) -> dict:
    """Two candidates; the right one carries the feature the model can learn."""
    rows = [[1.0 if k == right else 0.0] for k in range(2)]
    labels = [k == right for k in range(2)]
    return {"doc": f"a{doc:02d}", "rows": rows, "labels": labels, "chosen": rules_chose,
            "rules_ok": rules_chose == right}  # fmt: skip


def test_the_speaker_model_switches_where_the_rules_chose_wrong(tool: dict) -> None:
    recs = [record(d, d % 2, d % 2 if d % 5 else 1 - d % 2) for d in range(20)]
    switches, model_right, rules_right = tool["oof_speakers"](recs, 5, 0.01)[0.5]
    assert switches == model_right == sum(1 for d in range(20) if d % 5 == 0)
    assert rules_right == 0


def test_too_few_texts_is_one_sentence_and_exit_2(tool: dict, tmp_path, capsys) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "only.txt").write_text("“Hello,” she said.", "utf-8")
    code = tool["main"](["short", str(tmp_path / "texts"), str(tmp_path / "gold")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "Need at least 5 texts with a gold file, one fold each."
