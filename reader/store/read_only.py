"""Opening a library only to read it (exports, `reader library`, search): nothing is written,
so it works on read-only media, and on a full disk.

Reading a WAL database needs its -shm index, which SQLite makes beside it: on read-only media
it cannot be made at all (SQLITE_CANTOPEN), on a full disk it cannot be given its size
(SQLITE_IOERR_SHMSIZE; `reader notes`, the way to take the notes elsewhere, then failed with
"could not be written"). Without the index the file is read as immutable, which ignores the
-wal file: that is exact only while the -wal holds nothing, so with notes in it on a full disk
the reader says to free space instead of exporting less than there is.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.errors import StoreError

#: SQLite's extended code for a -shm file that could not be grown (no space left).
SQLITE_IOERR_SHMSIZE = 4874


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """mode=ro, else immutable where no -shm index can be made and nothing is lost by it."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code == SQLITE_IOERR_SHMSIZE:
            conn.close()
            if _wal_holds_data(path):
                raise StoreError(full_disk(path)) from exc
        elif code != sqlite3.SQLITE_CANTOPEN:
            return conn  # the caller's first query reports it
        else:
            conn.close()
            if os.access(path.parent, os.W_OK) and not read_only_mount(path):
                raise
        conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=timeout)
    return conn


def full_disk(path: Path) -> str:
    return (
        f"{path}: the disk holding it is full, so SQLite cannot make the index it needs to "
        "read the notes still in its -wal file; free some space and try again (nothing was "
        "changed)."
    )


def _wal_holds_data(path: Path) -> bool:
    try:
        return os.path.getsize(f"{path}-wal") > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
