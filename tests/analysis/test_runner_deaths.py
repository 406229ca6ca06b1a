"""Every way an analysis process can end early is an error with its reason, never a hang.

Real processes and the real model: the analysis child on the sample article, and the book case
(a text over 200,000 characters) where that child parses with two spaCy processes of its own.
Each is killed (SIGKILL, as the out-of-memory killer does), made to exit with status 0 midway,
to raise, or to close its output; the runner must then raise ``AnalysisProcessError`` instead
of waiting. A 15-second guard turns a hang into a failure; no timing is asserted.

The exit, the exception and the closing are triggered from outside by signals whose handlers a
``sitecustomize`` module installs in the children (and the parsers inherit when forked).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.analysis.model import StreamProgress
from reader.analysis.runner import AnalysisProcessError, Runner, prestart
from reader.bench.corpus import SAMPLE, long_text
from tests.processes import children, wait_until_gone

#: Seconds an early end may take to surface before the test calls it a hang.
GUARD = 15.0

#: Handlers for the children: SIGUSR1 exits with status 0 at once, SIGUSR2 raises, SIGWINCH
#: closes every pipe the process writes to but stderr (its output to the reader among them).
SITECUSTOMIZE = """\
import fcntl
import os
import signal
import stat


def _exit_cleanly(signum, frame):
    os._exit(0)


def _raise(signum, frame):
    raise RuntimeError("injected failure")


def _close_output(signum, frame):
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            writes = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY
            if fd != 2 and writes and stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


signal.signal(signal.SIGUSR1, _exit_cleanly)
signal.signal(signal.SIGUSR2, _raise)
signal.signal(signal.SIGWINCH, _close_output)
"""


@pytest.fixture
def injectable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Children started from now on run the handlers above."""
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path) + (os.pathsep + path if path else ""))


def outcome(runner: Runner, steps: Iterator[StreamProgress]) -> BaseException:
    """Read the rest of ``steps`` in a thread; the error they ended with. Fails on a hang
    (after stopping the runner, so the thread and the processes end) or on no error."""
    seen: list[StreamProgress] = []
    result: list[BaseException | None] = []

    def drain() -> None:
        try:
            seen.extend(steps)
        except BaseException as exc:
            result.append(exc)
        else:
            result.append(None)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    reader.join(GUARD)
    if reader.is_alive():
        runner.close()
        reader.join(10)
        pytest.fail(f"the analysis still waited {GUARD:.0f} s after its process ended")
    assert all(step.done < step.total for step in seen), "a stopped analysis looked complete"
    error = result[0]
    assert error is not None, "the analysis ended quietly, as if it had been closed"
    return error


def start(text: str, processes: int) -> tuple[Runner, Iterator[StreamProgress]]:
    """A runner well into ``text`` (its first step read), small batches so much is left."""
    runner = prestart()
    steps = runner.analyze(text, batch_chars=3000, processes=processes)
    first = next(steps)
    assert first.done < first.total
    return runner, steps


def parsers_of(runner: Runner) -> list[int]:
    found = children(runner.pid)
    assert len(found) == 2, f"expected two parsing processes, found {found}"
    return found


def book() -> str:
    """Over the reader's two-parser threshold: whole paragraphs of real articles, repeated."""
    text = long_text(210_000)
    assert len(text) >= 200_000
    return text


def sample_text() -> str:
    return "\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 20)


# -- the analysis child (alone on the sample article, with two parsers on a book) -------------


@pytest.mark.parametrize("processes", [1, 2], ids=["sample", "book"])
@pytest.mark.parametrize(
    ("sig", "reason"),
    [
        (signal.SIGKILL, "The analysis process was killed by SIGKILL"),
        (signal.SIGUSR1, "The analysis process exited (status 0) before it finished"),
        (signal.SIGUSR2, "The analysis process failed (RuntimeError: injected failure)"),
        # Stopped by the reader at once, or failing at its next write: either is said.
        (signal.SIGWINCH, "The analysis process"),
    ],
    ids=["sigkill", "exit-0", "exception", "closed-output"],
)
def test_an_analysis_child_that_ends_early_is_reported(
    injectable: None, sig: signal.Signals, reason: str, processes: int
) -> None:
    runner, steps = start(sample_text() if processes == 1 else book(), processes=processes)
    os.kill(runner.pid, sig)
    error = outcome(runner, steps)
    assert isinstance(error, AnalysisProcessError)
    assert str(error).startswith(reason)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    assert wait_until_gone(runner.pid) == []


# -- a parsing process of the analysis child (two processes: a book) ---------------------------


@pytest.mark.parametrize(
    ("sig", "reason"),
    [
        (signal.SIGKILL, "A parsing process was killed by SIGKILL."),
        (signal.SIGTERM, "A parsing process was killed by SIGTERM."),
        (signal.SIGUSR1, "A parsing process exited (status 0) before the text was read."),
    ],
    ids=["sigkill", "sigterm", "exit-0"],
)
def test_a_parsing_process_that_ends_early_is_reported(
    injectable: None, sig: signal.Signals, reason: str
) -> None:
    runner, steps = start(book(), processes=2)
    victim, _ = parsers_of(runner)
    os.kill(victim, sig)
    error = outcome(runner, steps)
    assert isinstance(error, AnalysisProcessError)
    assert str(error) == reason
    # The analysis child and its other parser (same group) are gone: none parses for nobody.
    assert wait_until_gone(runner.pid) == []


def test_an_exception_in_a_parsing_process_is_reported(injectable: None) -> None:
    runner, steps = start(book(), processes=2)
    os.kill(parsers_of(runner)[0], signal.SIGUSR2)
    error = outcome(runner, steps)
    assert isinstance(error, AnalysisProcessError)
    # Raised where spaCy catches it (sent to the analysis child), or where it does not.
    assert str(error) in (
        "A parsing process failed (RuntimeError: injected failure).",
        "A parsing process exited with status 1.",
    )
    assert wait_until_gone(runner.pid) == []


def test_a_book_read_to_the_end_is_not_taken_for_a_death() -> None:
    """The parsers exit when spaCy's pipe closes at the end: that is no failure. (Two parsers
    are asked for, so the sample twenty times, five batches, takes the same path as a book
    past the reader's threshold, in less than half the parse.)"""
    text = sample_text()
    runner = prestart()
    steps = list(runner.analyze(text, batch_chars=20_000, processes=2))
    assert steps[-1].done == steps[-1].total == len(text)
    assert steps[-1].analysis.quotes
