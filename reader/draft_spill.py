"""The last place for drafts when the draft file cannot take them and their window must go.

A full disk, or a draft folder that cannot be written, leaves a note's words in the window's
memory only; a stop signal (the terminal closed, a logout) or a second quit then ended the
process with them, and when the library could not be written either (the same full disk,
another program's lock) the words were nowhere. This folder is on another file system,
usually in memory (XDG_RUNTIME_DIR, /dev/shm, the temporary folder): it outlives the process,
not a reboot. The next reader on the library reads it with the draft file (DraftBox) and
moves its drafts there once that file can be written.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from typing import Any

#: A spill file as last read: its path and (inode, mtime) then, so that it is removed only when
#: nobody added to it since.
Seen = tuple[Path, tuple[int, int]]


def folders() -> list[Path]:
    """Where spill files may be, in the order they are tried."""
    uid = os.getuid()
    found: list[Path] = []
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        found.append(Path(runtime) / "reader-drafts")
    if Path("/dev/shm").is_dir():
        found.append(Path("/dev/shm") / f"reader-drafts-{uid}")
    # Not tempfile.gettempdir(): it tries writing a file in each candidate first, and raises
    # when none takes one (a full disk), which only reading drafts must never do.
    found.append(Path(os.environ.get("TMPDIR") or "/tmp") / f"reader-drafts-{uid}")
    return list(dict.fromkeys(found))


def _private(folder: Path) -> bool:
    """Only a folder of our own that nobody else can write: /dev/shm and /tmp are shared, and
    a folder planted there by another user must not feed us drafts nor read ours."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077
    )


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def read(name: str) -> list[tuple[Seen, Any]]:
    """Every spill file of this name that can be read, with its JSON."""
    out: list[tuple[Seen, Any]] = []
    for folder in folders():
        path = folder / name
        if not _private(folder):
            continue
        try:
            stamp = _stamp(path)
            out.append(((path, stamp), json.loads(path.read_text("utf-8"))))
        except (OSError, ValueError):
            continue
    return out


def write(name: str, body: dict[str, Any]) -> Path:
    """Write `body` whole as the spill file `name` in the first folder that takes it."""
    data = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    for folder in folders():
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            continue
        path = folder / name
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            continue
        return path
    raise OSError("no folder could take the drafts")


def clear(seen: list[Seen]) -> None:
    """Remove spill files whose drafts are now in the draft file, unless written since."""
    for path, stamp in seen:
        with contextlib.suppress(OSError):
            if _stamp(path) == stamp:
                path.unlink()
