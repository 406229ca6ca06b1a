"""Noticing that the terminal has gone away (its window closed, the SSH link dropped).

A reader started under another program (`make run`, a shell script) gets no SIGHUP when its
terminal closes: the signal goes to that program. Textual's input thread then reads end of file
over and over, so the reader would spin at full CPU for ever. Asking the terminal for its
settings fails with an I/O error once it has hung up, which is cheap to check now and then.

A reader that does get SIGHUP (its own terminal closed) or SIGTERM (a logout, a supervisor, a
`kill`) would die at once by default (Textual handles neither), with the note being typed
still waiting for the pause after which its draft is written; `on_stop_signals` makes them a
call on the event loop instead, so the app can keep what was typed and leave cleanly.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import termios
from collections.abc import Callable

#: Seconds between two checks.
CHECK_EVERY = 1.0
#: Signals that ask the reader to stop: handled, not fatal.
STOP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


def terminal_fd() -> int | None:
    """The file descriptor of the terminal the reader reads keys from, if it is a terminal."""
    stream = sys.__stdin__
    if stream is None:
        return None
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


def terminal_gone(fd: int) -> bool:
    """True once the terminal behind fd has hung up."""
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


def on_stop_signals(stop: Callable[[int], None]) -> None:
    """Call stop(signal number) on the running event loop (the main thread, between two
    events, never in the middle of one) when SIGHUP or SIGTERM comes."""
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stop, int(signum))
