"""The engine is headless: importing it loads neither Textual nor spaCy."""

from __future__ import annotations

import subprocess
import sys

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
