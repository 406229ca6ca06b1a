"""The library files a SQLite connection of this process holds: this process never open()s
them itself.

Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's too,
so another reader closing its connection then took itself for the last one, checkpointed and
deleted the -wal this process was still using (a new user lost saved notes and got a damaged
index with two windows open). SQLite's own opens share its locks and are safe; ours are not:
reading a header to refuse an export target, or the file given to ctrl+o, must not open a
library (nor its -wal, -shm or -journal, under any name: a hard link is the same file).
Imports nothing heavy: sources.py and outfile.py ask it before opening a file.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The SQLite files beside a database, by the suffix of their name.
COMPANIONS = ("", "-wal", "-shm", "-journal")

#: The libraries this process opened a connection to, as opened (their companions follow them).
_OPENED: list[Path] = []


def _identity(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def hold(path: Path) -> None:
    """A connection of this process opened the library at `path` (kept for the process's
    life: SQLite may keep a closed connection's descriptors for another one)."""
    if path not in _OPENED:
        _OPENED.append(path)


def held(path: Path | str) -> bool:
    """True when `path` is (the same file as) a library this process opened, or one of its
    -wal/-shm/-journal files: never to be opened with open()."""
    if not _OPENED or (target := _identity(path)) is None:
        return False
    return any(
        _identity(f"{library}{suffix}") == target
        for library in _OPENED for suffix in COMPANIONS
    )
