"""Flow control and echo off from the reader's start, so an early ctrl+q (or ctrl+s) is a
key and early keys are not written on the shell's screen.

Until Textual's driver puts the terminal in raw mode, a few tenths of a second after start
(reading the source, the peek, the analysis prestart, importing Textual), the terminal's
line discipline has XON/XOFF flow control on (`ixon`): it swallows ctrl+q (XON) and takes
ctrl+s (XOFF) as "stop the output", so a ctrl+q typed then never reached the app and the
reader kept running. Other keys wait in the terminal for the app and are not lost; but the
terminal echoed them onto the shell's screen (`jjk` typed as the reader started was still
there beside the prompt after quitting), so `echo` is off too. Only `ixon` and `echo` are
turned off here (line editing and the rest are the driver's to change); the
driver restores the settings it found (these) when the app ends, and the terminal's own are put
back after it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def flow_control_off() -> Iterator[None]:
    """Turn `ixon` and `echo` off on standard input's terminal for the block; as before
    afterwards."""
    try:
        import termios
    except ImportError:  # not a POSIX system: there is no such line discipline
        yield
        return
    fd = _terminal_fd()
    before = None
    if fd is not None:
        with contextlib.suppress(termios.error, OSError):
            before = termios.tcgetattr(fd)
            if before[0] & termios.IXON or before[3] & termios.ECHO:
                changed = list(before)
                changed[0] = before[0] & ~termios.IXON
                changed[3] = before[3] & ~termios.ECHO
                termios.tcsetattr(fd, termios.TCSANOW, changed)
            else:
                before = None  # off already: nothing to put back
    try:
        yield
    finally:
        if fd is not None and before is not None:
            with contextlib.suppress(termios.error, OSError):
                # The driver left the terminal as it found it, without ixon: the user's again.
                termios.tcsetattr(fd, termios.TCSADRAIN, before)


def _terminal_fd() -> int | None:
    stdin = sys.__stdin__
    if stdin is None:
        return None
    try:
        fd = stdin.fileno()
    except (OSError, ValueError):
        return None
    return fd if _isatty(fd) else None


def _isatty(fd: int) -> bool:
    import os

    try:
        return os.isatty(fd)
    except OSError:
        return False
