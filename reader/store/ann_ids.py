"""A new highlight's id: never one a deleted highlight had.

The annotations table's INTEGER PRIMARY KEY lets SQLite give a deleted row's id (the highest)
to the next insert, and much is keyed by id: a window's editor and its draft ("ann:5"), the
undo of a delete, a note's save. A note written on a highlight another window deleted then
joined that window's next highlight, on another passage. Deleted highlights are kept in
deleted_notes (reader.store.deleted_notes), so the highest id ever used is known without a
migration: a new id is one above both.
"""

from __future__ import annotations

from sqlite_utils import Database

#: The table of deleted highlights and notes (made by the first delete).
DELETED_TABLE = "deleted_notes"


def next_id(db: Database) -> int:
    """One above every id in the annotations and among the deleted ones."""
    top = db.execute("SELECT coalesce(max(id), 0) FROM annotations").fetchone()[0]
    has_deleted = db.execute(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?)",
        [DELETED_TABLE],
    ).fetchone()[0]
    if has_deleted:
        gone = db.execute(
            f"SELECT coalesce(max(json_extract(annotation, '$.id')), 0) FROM {DELETED_TABLE}"
        ).fetchone()[0]
        top = max(top, int(gone or 0))
    return int(top) + 1
