"""The store, the exports and the clipboard load without Textual or spaCy."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import reader.store, reader.export, reader.clipboard, reader.anchoring
bad = sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "spacy", "rich"})
print(",".join(bad))
"""


def test_store_imports_no_textual_or_spacy() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == ""
