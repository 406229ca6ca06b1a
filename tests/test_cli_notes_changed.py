"""`reader notes` on a note whose passage's words changed when the article's file changed:
every export shows the words it was written about, and an import keeps them. Real database
files and `python -m reader` processes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.store import Store

REPO = Path(__file__).parents[1]
OLD = "Budget talks\n\n“We will cut taxes,” Ann Lee said.\nThe vote is on Friday.\n"
NEW = OLD.replace("We will cut taxes", "We will not cut taxes")


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("READER_DB", "READER_MODEL")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *args],
        capture_output=True, text=True, timeout=60, env=env,
    )


@pytest.fixture
def changed(db_path: Path, make_doc) -> Path:
    with Store.open(db_path) as s:
        a = s.save_article(make_doc(text=OLD, title="Budget talks", source="/news/budget.txt"))
        start = OLD.index("“We will")
        end = OLD.index(" said.") + 6
        s.add_annotation(a.id, OLD, start, end, note="A promise")
        s.save_article(make_doc(text=NEW, title="Budget talks", source="/news/budget.txt"))
    return db_path


def test_markdown_shows_what_the_note_was_written_about(changed: Path) -> None:
    done = run(changed, "notes")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "# Budget talks — /news/budget.txt\n\n"
        "> “We will not cut taxes,” Ann Lee said.\n\n"
        "A promise\n\n"
        "*Written about (the passage has changed since):*\n\n"
        "> “We will cut taxes,” Ann Lee said.\n"
    )


def test_csv_and_json_carry_the_words_and_an_import_keeps_them(
    changed: Path, tmp_path: Path
) -> None:
    rows = list(csv.DictReader(io.StringIO(run(changed, "notes", "--format", "csv").stdout)))
    assert [(r["passage"], r["written_about"]) for r in rows] == [
        ("“We will not cut taxes,” Ann Lee said.", "“We will cut taxes,” Ann Lee said.")
    ]
    exported = run(changed, "notes", "--format", "json").stdout
    (item,) = json.loads(exported)["first"]["items"]
    assert item["reader:writtenAbout"] == "“We will cut taxes,” Ann Lee said."
    notes_file = tmp_path / "notes.json"
    notes_file.write_text(exported, encoding="utf-8")
    other = tmp_path / "other.db"
    done = run(other, "notes", "--import", str(notes_file))
    assert done.returncode == 0, done.stderr
    with Store.open(other, read_only=True) as s:
        ((article),) = s.list_articles()
        (ann,) = s.annotations(article.id)
    assert ann.changed and ann.written_exact == "“We will cut taxes,” Ann Lee said."
