"""A reader whose event loop is stuck when a stop signal comes ends itself (hangup._end_after,
with os._exit, which skips the exit handlers): a clipboard tool hung in a copy, started in its
own session, must be stopped with it. A real process, a real hanging xclip on PATH."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.test_clipboard_hang import _alive, hanging_xclip

ROOT = Path(__file__).parents[2]

STUCK_READER = """
import asyncio, threading, time
from reader import clipboard
from reader.ui import hangup

clipboard.COPY_TIMEOUT = 600.0

def copy() -> None:
    clipboard.copy_text("some words", fallback=lambda _t: None)

async def main() -> None:
    hangup.on_stop_signals(lambda _signum: None, grace=0.5)
    threading.Thread(target=copy, daemon=True).start()
    time.sleep(600)  # the event loop is stuck: it never gets to the stop

asyncio.run(main())
"""


def test_a_hung_copy_is_stopped_when_a_stuck_reader_ends_itself(tmp_path: Path) -> None:
    pidfile = hanging_xclip(tmp_path)
    env = dict(os.environ, PATH=f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    env.update(DISPLAY=":97", PYTHONPATH=str(ROOT))
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("TMUX", None)
    reader = subprocess.Popen([sys.executable, "-c", STUCK_READER], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while not pidfile.exists() or not pidfile.read_text().strip():
            assert time.monotonic() < deadline, "the copy never started its tool"
            time.sleep(0.05)
        child = int(pidfile.read_text())
        reader.send_signal(signal.SIGTERM)
        assert reader.wait(timeout=15) == 1  # ended by _end_after
        deadline = time.monotonic() + 5
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        gone = not _alive(child)
        if not gone:
            os.kill(child, signal.SIGKILL)
        assert gone, "the hung clipboard tool outlived the reader"
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
