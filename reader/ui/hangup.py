"""Noticing that the terminal has gone away (its window closed, the SSH link dropped).

A reader started under another program (`make run`, a shell script) gets no SIGHUP when its
terminal closes: the signal goes to that program. Textual's input thread then reads end of file
over and over, so the reader would spin at full CPU for ever. Asking the terminal for its
settings fails with an I/O error once it has hung up, which is cheap to check now and then.
"""

from __future__ import annotations

import os
import sys
import termios

#: Seconds between two checks.
CHECK_EVERY = 1.0


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
