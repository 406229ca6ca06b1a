"""The last place for drafts when the draft file cannot take them and their window must go.

A full disk, or a draft folder that cannot be written, leaves a note's words in the window's
memory only; a stop signal (the terminal closed, a logout) or a second quit then ended the
process with them, and when the library could not be written either (the same full disk,
another program's lock) the words were nowhere. The spill goes first to a folder on disk
that a logout leaves alone ($TMPDIR, else /var/tmp; then /tmp), and only when none takes it
(the same full disk) to one in memory ($XDG_RUNTIME_DIR, /dev/shm), which a logout empties:
logind removes the runtime folder and the user's /dev/shm files at the last session's end,
the very stop signal spills are for. The next reader on the library reads them with the
draft file (DraftBox) and moves their drafts there once that file can be written.

Each window (process) writes a file of its own ("NAME.TOKEN"): two windows spilling at once
(a logout reaches them together) never write over each other's, and a file is removed only
by a reader that read it as it is now.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import uuid
from pathlib import Path
from typing import Any

#: A spill file as last read: its path and (inode, mtime) then, so that it is removed only when
#: nobody added to it since.
Seen = tuple[Path, tuple[int, int]]


#: This process's spill-file token, by process id: a forked child gets one of its own.
_TOKENS: dict[int, str] = {}


def folders() -> list[Path]:
    """Where spill files may be, in the order they are tried: on disk first (a logout leaves
    them), in memory last (what a full disk still takes, until the logout)."""
    uid = os.getuid()
    # Not tempfile.gettempdir(): it tries writing a file in each candidate first, and raises
    # when none takes one (a full disk), which only reading drafts must never do.
    found = [
        Path(os.environ.get("TMPDIR") or "/var/tmp") / f"reader-drafts-{uid}",
        Path("/tmp") / f"reader-drafts-{uid}",
    ]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        found.append(Path(runtime) / "reader-drafts")
    if Path("/dev/shm").is_dir():
        found.append(Path("/dev/shm") / f"reader-drafts-{uid}")
    return list(dict.fromkeys(found))


def own_name(name: str) -> str:
    """This process's spill file for the draft file `name`: nobody else writes it."""
    token = _TOKENS.setdefault(os.getpid(), f"{os.getpid()}-{uuid.uuid4().hex[:12]}")
    return f"{name}.{token}"


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


def _files(folder: Path, name: str) -> list[Path]:
    """The spill files for the draft file `name` in `folder`: every window's ("NAME.TOKEN"),
    and the single "NAME" older readers shared."""
    try:
        return [*sorted(folder.glob(f"{name}.*")), folder / name]
    except OSError:
        return []


def read(name: str, only: str = "") -> list[tuple[Seen, Any]]:
    """Every spill file for the draft file `name` that can be read, with its JSON (`only`:
    just the spill files called that)."""
    out: list[tuple[Seen, Any]] = []
    for folder in folders():
        if not _private(folder):
            continue
        for path in [folder / only] if only else _files(folder, name):
            try:
                stamp = _stamp(path)
                out.append(((path, stamp), json.loads(path.read_text("utf-8"))))
            except (OSError, ValueError):
                continue
    return out


def write(name: str, body: dict[str, Any]) -> Path:
    """Write `body` whole as the spill file `name` in the first folder that takes it, and
    remove any older copy of it in a folder tried later (it held a subset of `body`)."""
    data = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    tried = folders()
    for at, folder in enumerate(tried):
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
        for later in tried[at + 1:]:
            with contextlib.suppress(OSError):
                (later / name).unlink()
        return path
    raise OSError("no folder could take the drafts")


def clear(seen: list[Seen]) -> None:
    """Remove spill files whose drafts are now in the draft file, unless written since."""
    for path, stamp in seen:
        with contextlib.suppress(OSError):
            if _stamp(path) == stamp:
                path.unlink()
