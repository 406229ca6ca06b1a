"""An article of thousands of lines is indexed with FTS5 kept in step in one statement, its
trigger dropped meanwhile and made again (search_index.BULK_ROWS): row by row, a file of
200,000 short lines took 15 s to save and as long to re-index, the screen frozen. What this
guards is that the index is the same either way, and whole afterwards; the speed is measured
in the report. Real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store import Store, search_index

WORDS = ["harbour", "minister", "storm", "ferry", "Geneva", "treaty", "lantern", "orchard"]


def lines(count: int, shift: int = 0) -> str:
    return "Title\n\n" + "\n".join(
        f"{WORDS[(i + shift) % len(WORDS)]} line {i}" for i in range(count)
    ) + "\n"


def index_of(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            'SELECT kind, start, "end", body FROM search_rows ORDER BY article_id, kind, start'
        ).fetchall()
        conn.execute("INSERT INTO search_rows_fts (search_rows_fts, rank) "
                     "VALUES ('integrity-check', 1)")  # raises when FTS5 and its rows differ
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [rows, triggers]


def library(path: Path, make_doc) -> list[object]:
    """Save, search, re-save with other words (the old rows deleted), note: what is found."""
    with Store.open(path) as store:
        article = store.save_article(make_doc(text=lines(3000), source="/l.txt"))
        found: list[object] = [[(h.offset, h.context) for h in store.search("storm", limit=None)]]
        store.save_article(make_doc(text=lines(3000, shift=3), source="/l.txt"))
        store.add_annotation(article.id, lines(3000, shift=3), 7, 14, note="a storm note")
        found += [[(h.kind, h.offset, h.context) for h in store.search(w, limit=None)]
                  for w in ("storm", "orchard", "line 2999")]
    return found + index_of(path)


def test_an_article_of_many_lines_is_indexed_as_row_by_row(
    tmp_path: Path, make_doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index, "BULK_ROWS", 10**9)
    by_row = library(tmp_path / "by_row.db", make_doc)
    monkeypatch.setattr(search_index, "BULK_ROWS", 100)
    bulk = library(tmp_path / "bulk.db", make_doc)
    assert bulk == by_row
    assert len(bulk[0]) == 375 and len(bulk[1]) == 376  # 3000 / 8 lines, and the note
    assert {name for name, _sql in bulk[-1]} >= {
        "search_rows_ai", "search_rows_ad", "search_rows_au"}
