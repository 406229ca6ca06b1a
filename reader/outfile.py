"""Writing an export to a file: never onto a database, never half-written.

`reader notes -o FILE` once overwrote the open database with Markdown. Now the target is
refused when it is the database (or its -wal/-shm/-journal companion), any other SQLite file,
or anything but a regular file; and the text goes to a temporary file in the same folder that
is then renamed over the target, so a crash or a full disk leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from reader.errors import ReaderError
from reader.sanitize import one_line

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _is_database_file(real: Path, database: Path) -> bool:
    db = database.expanduser().resolve()
    if real.parent != db.parent:
        return False
    return any(real.name == db.name + suffix for suffix in DATABASE_COMPANIONS)


def check_target(target: str, *, database: str | Path) -> Path:
    """The real path to write `target` to, or ReaderError saying why it must not be written."""
    label = one_line(target)
    real = Path(target).expanduser().resolve()
    if _is_database_file(real, Path(database)):
        raise ReaderError(f"{label} is the reader's database; choose another file for the notes.")
    try:
        info = real.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ReaderError(f"{label}: cannot write the notes ({exc.strerror}).") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(f"{label} is a folder; give a file name for the notes.")
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError(f"{label} is not a regular file; give a file name for the notes.")
        try:
            with real.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise ReaderError(f"{label}: cannot write the notes ({exc.strerror}).") from None
        if head == SQLITE_HEADER:
            raise ReaderError(
                f"{label} is an SQLite database; choose another file for the notes."
            )
    if not real.parent.is_dir():
        folder = one_line(str(real.parent))
        raise ReaderError(f"{label}: cannot write the notes: the folder {folder} does not exist.")
    return real


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_export(target: str, text: str, *, database: str | Path) -> None:
    """Write `text` (UTF-8) to `target` atomically, after `check_target`."""
    real = check_target(target, database=database)
    label = one_line(target)
    mode = real.stat().st_mode & 0o7777 if real.exists() else _new_file_mode()
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise ReaderError(f"{label}: cannot write the notes ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, mode)
        os.replace(temp, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise ReaderError(f"{label}: cannot write the notes ({exc.strerror}).") from None
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(real.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
