"""Whether the library's full-text index can be read through, without writing anything.

A damaged index left the notes intact (they live in their own table), so `reader notes`
exported them with status 0 and no word, while `reader search` stopped at the damage. FTS5's
own 'integrity-check' is a write (refused on a read-only connection) and SQLite 3.40's
integrity_check pragma does not look inside FTS5, so every term's list of rows is read through
an fts5vocab table in the connection's temp schema (nothing written to the library): a damaged
page of the index says "malformed" there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

#: The FTS5 table sqlite-utils made over search_rows (search_index.create).
FTS_TABLE = "search_rows_fts"
#: The vocabulary table's name, in the temp schema (the connection's own, never the file's).
_VOCAB = "temp.reader_index_check"


def index_damage(db: Database, path: Path) -> str | None:
    """One sentence when the search index is damaged, else None (also when there is none)."""
    try:
        db.execute(f"DROP TABLE IF EXISTS {_VOCAB}")
        db.execute(f"CREATE VIRTUAL TABLE {_VOCAB} USING fts5vocab(main, {FTS_TABLE}, 'row')")
        try:
            db.execute(f"SELECT count(*), sum(cnt) FROM {_VOCAB}").fetchone()
        finally:
            db.execute(f"DROP TABLE IF EXISTS {_VOCAB}")
    except sqlite3.Error as exc:
        if "no such" in str(exc).lower():
            return None  # no index in this library (it has none to damage)
        return (
            f"{path}: the library's search index is damaged ({exc}): the notes and texts are "
            "intact, but `reader search` cannot be used until the index is rebuilt (sqlite3 "
            f"{path} \"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')\")."
        )
    return None
