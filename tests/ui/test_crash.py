"""The real reader, driven in tmux, killed with SIGKILL right after its toast says a note is saved.

What the toast promised must be in the database: every change is committed at once.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.store import Store

READER = Path(sys.executable).with_name("reader")
ARTICLE = (
    "Harbour plan approved\n\n"
    "The council approved the harbour plan on Monday after a long debate.\n\n"
    "“This is the start of something good for the town,” the mayor, Ana Ruiz, said.\n"
)

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def tmux(socket: str, *args: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)
    return done.stdout


def wait_for(socket: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-t", "r")
        if text in screen:
            return screen
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_sigkill_right_after_note_saved_loses_nothing(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "notes.db"
    socket = "reader-crash-" + uuid.uuid4().hex[:8]
    command = f"exec {READER} --db {db} {article}"
    tmux(socket, "new-session", "-d", "-s", "r", "-x", "120", "-y", "30", command)
    try:
        wait_for(socket, "council approved")
        pid = int(tmux(socket, "display-message", "-p", "-t", "r", "#{pane_pid}").strip())
        for key in ("j", "h", "n"):
            tmux(socket, "send-keys", "-t", "r", key)
            time.sleep(0.3)
        wait_for(socket, "ctrl+s")  # the note editor is open
        tmux(socket, "send-keys", "-t", "r", "-l", "Check the budget figures.")
        time.sleep(0.3)
        tmux(socket, "send-keys", "-t", "r", "C-s")
        wait_for(socket, "Note saved")
        os.kill(pid, signal.SIGKILL)
    finally:
        tmux(socket, "kill-server")
    with Store.open(db) as store:
        (record,) = store.list_articles()
        notes = [a.note for a in store.annotations(record.id)]
    assert notes == ["Check the budget figures."]
