"""The analysis child's watch over the parsing processes it forks (spaCy's ``n_process``).

spaCy reads each parser's results from a pipe whose write end the sibling parser also holds
(both are forked), so a parser killed by the out-of-memory killer leaves ``nlp.pipe`` waiting
forever, and the reader saying "analysing… 22%" for good. A thread here waits on every child's
sentinel and reports the first that ends before the analysis does, in one sentence, so that the
child can say why and exit instead of hanging. It also ends parsers that spaCy's clean-up after
an error would wait on for ever (they wait, blocked, to hand over results nobody reads).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

__all__ = ["GRACE", "LOOK_EVERY", "ChildWatch", "describe_exit"]

#: Seconds between looks for newly forked processes; a death wakes the watch at once.
LOOK_EVERY = 0.2
#: Seconds spaCy's ending of its parsers may take: it sends them a last message, they exit
#: cleanly (status 0) and it joins them, right before the analysis ends. A clean exit the end
#: does not follow, or a join still waiting after this long, is a parser gone wrong.
GRACE = 2.0


def describe_exit(code: int) -> str:
    """The end of a sentence ("was killed by SIGKILL") from a Popen or Process exit code."""
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with status {code}"


def _ended_child() -> int | None:
    """The exit code of a child of this process that has ended but is not yet reaped (it stays
    so: WNOWAIT), as Popen gives it (-9 for SIGKILL); None when none has."""
    try:
        info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return None
    if info is None:
        return None
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


class ChildWatch:
    """Calls ``on_death(sentence)`` once, from its own thread, when a child of this process ends
    before ``stop()``: killed or with a non-zero status at once, a clean exit after the grace.

    Every child counts: it is meant for the analysis child, whose only children are parsers.
    """

    def __init__(
        self,
        on_death: Callable[[str], None],
        *,
        what: str = "a parsing process",
        look_every: float = LOOK_EVERY,
        grace: float = GRACE,
    ) -> None:
        self._on_death = on_death
        self._what = what
        self._look_every = look_every
        self._grace = grace
        self._stopped = threading.Event()

    def start(self) -> ChildWatch:
        # Imported here, not at the top (the reader imports describe_exit and never forks), and
        # not in the thread, which must never hold the import lock while the main thread forks.
        import multiprocessing.process
        from multiprocessing import active_children
        from multiprocessing.connection import wait

        self._process_file = multiprocessing.process.__file__
        self._thread = threading.Thread(
            target=self._run, args=(active_children, wait), daemon=True, name="reader-child-watch"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """The analysis is over (finished or failed on its own): processes may now end."""
        self._stopped.set()

    def _run(
        self,
        active_children: Callable[[], list[BaseProcess]],
        wait: Callable[[list[int], float], list[Any]],
    ) -> None:
        known: set[BaseProcess] = set()
        clean_exit: float | None = None
        joining: list[float] = []  # since when the main thread waits in Process.join
        while not self._stopped.is_set():
            # A process that died before it was ever seen here is still a zombie: look first,
            # for active_children() reaps the ended ones (their exit codes stay readable).
            code = _ended_child()
            if code:
                self._report(describe_exit(code))
                return
            if code == 0 and clean_exit is None:
                clean_exit = time.monotonic()
            known.update(active_children())
            timeout = self._look_every
            if clean_exit is not None:
                left = clean_exit + self._grace - time.monotonic()
                if left <= 0:
                    self._report("exited (status 0) before the text was read")
                    return
                timeout = min(timeout, left)
            if self._stuck_in_join(joining):
                # spaCy's clean-up after an error in this process waits for parsers that wait,
                # blocked, to hand over results nobody reads: end them, so the error surfaces
                # (and is reported by the main thread: the watch is over).
                for process in active_children():
                    with contextlib.suppress(OSError):
                        os.kill(process.pid or 0, signal.SIGKILL)
                return
            by_sentinel = {p.sentinel: p for p in known}
            if not by_sentinel:
                self._stopped.wait(timeout)
                continue
            for sentinel in wait(list(by_sentinel), timeout):
                process = by_sentinel[sentinel]
                process.join(1.0)  # the sentinel closes just before the process can be reaped
                code = process.exitcode
                if code is None:
                    continue
                known.discard(process)
                if code == 0:
                    clean_exit = clean_exit if clean_exit is not None else time.monotonic()
                    continue
                self._report(describe_exit(code))
                return

    def _stuck_in_join(self, since: list[float]) -> bool:
        """Whether the main thread has waited in ``Process.join`` for longer than the grace:
        spaCy ends its parsers that way, which takes a moment unless they are stuck."""
        frame = sys._current_frames().get(threading.main_thread().ident or 0)
        while frame is not None:
            code = frame.f_code
            if code.co_name == "join" and code.co_filename == self._process_file:
                break
            frame = frame.f_back
        if frame is None:
            since.clear()
            return False
        if not since:
            since.append(time.monotonic())
        return time.monotonic() - since[0] >= self._grace

    def _report(self, how: str) -> None:
        if not self._stopped.is_set():
            what = self._what[:1].upper() + self._what[1:]
            self._on_death(f"{what} {how}.")
