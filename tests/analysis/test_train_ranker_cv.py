"""Cross-validation by text in the ranker's training script scores each text left out, and
another version of it (a novel's opening) with the same fold's weights: the figure the
held-out novels are judged on (first 60,000 characters) is measured out of sample too."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO
from .test_ranker import DIALOGUE, dialogue_gold


def corpus(root: Path, names: list[str], text: str) -> tuple[Path, Path]:
    """A corpus of ``text`` under each name, with the dialogue's gold quotes inside it."""
    (root / "texts").mkdir(parents=True)
    (root / "gold").mkdir()
    gold = dialogue_gold()
    gold["quotes"] = [q for q in gold["quotes"] if q["end"] <= len(text)]
    for name in names:
        (root / "texts" / f"{name}.txt").write_text(text, "utf-8")
        (root / "gold" / f"{name}.json").write_text(json.dumps(gold), "utf-8")
    return root / "texts", root / "gold"


def test_cross_validation_scores_each_text_and_its_opening(tmp_path: Path) -> None:
    names = ["one", "two"]
    texts, gold = corpus(tmp_path / "whole", names, DIALOGUE)
    opening = DIALOGUE[: DIALOGUE.index("\n\n", len(DIALOGUE) // 2) + 1]
    o_texts, o_gold = corpus(tmp_path / "opening", names, opening)
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "train_ranker.py"),
            "--corpus", str(texts), str(gold),
            "--cv", "2",
            "--cv-also", str(o_texts), str(o_gold),
            "--steps", "50",
            "--rounds", "1",
            "--cache", str(tmp_path / "cache"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=600,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for name in names:
        assert re.search(rf"^  {name}: [01]\.\d{{3}}$", out, re.M), out
        assert re.search(rf"^  {name} \(opening\): [01]\.\d{{3}}$", out, re.M), out
    assert re.search(r"^ranker \(opening\) end-to-end F1 [01]\.\d{3}$", out, re.M), out
