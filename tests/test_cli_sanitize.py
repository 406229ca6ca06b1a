"""One sanitiser policy for everything the CLI prints: bidi overrides and controls never reach
the terminal raw; JSON keeps the data exact but escapes them as \\uXXXX.
Real database files, a real article file and `python -m reader` processes (analyze loads the
real spaCy pipeline)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import Store

REPO = Path(__file__).parents[1]
#: Right-to-left override, and the isolates U+2066–U+2069 ("Trojan Source").
HOSTILE = "\u202eevil\u202c \u2066x\u2069 \u2067y\u2068"
TITLE = f"Big\rnews\x0cday {HOSTILE}"
TEXT = f"{TITLE}\n\n“We will win {HOSTILE},” Maria Lopez said.\n"
RAW = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    return done


def raw_controls(text: str) -> set[str]:
    return {c for c in text if c in RAW or (ord(c) < 32 and c not in "\n\t") or ord(c) == 127}


def test_the_policy_names_every_bidi_control() -> None:
    import re

    from reader.sanitize import BIDI_CONTROLS

    assert {c for c in map(chr, range(0x600, 0x2100)) if re.match(f"[{BIDI_CONTROLS}]", c)} == RAW


@pytest.fixture
def db(tmp_path: Path, make_doc) -> Path:
    path = tmp_path / "a.db"
    with Store.open(path) as s:
        a = s.save_article(make_doc(text=TEXT, title=TITLE, source=f"/news/{HOSTILE}.txt"))
        start = TEXT.index("We will")
        s.add_annotation(a.id, TEXT, start, start + 30, note=f"note {HOSTILE}")
    return path


def test_library_table_shows_no_raw_control(db: Path) -> None:
    out = run(db, "library").stdout
    assert raw_controls(out) == set()
    assert "Big news day \ufffdevil\ufffd" in out  # CR and FF are spaces in a title


def test_library_json_escapes_and_keeps_the_data(db: Path) -> None:
    out = run(db, "library", "--format", "json").stdout
    assert raw_controls(out) == set()
    assert "\\u202e" in out
    assert json.loads(out)[0]["title"] == TITLE


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_notes_for_people_show_no_raw_control(db: Path, fmt: str) -> None:
    out = run(db, "notes", "--format", fmt).stdout
    assert raw_controls(out) == set()
    assert "note \ufffdevil\ufffd" in out


def test_notes_json_escapes_and_keeps_the_data(db: Path) -> None:
    out = run(db, "notes", "--format", "json").stdout
    assert raw_controls(out) == set()
    item = json.loads(out)["first"]["items"][0]
    assert item["body"]["value"] == f"note {HOSTILE}"


def test_analyze_escapes_in_json_and_replaces_in_text(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = run(tmp_path / "a.db", "analyze", str(article)).stdout
    assert raw_controls(out) == set()
    quotes = json.loads(out)["quotes"]
    assert [q["text"] for q in quotes] == [f"“We will win {HOSTILE},”"]
    text = run(tmp_path / "a.db", "analyze", str(article), "--format", "text").stdout
    assert raw_controls(text) == set()
    assert "\ufffdevil\ufffd" in text
