"""Whose a draft is: this window's, a window open now on the same library (another reader
process), or one closed since. Window B offered window A's live draft as "kept from before"
and let `x` discard it as an old one; a live one is named for what it is, with its age.

An owner is "PID:random" (older files have a bare random name: never taken for live). A
process id another program has taken since reads as live: the draft is then only left alone a
little longer, never lost.
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime


def new_owner() -> str:
    """A window's name in the draft file: its process and a random part."""
    return f"{os.getpid()}:{uuid.uuid4().hex}"


def live_elsewhere(owner: str, mine: str) -> bool:
    """Whether `owner` is another reader process running now (this process's earlier windows
    are closed: one app shows one article screen at a time)."""
    if not owner or owner == mine:
        return False
    pid_text, sep, _ = owner.partition(":")
    if not sep or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid in (0, os.getpid()):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # it exists, someone else's to signal
    return True


def age(stamp: str, now: datetime | None = None) -> str:
    """How long ago an ISO stamp was, as a person says it: "just now", "4 min ago", "2 h ago"."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return "earlier"
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} d ago"
