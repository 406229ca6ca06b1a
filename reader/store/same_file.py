"""Writes go only to the library file still at its path.

An open connection keeps writing to the file it opened, even after that file was replaced at
its path (a sync tool, a restore, `mv other.db library.db`) or deleted: the reader said
"Note saved." and the note went into a file no path reaches any more, gone for good when the
reader quit. The file's identity (device, inode) is taken when the library is opened and
checked before each write; a different file (or none) at the path refuses the write with one
sentence, so the editor keeps the note and its draft, and says why.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reader.errors import StoreError

#: The attribute of the sqlite-utils Database holding the identity of the file it opened.
_ATTR = "_reader_file_identity"


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, or None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def remember(db: Any, path: Path) -> None:
    """Note which file the connection opened (right after opening it)."""
    setattr(db, _ATTR, identity(path))


def require_same(db: Any, path: Path) -> None:
    """StoreError when the file at `path` is no longer the one the connection writes to."""
    seen = getattr(db, _ATTR, None)
    if seen is not None and identity(path) != seen:
        raise StoreError(
            f"{path}: the library file was replaced or deleted while the reader had it open, "
            f"so nothing more is written to it (open it again to go on)."
        )
