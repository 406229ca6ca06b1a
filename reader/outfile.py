"""Writing an export to a file: never onto a database, never half-written.

`reader notes -o FILE` once overwrote the open database with Markdown. Now the target is
refused when it is the database (or its -wal/-shm/-journal companion), any other SQLite file
or SQLite companion (known by its contents: a copy under another name is refused too), a
name SQLite would read as another database's companion (`X-wal` beside an SQLite file `X`: a
Markdown export there once destroyed a library that was open in another window), or anything
but a regular file; and the text goes to a temporary file in the same folder that
is then renamed over the target, so a crash or a full disk leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reader.errors import ReaderError
from reader.held_files import held
from reader.sanitize import one_line

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")
#: A write-ahead log starts with one of these (big-endian), a rollback journal with this.
WAL_MAGIC = (0x377F0682, 0x377F0683)
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: A -shm (wal-index) file starts with the index version, in the machine's byte order.
SHM_VERSION = 3007000
#: What `-o` takes to mean standard output (click's convention for files).
STDOUT = "-"


def is_stdout(target: str | None) -> bool:
    return target == STDOUT


def sqlite_kind(head: bytes) -> str | None:
    """What SQLite file these first bytes begin, or None: any of them is a library's data."""
    if head.startswith(SQLITE_HEADER):
        return "an SQLite database"
    if len(head) >= 4 and int.from_bytes(head[:4], "big") in WAL_MAGIC:
        return "an SQLite write-ahead log"
    if head.startswith(JOURNAL_MAGIC):
        return "an SQLite rollback journal"
    if len(head) >= 4 and int.from_bytes(head[:4], sys.byteorder) == SHM_VERSION:
        return "an SQLite shared-memory index"
    return None


def _head(path: Path) -> bytes:
    """The first bytes; a library file this process holds is never opened (reader.held_files)
    and is, by what it is, an SQLite database's."""
    if held(path):
        return SQLITE_HEADER
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_HEADER))


def companion_of(real: Path) -> Path | None:
    """The SQLite database `real` would be a -wal/-shm/-journal of (whether or not it exists
    yet: SQLite reads a file of that name as one), or None."""
    for suffix in DATABASE_COMPANIONS[1:]:
        if real.name.endswith(suffix) and len(real.name) > len(suffix):
            owner = real.with_name(real.name[: -len(suffix)])
            try:
                if owner.is_file() and _head(owner) == SQLITE_HEADER:
                    return owner
            except OSError:
                continue
    return None


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
    if (owner := companion_of(real)) is not None:
        raise ReaderError(
            f"{label} belongs to the SQLite database {one_line(str(owner))}; "
            "choose another file for the notes."
        )
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
            kind = sqlite_kind(_head(real))
        except OSError as exc:
            raise ReaderError(f"{label}: cannot write the notes ({exc.strerror}).") from None
        if kind is not None:
            raise ReaderError(f"{label} is {kind}; choose another file for the notes.")
    if not real.parent.is_dir():
        folder = one_line(str(real.parent))
        raise ReaderError(f"{label}: cannot write the notes: the folder {folder} does not exist.")
    return real


def check_not_a_source(target: str, sources: Iterable[tuple[str, str]]) -> None:
    """Refuse to write the notes over a file an article was read from ((title, source)
    pairs): `reader notes -o story.txt` for `reader notes story.txt` replaced the story."""
    real = Path(target).expanduser().resolve()
    for title, source in sources:
        if source and Path(source).is_absolute() and Path(source).resolve() == real:
            raise ReaderError(
                f"{one_line(target)} is the file the article {one_line(title)!r} was read "
                "from; choose another file for the notes."
            )


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
