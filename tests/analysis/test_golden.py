"""Frozen output: `reader analyze` JSON for the sample, the dev articles and the regression
articles, stored in tests/data/golden/. Any difference fails, so a restructuring of the engine
changes nothing by accident; a change on purpose regenerates the files
(`python -m tests.analysis.test_golden`) in its own commit and bumps ENGINE_VERSION.

The stored files hold no article text: every ``text`` of a quote, mention or entity is the
article's slice at its offsets (checked here), so it is dropped and the rest compared whole."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.analysis import Analysis

from .conftest import GOLDEN, GOLDEN_ARTICLES, golden_sources

pytestmark = GOLDEN_ARTICLES


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def golden_form(data: dict[str, Any], text: str) -> dict[str, Any]:
    """``data`` (an Analysis as JSON) without its slices of ``text``, which must match it."""
    spans = [*data["quotes"], *data["entities"]]
    spans += [q["mention"] for q in data["quotes"] if q["mention"]]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span
    return {
        **data,
        "quotes": [
            {
                **{k: v for k, v in q.items() if k != "text"},
                "mention": q["mention"] and {k: v for k, v in q["mention"].items() if k != "text"},
            }
            for q in data["quotes"]
        ],
        "entities": [{k: v for k, v in e.items() if k != "text"} for e in data["entities"]],
    }


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _diff(expected: str, actual: str, name: str, limit: int = 40) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"golden/{name}", "now", lineterm="", n=2
        )
    )
    more = f"\n... {len(lines) - limit} more lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


def test_every_source_has_a_golden_file() -> None:
    sources = {golden for _, golden in golden_sources()}
    assert len(sources) == 65
    assert set(GOLDEN.glob("*/*.json")) == sources


def test_analysis_is_unchanged(analysis_of: Callable[[Path], Analysis]) -> None:
    changed = []
    for source, golden in golden_sources():
        expected = golden.read_text(encoding="utf-8")
        actual = dump(golden_form(analysis_of(source).to_dict(), _read(source)))
        if actual != expected:
            changed.append(_diff(expected, actual, f"{golden.parent.name}/{golden.name}"))
    shown = "\n\n".join(changed[:3])
    assert not changed, f"{len(changed)} analyses differ from the golden files:\n{shown}"


def regenerate() -> None:
    """Rewrite every golden file from what `reader analyze FILE` prints now."""
    for source, golden in golden_sources():
        out = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", str(source)],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(dump(golden_form(json.loads(out), _read(source))), encoding="utf-8")


if __name__ == "__main__":
    regenerate()
