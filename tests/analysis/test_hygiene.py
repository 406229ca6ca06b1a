"""The engine is headless (importing it loads neither Textual nor spaCy) and made of small
modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import reader.analysis

CHECK = """
import sys
import reader.analysis
print("textual" in sys.modules, "spacy" in sys.modules)
from reader.analysis import analyze
a = analyze("“We are ready,” Tom Reed said.")
print("textual" in sys.modules, "spacy" in sys.modules, a.quotes[0].speaker)
"""


def test_import_loads_no_textual_or_spacy_and_analyze_loads_only_spacy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["False False", "False True Tom Reed"]


def test_every_engine_module_is_short() -> None:
    """Small modules with one job each: none in reader/analysis over 400 lines."""
    package = Path(reader.analysis.__file__).parent
    long = {
        str(p.relative_to(package)): n
        for p in package.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long
