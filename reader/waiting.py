"""A line on the terminal while something slow happens before any screen exists.

Fetching a URL from the command line can take up to the fetch deadline (30 s) before the reader
has anything to show; a bare prompt for that long looks like a hang. After a short delay the
line says what is happening and how to stop it; it is erased when the work ends, so a fast
fetch shows nothing. Only on a terminal: a pipe or a log gets no control characters.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

#: Seconds before the line appears: a quick fetch should not flash it.
DELAY = 0.4


@contextmanager
def said_while_slow(message: str, *, delay: float = DELAY) -> Iterator[None]:
    """Show ``message`` on stderr if the block lasts longer than ``delay``, then erase it."""
    stream = sys.stderr
    if not stream.isatty():
        yield
        return
    shown = threading.Event()
    lock = threading.Lock()
    done = False

    def show() -> None:
        from reader.sanitize import inert

        with lock:
            if done:
                return
            stream.write(f"reader: {inert(message, newlines=False)} (ctrl+c stops)")
            stream.flush()
            shown.set()

    timer = threading.Timer(delay, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            done = True
        timer.cancel()
        if shown.is_set():
            stream.write("\r\x1b[K")
            stream.flush()


def fetching(source: str) -> AbstractContextManager[None]:
    """For reading ``source`` from the command line: a line while a URL is fetched."""
    from reader.sources import is_url, shown

    return said_while_slow(f"fetching {shown(source)}…") if is_url(source) else nullcontext()
