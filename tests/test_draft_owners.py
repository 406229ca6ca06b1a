"""Whose a draft is: a reader process running now, or a window closed since."""

from __future__ import annotations

import os
import socket
import subprocess
from datetime import UTC, datetime, timedelta

from reader.draft_owners import age, live_elsewhere, new_owner


def test_a_running_process_is_live_and_a_finished_one_is_not() -> None:
    proc = subprocess.Popen(["sleep", "60"])
    try:
        assert live_elsewhere(f"{proc.pid}:x", new_owner())
    finally:
        proc.kill()
        proc.wait()
    assert not live_elsewhere(f"{proc.pid}:x", new_owner())
    mine = new_owner()
    assert not live_elsewhere(mine, mine)
    # This process's earlier windows are closed; older files' bare names are never live.
    assert not live_elsewhere(f"{os.getpid()}:other", mine)
    assert not live_elsewhere("0123456789abcdef", mine)


def test_a_process_started_after_the_draft_was_written_is_not_its_owner() -> None:
    """After a crash and a reboot another process may have the dead window's id: a draft
    written before that process started is no live window's (here, where /proc says)."""
    proc = subprocess.Popen(["sleep", "60"])
    try:
        before = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
        after = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        host = socket.gethostname()
        assert live_elsewhere(f"{proc.pid}@{host}:x", new_owner(), after)
        if os.path.exists(f"/proc/{proc.pid}/stat"):
            assert not live_elsewhere(f"{proc.pid}@{host}:x", new_owner(), before)
            assert not live_elsewhere(f"{proc.pid}:x", new_owner(), before)
        # Another host's process id says nothing of this host's processes.
        assert not live_elsewhere(f"{proc.pid}@not-{host}:x", new_owner(), after)
    finally:
        proc.kill()
        proc.wait()


def test_age_as_a_person_says_it() -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert age((now - timedelta(seconds=20)).isoformat(), now) == "just now"
    assert age((now - timedelta(minutes=4)).isoformat(), now) == "4 min ago"
    assert age((now - timedelta(hours=2)).isoformat(), now) == "2 h ago"
    assert age("not a time", now) == "earlier"
