"""The tool that tells whether a book's opening is attributed better by the whole book's run:
it must count a quote right in one run and wrong in the other only when the runs differ, and
say why from the records alone (issue 11: the first 60,000 characters of the novels)."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def tool() -> dict:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        return runpy.run_path(str(REPO / "tools" / "early_vs_full.py"))
    finally:
        sys.path.remove(str(REPO / "tools"))


def q(start: int, end: int, speaker: str | None, rule: str = "ranker", at: int = 0) -> dict:
    return {"start": start, "end": end, "speaker": speaker, "rule": rule, "mention": at}


GOLD = [
    {"start": 0, "end": 10, "speaker": ["Anne Elliot", "Anne"]},
    {"start": 100, "end": 110, "speaker": ["Jake Barnes", "Jake"]},
    {"start": 9_500, "end": 9_510, "speaker": ["Elizabeth"]},
]


def test_runs_that_agree_differ_nowhere(tool: dict) -> None:
    run = [q(0, 10, "Anne"), q(100, 110, "Cohn"), q(9_500, 9_510, "Elizabeth")]
    counts, differ = tool["compare"](GOLD, run, run, 10_000)
    assert counts == {(True, True): 2, (False, False): 1}
    assert differ == []


def test_a_rename_the_narrator_and_the_prefix_end_are_told_apart(tool: dict) -> None:
    early = [q(0, 10, "Walter Elliot"), q(100, 110, "the narrator"), q(9_500, 9_510, "Anne")]
    full = [
        q(0, 10, "Mr Elliot"),  # the same choice, its cluster renamed
        q(100, 110, "Jake Barnes"),
        q(9_500, 9_510, "Elizabeth", rule="pronoun"),
        q(20_000, 20_010, "Anne"),  # after the prefix: not counted
    ]
    counts, differ = tool["compare"](GOLD, early, full, 10_000)
    assert counts == {(False, True): 3}
    assert [why for *_, why in differ] == [
        "same choice, cluster renamed later",
        "narrator named later",
        "near the prefix's end",
    ]


def test_the_whole_run_is_scored_on_the_prefix_and_the_rest_apart(tool: dict) -> None:
    gold = [*GOLD, {"start": 20_000, "end": 20_010, "speaker": ["Anne Elliot"]}]
    run = [q(0, 10, "Anne"), q(100, 110, "Cohn"), q(20_000, 20_010, "Anne Elliot")]
    parts = tool["split_accuracy"](gold, run, 10_000)
    assert parts == {"prefix": (1, 3), "rest": (1, 1), "whole": (2, 4)}


def test_a_missing_run_is_one_sentence_and_exit_2(
    tool: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for d in ("g", "r", "fg", "fr"):
        (tmp_path / d).mkdir()
    (tmp_path / "g" / "Book.json").write_text(json.dumps({"quotes": GOLD}), "utf-8")
    args = [str(tmp_path / d) for d in ("g", "r", "fg", "fr")]
    assert tool["main"](args) == 2
    assert "missing" in capsys.readouterr().err
