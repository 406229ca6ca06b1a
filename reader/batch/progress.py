"""A one-line progress bar on stderr with the rate and the time left, redrawn in place on a
terminal and silent elsewhere (a log gets the per-file lines and the summary only)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    def __init__(self, total: int, *, out: TextIO | None = None, label: str = "") -> None:
        self.total = total
        self.done = 0
        self.out = out if out is not None else sys.stderr
        self.live = bool(getattr(self.out, "isatty", lambda: False)())
        self.label = label
        self.started = time.monotonic()
        self._drawn = 0.0
        self._shown = False

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        bar = "#" * filled + "-" * (WIDTH - filled)
        left = clock((self.total - self.done) / rate) if rate > 0 else "?"
        return f"{self.label}[{bar}] {self.done}/{self.total}  {rate:.1f}/s  {left} left"

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.live and (now - self._drawn > 0.1 or self.done >= self.total):
            self._drawn = now
            self.out.write("\r\x1b[2K" + self.line())
            self.out.flush()
            self._shown = True

    def say(self, message: str) -> None:
        """A line of its own above the bar (a failed file), the bar drawn again after it."""
        if self._shown:
            self.out.write("\r\x1b[2K")
        self.out.write(message + "\n")
        if self._shown:
            self.out.write(self.line())
        self.out.flush()

    def finish(self) -> None:
        if self._shown:
            self.out.write("\n")
            self.out.flush()
