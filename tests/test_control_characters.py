"""Control characters in an article are data: kept exactly when the file is read, exact in the
JSON for tools (as escapes), shown as symbols on a terminal, and a library saved before (when
they were read as U+FFFD) keeps its notes where they were when the file is read again.
A real file, real `python -m reader` processes (the real spaCy model) and a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.sources import load_source
from reader.store import Store

REPO = Path(__file__).parents[1]
LINE = "“Hi \u202eevil\u202c \x07bell \x08bs there,” said John Smith.\n"


def analyze(tmp_path: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(tmp_path / "a.db"), "analyze", *args],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_analyze_json_keeps_the_text_exactly_and_text_shows_symbols(tmp_path: Path) -> None:
    article = tmp_path / "esc3.txt"
    article.write_bytes(LINE.encode("utf-8"))
    out = analyze(tmp_path, str(article))
    assert "\x07" not in out and "\x08" not in out  # escaped in the JSON, never raw
    (quote,) = json.loads(out)["quotes"]
    assert quote["text"] == LINE[quote["start"] : quote["end"]] == (
        "“Hi \u202eevil\u202c \x07bell \x08bs there,”")
    shown = analyze(tmp_path, str(article), "--format", "text")
    assert "\x07" not in shown and "\x08" not in shown
    assert "␇bell ␈bs" in shown


def test_an_article_saved_with_replacements_keeps_its_notes_when_read_again(
    tmp_path: Path,
) -> None:
    """A library from before: the text held U+FFFD where the file has BEL and BS. Reading the
    file again replaces the text (same source) one character for one, so every note stays
    on the same characters, none orphaned."""
    article = tmp_path / "esc3.txt"
    article.write_bytes(LINE.encode("utf-8"))
    new = load_source(str(article))
    assert new.text == LINE
    old_text = LINE.replace("\x07", "\ufffd").replace("\x08", "\ufffd")
    with Store.open(tmp_path / "lib.db") as store:
        old = store.save_article(replace(new, text=old_text))
        bell = old_text.index("\ufffdbell")
        spans = [(bell, bell + 5), (0, 3), (old_text.index("said"), old_text.index("said") + 4)]
        ids = [store.add_annotation(old.id, old_text, s, e, note=f"n{i}").id
               for i, (s, e) in enumerate(spans)]
        again = store.save_article(new)
        assert again.id == old.id and again.text == LINE
        notes = {a.id: a for a in store.annotations(old.id)}
        assert [(notes[i].start, notes[i].end, notes[i].orphaned) for i in ids] == [
            (s, e, False) for s, e in spans]
