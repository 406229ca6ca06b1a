"""The analysis child process: ``python -m reader.analysis.worker_main``; its main loop.

It loads the pipeline first (READER_MODEL, else the defaults) and says "ready", so a parent can
start it early; then it reads one text from stdin and writes one delta per batch, then "end"
(the messages: ``reader.analysis.wire``). Errors go out as one "error" message.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable
from typing import BinaryIO

from reader.analysis import wire
from reader.analysis.model import ENGINE_VERSION
from reader.analysis.watch import ChildWatch
from reader.errors import ReaderError

#: Niceness of the analysis process: it loads spaCy while the reader draws its first frame, and
#: on a contested machine the interface should win that core (on an idle one, nothing changes).
NICE = 5
#: Parsed once after the model loads, while the parent has no text for us yet.
WARM_UP = "“We will be ready,” Jane Doe, the minister, said on Monday in Paris."


#: prctl(2) option: a signal for this process when its parent dies.
PR_SET_PDEATHSIG = 1
#: The reader's pid, to tell whether it died before PR_SET_PDEATHSIG was set.
PARENT_PID_ENV = "READER_PARENT_PID"


def _parser_died(out: BinaryIO, reason: str) -> None:
    """A parser died or failed: the main thread would wait on it for good, so say why and end
    the whole process (the other parser goes with it: PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError):
        wire.send(out, wire.error("AnalysisProcessError", reason))
    os._exit(1)


def _parser_error_handler(out: BinaryIO) -> Callable[..., None]:
    """spaCy's error handler, for an exception in one of its parsing processes: report it and
    end this process at once. Raising, spaCy's default, runs its clean-up, which waits forever
    for the other parser, blocked writing to a pipe we no longer read."""

    def handle(name: str | None, proc: object, docs: object, exc: Exception) -> None:
        if name is not None:  # a component's error in this very process: the usual way
            raise exc
        traceback.print_exception(exc)
        lines = [line for line in str(exc).splitlines() if line.strip()]
        what = lines[-1].strip() if lines else type(exc).__name__  # the parser's exception
        _parser_died(out, f"A parsing process failed ({what[:300]}).")

    return handle


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:500]


def run(inp: BinaryIO, out: BinaryIO) -> int:
    os.nice(NICE)  # before the model loads: the first frame is the reader's, not ours
    model = os.environ.get("READER_MODEL") or None
    try:
        from reader.analysis.nlp import load_pipeline, model_id

        nlp = load_pipeline(model)
        mid = model_id(model)
    except ReaderError as exc:
        wire.send(out, wire.error(type(exc).__name__, _one_line(exc)))
        return 2
    nlp.default_error_handler = _parser_error_handler(out)
    from reader.analysis.stream import stream_deltas

    # The first parse pays for lazy set-up (~0.1 s): pay it before the text arrives.
    for _ in stream_deltas(WARM_UP, nlp):
        pass
    wire.send(out, wire.ready(mid, ENGINE_VERSION))
    sent = wire.read_text(inp)
    if sent is None:
        return 0  # the parent closed without a text (it quit, or did not need us)
    text, options = sent
    processes = int(options.get("processes", 1))
    batch_chars = int(options["batch_chars"])
    for done, delta in stream_deltas(text, nlp, batch_chars=batch_chars, processes=processes):
        wire.send(out, wire.encode_step(done, len(text), delta))
    wire.send(out, wire.end())
    return 0


def _die_with_parent() -> None:
    """Linux: have the kernel end this process when the reader dies (terminal closed, kill -9),
    instead of loading a model or parsing a book for nobody until a pipe write fails."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)

        def request() -> None:
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

        request()
    except (OSError, AttributeError):
        return
    # The kernel clears the request in forked children: spaCy's parsing workers (n_process)
    # ask again, so they go with this process.
    os.register_at_fork(after_in_child=request)
    parent = os.environ.get(PARENT_PID_ENV, "")
    if parent.isdigit() and os.getppid() != int(parent):
        os._exit(1)  # the reader died before the request took effect


def main() -> int:
    _die_with_parent()
    # The protocol gets its own descriptor; anything else printed to stdout goes to stderr.
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    watch = ChildWatch(lambda reason: _parser_died(out, reason)).start()
    try:
        return run(sys.stdin.buffer, out)
    except BrokenPipeError:
        return 1  # the parent went away
    except Exception as exc:
        traceback.print_exc()
        with contextlib.suppress(OSError):
            wire.send(out, wire.error(type(exc).__name__, _one_line(exc)))
        return 1
    finally:
        watch.stop()


if __name__ == "__main__":
    sys.exit(main())
