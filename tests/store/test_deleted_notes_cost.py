"""Listing and putting back deleted notes reads each article once and never every note: a book
of megabytes with 2,000 deleted notes took 20 s and held the write lock all that time. Counted
in SQL statements on a real SQLite file (no timings)."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store

TEXT = " ".join(f"Sentence number {i} of the book." for i in range(200))


def _statements(store: Store, run) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        store.db.conn.set_trace_callback(None)
    return seen


def test_listing_and_restoring_read_the_article_once_not_per_note(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        ids = []
        for i in range(40):
            start = TEXT.index(f"number {i} ")
            ids.append(s.highlight(article.id, TEXT, start, start + 9, note=f"n{i}").annotation.id)
        s.delete_annotations(ids)
        listing = _statements(s, s.deleted_notes)
        assert sum("articles" in q for q in listing) <= 1
        number = s.deleted_notes()[5].number
        restoring = _statements(s, lambda: s.restore_deleted(number))
        assert sum("FROM articles" in q for q in restoring) <= 2
        assert not any("ORDER BY orphaned" in q for q in restoring)  # not for_article()
        adding = _statements(s, lambda: s.highlight(article.id, TEXT, 0, 8))
        assert not any("json_extract" in q for q in adding)
