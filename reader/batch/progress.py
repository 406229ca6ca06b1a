"""A one-line progress bar on stderr with the rate and the time left, redrawn in place on a
terminal and silent elsewhere (a log gets the per-file lines and the summary only).

The time left is reckoned from the size of the work (`work`: the texts' characters), not the
count of items: four short files done and one of 5 MB to go is most of the run still ahead,
not a fifth of it."""

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
    def __init__(
        self, total: int, *, work: int | None = None, out: TextIO | None = None, label: str = ""
    ) -> None:
        self.total = total
        self.done = 0
        #: The size of all the work, and of the part done (each item's own size, or 1 each).
        self.work = work if work is not None else total
        self.work_done = 0
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
        work_rate = self.work_done / elapsed if elapsed > 0 else 0.0
        left = clock((self.work - self.work_done) / work_rate) if work_rate > 0 else "?"
        return f"{self.label}[{bar}] {self.done}/{self.total}  {rate:.1f}/s  {left} left"

    def advance(self, n: int = 1, *, work: int | None = None) -> None:
        """`n` items done, of `work` size in all (n when not given)."""
        self.done += n
        self.work_done += n if work is None else work
        now = time.monotonic()
        if self.live and (now - self._drawn > 0.1 or self.done >= self.total):
            self.draw()

    def draw(self) -> None:
        """The bar as it stands, on a terminal (at the start: before any text is done)."""
        if self.live:
            self._drawn = time.monotonic()
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
