"""Whose a draft is: this window's, a window open now on the same library (another reader
process), or one closed since. Window B offered window A's live draft as "kept from before"
and let `x` discard it as an old one; a live one is named for what it is, with its age.

An owner is "PID@HOST:random" (older files: "PID:random", or a bare random name, never taken
for live). A process id is the owner's only on this host, and, where the system says when a
process started (Linux's /proc), only if that process started before the draft was written:
after a crash and a reboot, a later process with the same id does not keep the draft
"another window's" for ever.
"""

from __future__ import annotations

import os
import socket
import uuid
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

#: Seconds a process may seem to have started after the draft was written (the boot time is
#: in whole seconds).
START_SLACK = 2.0


def _host() -> str:
    return socket.gethostname().replace(":", "").replace("@", "")


def new_owner() -> str:
    """A window's name in the draft file: its process, its host and a random part."""
    return f"{os.getpid()}@{_host()}:{uuid.uuid4().hex}"


def live_elsewhere(owner: str, mine: str, written: str = "") -> bool:
    """Whether `owner` is another reader process running now on this host (this process's
    earlier windows are closed: one app shows one article screen at a time); `written`, the
    draft's ISO stamp: a process started after it is not the one that wrote it."""
    if not owner or owner == mine:
        return False
    head, sep, _ = owner.partition(":")
    pid_text, at, host = head.partition("@")
    if not sep or not pid_text.isdigit() or (at and host != _host()):
        return False
    pid = int(pid_text)
    if pid in (0, os.getpid()):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # it exists, someone else's to signal
    started = started_at(pid)
    when = _stamp(written)
    return started is None or when is None or started <= when + START_SLACK


def started_at(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), where /proc says; else None."""
    boot = _boot_time()
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rpartition(")")[2].split()[19])  # field 22, starttime
    except (OSError, ValueError, IndexError):
        return None
    return None if boot is None else boot + ticks / os.sysconf("SC_CLK_TCK")


@cache
def _boot_time() -> int | None:
    """When this machine booted (/proc/stat's btime): read once, it does not change while the
    reader runs (the drafts are looked at every 3 s)."""
    try:
        boot = next(line for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
        return int(boot.split()[1])
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _when(stamp: str) -> datetime | None:
    """An ISO stamp as an aware time (a naive one is UTC, as the draft file writes them)."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _stamp(stamp: str) -> float | None:
    when = _when(stamp)
    return None if when is None else when.timestamp()


def age(stamp: str, now: datetime | None = None) -> str:
    """How long ago an ISO stamp was, as a person says it: "just now", "4 min ago", "2 h ago"."""
    when = _when(stamp)
    if when is None:
        return "earlier"
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"
