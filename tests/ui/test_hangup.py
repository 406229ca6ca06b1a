"""The real reader, started under another program as `make run` starts it, exits when its
terminal closes instead of spinning at full CPU on a dead terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.store import Store

READER = Path(sys.executable).with_name("reader")
SAMPLE = Path(__file__).parents[2] / "reader" / "samples" / "seed.txt"

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("make") is None, reason="needs tmux and make"
)


def tmux(socket: str, *args: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)
    return done.stdout


def reader_pids(db: Path) -> list[int]:
    """Python processes running the reader on this database (not the shell that started it)."""
    done = subprocess.run(["pgrep", "-f", "--", f"--db {db}"], capture_output=True, text=True)
    pids = []
    for pid in map(int, done.stdout.split()):
        try:
            argv0 = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
        except OSError:
            continue
        if b"python" in Path(argv0.decode()).name.encode():
            pids.append(pid)
    return pids


def test_reader_under_a_parent_exits_when_its_terminal_closes(tmp_path: Path) -> None:
    db = tmp_path / "hangup.db"
    socket = "reader-hup-" + uuid.uuid4().hex[:8]
    # started by make, as `make run` starts it: make stays the terminal's controlling process
    makefile = tmp_path / "Makefile"
    makefile.write_text(f"run:\n\t{READER} --db {db} {SAMPLE}\n", encoding="utf-8")
    command = f"make -s -f {makefile} run"
    tmux(socket, "new-session", "-d", "-s", "r", "-x", "100", "-y", "30", command)
    try:
        deadline = time.monotonic() + 30
        while "Blinken" not in tmux(socket, "capture-pane", "-p", "-t", "r"):
            assert time.monotonic() < deadline, "the reader never showed the article"
            time.sleep(0.1)
        pids = reader_pids(db)
        assert pids, "the reader process was not found"
    finally:
        tmux(socket, "kill-server")
    deadline = time.monotonic() + 15
    while reader_pids(db) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = reader_pids(db)
    for pid in left:
        os.kill(pid, 9)
    assert not left, "the reader kept running after its terminal closed"
    with Store.open(db) as store:  # and it left the library intact
        assert len(store.list_articles()) == 1


def test_a_stop_signal_after_the_event_loop_closed_is_no_error() -> None:
    """Found in review: the handlers outlive the app's event loop, and a SIGTERM in the
    reader's last clean-up (closing the analysis and the store) raised 'Event loop is
    closed' there, skipping the rest of it. Now it is left to the exit under way."""
    import asyncio
    import signal

    from reader.ui.hangup import STOP_SIGNALS, on_stop_signals

    before = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    called: list[int] = []

    async def install() -> None:
        on_stop_signals(called.append, grace=600)

    try:
        asyncio.run(install())
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs here, in this thread
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
    assert called == []
