"""Looking at real processes from /proc (Linux), for the tests that kill analysis processes."""

from __future__ import annotations

import os
import time
from pathlib import Path


def _stat(pid: int | str) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state, ppid, pgrp, …)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def children(pid: int) -> list[int]:
    """The live (not zombie) children of ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(entry.name)
            if fields and int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return sorted(found)


def group(pgid: int) -> list[int]:
    """The live processes of process group ``pgid`` (the analysis child leads its own)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(entry.name)
            if fields and int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def wait_until_gone(pgid: int, seconds: float = 5.0) -> list[int]:
    """Give the group's processes a moment to go (signals are delivered asynchronously);
    those still there."""
    deadline = time.monotonic() + seconds
    while group(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return group(pgid)



def analysis_children() -> list[int]:
    """This process's live children that run the analysis (``reader.analysis.worker_main``)."""
    found = []
    for pid in children(os.getpid()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"reader.analysis.worker_main" in cmdline:
            found.append(pid)
    return found
