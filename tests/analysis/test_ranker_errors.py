"""tools/ranker_errors.py, the study of where the speaker ranker goes wrong, run as a user
runs it on a tiny corpus (the two-person dialogue of test_ranker and its gold)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO
from .test_ranker import DIALOGUE, dialogue_gold


def study(corpus: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, str(REPO / "tools" / "ranker_errors.py"), "--corpus",
         str(corpus / "texts"), str(corpus / "gold"), "--cache", str(cache), *extra],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip


def test_the_study_counts_the_turns_the_ranker_weighs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "texts" / "dialogue.txt").write_text(DIALOGUE, "utf-8")
    (corpus / "gold" / "dialogue.json").write_text(json.dumps(dialogue_gold()), "utf-8")
    done = study(corpus, tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    rows = {line[:37].split("  ")[0]: line.split() for line in done.stdout.splitlines()[1:]}
    quotes, candidate, known = (float(x) for x in rows["all"][1:4])
    # the turns past the tenth quote are the ranker's; both sisters are always candidates
    assert quotes >= 5 and candidate == known == 1.0
    assert "two speakers" in done.stdout


def test_the_study_without_a_corpus_says_so(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    done = study(tmp_path, tmp_path / "cache")
    assert done.returncode == 2
    assert done.stderr.strip() == "No text with a gold file in the corpora given."
