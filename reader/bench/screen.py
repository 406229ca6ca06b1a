"""Time what a person sees: seconds from launch until text appears in a real terminal (tmux).

The logic of ../shared/tools/screen_wait.py (start the command in a detached tmux session of a
fixed size, poll `capture-pane` every 10 ms, note when each regular expression first matches),
run in-process so the harness can also keep the last screen (to say why something failed) and
time keypresses. All sessions live on a private tmux server (`tmux -L <name>`), started once
and warm before any timing, so other tmux users are untouched and the server's start-up cost
is never measured.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

POLL = 0.01
DONE_PATTERN = r"\b\d+ quotes? · \d+ speakers?\b"  # the final status of ArticleScreen


@dataclass
class ScreenRun:
    """One launch: when each pattern appeared (None: never), and the last screen seen."""

    times: dict[str, float | None]
    screen: str = ""
    key_latencies: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(value is not None for value in self.times.values())

    def why_not(self) -> str:
        """A short reason for a failed run, from what the screen showed."""
        lines = [_BOX.sub(" ", line).strip() for line in self.screen.splitlines()]
        lines = [line for line in lines if line]
        for line in lines:
            if line.startswith("reader:"):
                return _short(line)
        for line in reversed(lines):
            if _ERROR_LINE.search(line):
                return _short(line)
        for line in reversed(lines):
            match = _FAILURE.search(line)
            if match:
                return _short(line[match.start() :])
        return _short(lines[-1]) if lines else "nothing on screen"


_BOX = re.compile(r"[\u2500-\u257f\u2580-\u259f]+")
_FAILURE = re.compile(r"\S*\s?\S*\s?(fail|error|cannot|could not|not found)", re.IGNORECASE)
_ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Exit)\b")


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


class Terminal:
    """A private tmux server whose sessions run one command each at a fixed size."""

    def __init__(self, size: str = "120x40") -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed")
        self.width, self.height = size.split("x")
        self.socket = f"reader-bench-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._tmux("new-session", "-d", "-s", "keepalive", "-x", "20", "-y", "5", "sleep 86400")
        shown = self._tmux("display-message", "-p", "#{socket_path}", check=False)
        self.socket_path = shown.stdout.strip()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._tmux("kill-server", check=False)
        if self.socket_path:  # tmux leaves its socket file behind
            Path(self.socket_path).unlink(missing_ok=True)

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def capture(self, session: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", session, check=False).stdout

    def start(self, command: Sequence[str], cwd: str | None = None) -> tuple[str, float]:
        """Start `command` (kept on screen after it exits); return (session, start time)."""
        session = "b" + uuid.uuid4().hex[:8]
        shell = shlex.join(command) + "; sleep 3600"
        where = ["-c", cwd] if cwd else []
        start = time.perf_counter()
        self._tmux(
            "new-session", "-d", "-s", session, "-x", self.width, "-y", self.height, *where, shell
        )
        return session, start

    def stop(self, session: str) -> None:
        self._tmux("kill-session", "-t", session, check=False)

    def send(self, session: str, key: str) -> None:
        self._tmux("send-keys", "-t", session, key)

    def wait_for(
        self, session: str, start: float, patterns: Sequence[str], timeout: float
    ) -> ScreenRun:
        """Poll until every pattern has matched once, or the timeout."""
        found: dict[str, float | None] = dict.fromkeys(patterns)
        pending = list(patterns)
        screen = ""
        while pending and time.perf_counter() - start < timeout:
            screen = self.capture(session)
            now = time.perf_counter() - start
            for pattern in list(pending):
                if re.search(pattern, screen):
                    found[pattern] = round(now, 3)
                    pending.remove(pattern)
            time.sleep(POLL)
        return ScreenRun(found, screen)

    def run(
        self,
        command: Sequence[str],
        patterns: Sequence[str],
        *,
        timeout: float = 30.0,
        cwd: str | None = None,
        linger: float = 0.0,
    ) -> ScreenRun:
        """Launch, time the patterns, wait `linger` seconds more (e.g. for a cache write), stop."""
        session, start = self.start(command, cwd)
        try:
            result = self.wait_for(session, start, patterns, timeout)
            if linger:
                time.sleep(linger)
            return result
        finally:
            self.stop(session)

    def key_latency(
        self,
        command: Sequence[str],
        ready: str,
        key: str,
        presses: int,
        *,
        timeout: float = 30.0,
        cwd: str | None = None,
        left: float = 0.5,
        settle: float = 0.3,
        max_wait: float = 3.0,
    ) -> ScreenRun:
        """Seconds from each `key` press until the text in the left part of the screen moves.

        Only the left `left` share of columns (where the article is), without the first and
        last two rows (header, footer), is compared, and a press counts as redrawn when a
        third of those rows changed: a progress bar or a growing side panel is not a page-down.
        A press that changes nothing within `max_wait` (the end of the text) is not counted.
        """
        session, start = self.start(command, cwd)
        try:
            result = self.wait_for(session, start, [ready], timeout)
            if not result.ok:
                return result
            time.sleep(settle)
            columns = max(1, int(int(self.width) * left))
            for _ in range(presses):
                before = _region(self.capture(session), columns)
                pressed = time.perf_counter()
                self.send(session, key)
                while time.perf_counter() - pressed < max_wait:
                    after = _region(self.capture(session), columns)
                    if _changed(before, after):
                        result.key_latencies.append(round(time.perf_counter() - pressed, 4))
                        break
                    time.sleep(POLL / 5)
                time.sleep(0.15)
            result.screen = self.capture(session)
            return result
        finally:
            self.stop(session)


def _region(screen: str, columns: int) -> list[str]:
    rows = screen.split("\n")
    return [row[:columns] for row in rows[1:-2]]


def _changed(before: list[str], after: list[str]) -> bool:
    if len(before) != len(after):
        return True
    differing = sum(1 for a, b in zip(before, after, strict=True) if a != b)
    return differing >= max(1, len(before) // 3)
