"""Copying from the app without ever freezing it.

A clipboard tool can hang (an X server that stopped answering, a wrapper script, a stuck
tmux): copied on the event loop, `y` froze the whole app until the tool's timeout. When a copy
runs another program it runs on a thread; the terminal's clipboard (OSC 52) is written from the
app's own thread, and the toast says where the text went and, when a tool failed, why.

Copies run one after another on a single thread: two tools running at once would leave on the
clipboard whichever finished last, not the last key pressed. A copy still waiting when a newer
one comes is dropped, so the last key pressed wins.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from reader.clipboard import PLACES, CopyResult, copy_text, may_wait
from reader.errors import ReaderError
from reader.ui.widgets.speaker_panel import plural

if TYPE_CHECKING:
    from textual.screen import Screen


def copy_out(screen: Screen[object], text: str, what: str) -> None:
    """Copy `text` (`what` names it in the toast) from `screen`, on a thread if it may wait."""
    app = screen.app
    if not may_wait():
        try:
            result = copy_text(text, fallback=app.copy_to_clipboard)
        except ReaderError as exc:
            screen.notify(str(exc), severity="error", markup=False)
            return
        _copied(screen, result, what)
        return

    def on_app_thread(callback: object, *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            app.call_from_thread(callback, *args)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result = copy_text(text, fallback=lambda t: on_app_thread(app.copy_to_clipboard, t))
        except ReaderError as exc:
            on_app_thread(partial(screen.notify, str(exc), severity="error", markup=False))
            return
        on_app_thread(_copied, screen, result, what)

    _COPIES.submit(work)


class _LatestCopy:
    """One copy at a time on one daemon thread, and at most one waiting: a newer copy replaces
    the waiting one. A daemon thread, not a Textual worker: quitting never waits for a hung
    tool (clipboard.stop_all stops it at exit)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: Callable[[], None] | None = None
        self._running = False

    def submit(self, job: Callable[[], None]) -> None:
        """Run `job` after the copy under way, in place of any copy still waiting."""
        with self._lock:
            self._waiting = job
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._drain, name="copy", daemon=True).start()

    def _drain(self) -> None:
        while (job := self._take()) is not None:
            try:
                job()
            except Exception as exc:  # reported as a thread's would be; later copies still run
                hook = threading.ExceptHookArgs(
                    (type(exc), exc, exc.__traceback__, threading.current_thread())
                )
                threading.excepthook(hook)

    def _take(self) -> Callable[[], None] | None:
        """The waiting copy, or None (and the thread ends) when there is none."""
        with self._lock:
            job, self._waiting = self._waiting, None
            self._running = job is not None
            return job


_COPIES = _LatestCopy()


def _copied(screen: Screen[object], result: CopyResult, what: str) -> None:
    where = PLACES[result.method]
    told = f"Copied {what} ({plural(result.chars, 'character')}) to {where}."
    if result.why:
        told += f" Not the system clipboard: {result.why}"
    screen.notify(told, severity="warning" if result.why else "information", markup=False)
