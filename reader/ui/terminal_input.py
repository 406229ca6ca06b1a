"""Bytes typed or pasted into the terminal that are not UTF-8 become U+FFFD, never a crash.

Textual's Linux driver decodes the terminal's input with a strict UTF-8 decoder in its input
thread: one byte that is not UTF-8 (an xterm whose Alt sets the eighth bit, a terminal left in
Latin-1, binary pasted by mistake) raised UnicodeDecodeError there and ended the reader at
once, with Textual's traceback, whatever note was being typed. The driver takes its decoder
from `codecs.getincrementaldecoder` as imported into its module; this gives it the same
decoder with errors="replace" (Textual has no option for it).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import partial


def _lenient(encoding: str) -> Callable[..., codecs.IncrementalDecoder]:
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def tolerate_invalid_input() -> None:
    """Make the terminal driver decode what it reads leniently (call before App.run)."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on a POSIX terminal: another driver, another decoder
        return
    if hasattr(linux_driver, "getincrementaldecoder"):
        linux_driver.getincrementaldecoder = _lenient  # type: ignore[assignment]
