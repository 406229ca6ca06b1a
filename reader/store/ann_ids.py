"""A new highlight's id: never one a highlight ever had.

The annotations table's INTEGER PRIMARY KEY lets SQLite give a deleted row's id (the highest)
to the next insert, and much is keyed by id: a window's editor and its draft ("ann:5"), the
undo of a delete, a note's save, a deleted note kept in deleted_notes. So the library keeps a
high-water mark (the one-row table `annotation_id_top`, made by the first delete, not by a
migration): every new id is one above it and above every id in the table (a reader that knows
nothing of the mark may have added some), whoever deleted what since: `x`, a merge of
highlights, an undone add. One indexed max() and one small row: cheap for an import of
thousands of notes.
"""

from __future__ import annotations

from sqlite_utils import Database

#: The table of deleted highlights and notes (made by the first delete).
DELETED_TABLE = "deleted_notes"
#: The highest annotation id ever given (one row).
TOP_TABLE = "annotation_id_top"


def _has(db: Database, table: str) -> bool:
    return db[table].exists()


def _used(db: Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM annotations").fetchone()[0])


def _make(db: Database, top: int) -> None:
    """The mark, made by the first delete (as deleted_notes is), never by a plain add: a library
    nobody deleted in gains no table. From before it: the ids deleted_notes kept, read once."""
    if _has(db, DELETED_TABLE):
        top = max(top, int(db.execute(
            f"SELECT coalesce(max(json_extract(annotation, '$.id')), 0) FROM {DELETED_TABLE}"
        ).fetchone()[0] or 0))
    db.execute(f"CREATE TABLE {TOP_TABLE} (top INTEGER NOT NULL)")
    db.execute(f"INSERT INTO {TOP_TABLE} (top) VALUES (?)", [top])


def gone(db: Database, ann_id: int) -> None:
    """Annotation `ann_id` is about to be deleted (x, a merge, an undone add, its article):
    its id is never given again. Inside the delete's write transaction."""
    if _has(db, TOP_TABLE):
        db.execute(f"UPDATE {TOP_TABLE} SET top = max(top, ?)", [ann_id])
    else:
        _make(db, max(ann_id, _used(db)))


def next_id(db: Database) -> int:
    """One above every id ever given; inside the write transaction of the insert."""
    used = _used(db)  # the primary key's max: one b-tree step
    if not _has(db, TOP_TABLE):
        if not _has(db, DELETED_TABLE):
            return used + 1  # nothing was ever deleted here
        _make(db, used)
    top = int(db.execute(f"SELECT top FROM {TOP_TABLE}").fetchone()[0])
    new = max(top, used) + 1
    db.execute(f"UPDATE {TOP_TABLE} SET top = ?", [new])
    return new
