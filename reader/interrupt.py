"""Ctrl-C: the first one stops any command at once, with exit status 130 and no traceback.

Click turns KeyboardInterrupt into "Aborted!" and status 1, and a KeyboardInterrupt can be
swallowed by an ``except Exception`` that catches too much. So SIGINT raises `Interrupted`,
which is no Exception; it unwinds (finally blocks still run: temporary files go, sockets
close), and `reader.cli.main` exits 130. The handler then steps aside, so a second Ctrl-C
kills at once even if some clean-up hangs.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_STATUS = 130  # 128 + SIGINT, what shells report for a program stopped by Ctrl-C


class Interrupted(BaseException):
    """The user pressed Ctrl-C. `said` is the one sentence the command ends with: a command
    that knows what its stop kept sets it ("reader add" said that and "interrupted." too)."""

    said = "interrupted."


def _handler(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    raise Interrupted


def install() -> None:
    """Route SIGINT to `Interrupted` (only the main thread may set handlers)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _handler)


@contextmanager
def python_handling() -> Iterator[None]:
    """Python's own SIGINT handling while an asyncio app runs: asyncio then cancels the app
    cleanly (the terminal is restored) before the KeyboardInterrupt, made `Interrupted` here."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted from None
    finally:
        signal.signal(signal.SIGINT, previous)
