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
import threading
import time
from collections.abc import Callable

from reader.env_seconds import seconds_from_env

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


#: Seconds the event loop has to begin acting on a stop signal before the process ends all the same.
STOP_GRACE = 10.0
#: Environment variable that sets another grace (seconds above 0): the tests use a short one to
#: see a stuck reader end without waiting the full ten seconds. Unset or empty: STOP_GRACE.
GRACE_ENV = "READER_STOP_GRACE"
#: Seconds a stop under way has to finish its saves before the process ends all the same.
STOP_FINISH = 30.0


def stop_grace() -> float:
    """READER_STOP_GRACE (seconds) or STOP_GRACE; ReaderError (one sentence, exit 2) when it is
    no number above 0, so a typo is said before the screen, not found out at the stop."""
    return seconds_from_env(GRACE_ENV, STOP_GRACE)


def on_stop_signals(stop: Callable[[int], None], grace: float = STOP_GRACE) -> None:
    """Call stop(signal number) on the running event loop (the main thread, between two
    events, never in the middle of one) when SIGHUP or SIGTERM comes.

    A terminal that stops reading (a stalled SSH link, a frozen terminal window) fills the
    output queue, and the event loop then waits for ever to write a frame: it never gets to
    `stop`, and the reader could be stopped by nothing but SIGKILL (closing the window left it
    running, holding the library open). The signal's handler is therefore a plain one, which
    runs even while the loop waits, and it also ends the process when the loop has not begun
    to stop within `grace` seconds. A loop that has begun (merely busy when the signal came)
    gets STOP_FINISH more seconds, so a slow but healthy stop is never cut short in its
    saves. Every note is committed as it is saved, and drafts are on disk."""
    loop = asyncio.get_running_loop()
    began = threading.Event()

    def begin(signum: int) -> None:
        began.set()
        stop(signum)

    def handler(signum: int, _frame: object) -> None:
        try:
            loop.call_soon_threadsafe(begin, int(signum))
        except RuntimeError:  # the loop has closed: the reader is already on its way out
            return
        threading.Thread(target=_end_after, args=(grace, began), daemon=True).start()

    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)


def _end_after(grace: float, began: threading.Event) -> None:
    """End the process if the loop is stuck: it never began to stop, or never finished."""
    if began.wait(grace):
        time.sleep(STOP_FINISH)
    _stop_copies()
    os._exit(1)  # nothing more can be done in order


def _stop_copies() -> None:
    """Stop a clipboard tool still copying, as the exit handlers would: os._exit skips them,
    and the tools run in their own session, so no hangup reaches them and a hung one (with
    what it started) would run for ever. Not loaded means no copy was ever made."""
    clipboard = sys.modules.get("reader.clipboard")
    if clipboard is not None:
        clipboard.stop_all()
