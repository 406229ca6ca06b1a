"""A library whose full-text index is damaged: the notes are intact, so `reader notes` exports
them (status 0) and says the damage once on stderr; `reader library --check` reports it
(status 2). Real SQLite files, the index's pages really overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store import Store
from tests.test_cli_notes_output import run

TEXT = "Budget talks\n\n“We will cut taxes,” Ann Lee said.\nThe vote is on Friday.\n"


def library(tmp_path: Path, make_doc, *, damaged: bool) -> Path:
    path = tmp_path / "lib.db"
    with Store.open(path) as s:
        a = s.save_article(make_doc(text=TEXT, title="Budget talks", source="/news/b.txt"))
        start = TEXT.index("We will")
        s.add_annotation(a.id, TEXT, start, start + 17, note="Kept note")
    if damaged:
        with sqlite3.connect(path) as conn:  # the index's blocks, not its table's pages
            conn.execute("UPDATE search_rows_fts_data SET block = x'0102030405060708' "
                         "WHERE id > 10")
    return path


def test_a_sound_index_is_not_called_damaged(tmp_path: Path, make_doc) -> None:
    with Store.open(library(tmp_path, make_doc, damaged=False), read_only=True) as s:
        assert s.search_index_damage() is None and s.quick_check() == []


def test_notes_are_exported_and_the_damage_said_once(tmp_path: Path, make_doc) -> None:
    db = library(tmp_path, make_doc, damaged=True)
    done = run(db, "notes")
    assert done.returncode == 0 and "Kept note" in done.stdout  # the notes are intact
    assert done.stderr.count("search index is damaged") == 1  # nothing said on the old code
    checked = run(db, "library", "--check")
    assert checked.returncode == 2 and "search index is damaged" in checked.stderr
    assert "Traceback" not in checked.stderr
    # --format with --check was silently ignored (a tool asking for JSON got prose): refused.
    refused = run(db, "library", "--check", "--format", "json")
    assert refused.returncode == 2 and refused.stdout == "", refused.stdout
    assert refused.stderr.count("\n") == 1 and "--format" in refused.stderr, refused.stderr
