"""The bench's peak-memory figure of `reader analyze`: a real run of the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bench.memory import TARGET_MB, peak_rss

REPO = Path(__file__).resolve().parents[1]


def test_peak_rss_of_reader_analyze_on_the_sample() -> None:
    got = peak_rss(REPO / "reader" / "samples" / "seed.txt", timeout=300)
    # the model alone is over 100 MB; the sample adds little
    assert 100 < got["peak_mb"] < TARGET_MB
    assert got["seconds"] > 0


def test_a_failed_run_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A short relative path: the reason keeps its first 80 characters, and a pytest-xdist
    # worker's tmp_path alone is nearly that long.
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError, match=r"missing\.txt: no such file"):
        peak_rss(Path("missing.txt"), timeout=300)
