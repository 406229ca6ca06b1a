"""The analysis child process: ``python -m reader.analysis.worker_main``.

It loads the pipeline first (READER_MODEL, else the defaults) and says "ready", so a parent can
start it early; then it reads one text from stdin (a JSON header line, then the text as UTF-8
up to EOF) and writes newline-delimited JSON on stdout: one delta per batch, then "end".
Deltas keep the protocol linear on long texts: new entities, entities whose speaker changed,
new or changed quotes, and the (small) speakers list. Errors go out as one "error" message.

Messages (one JSON object a line, ASCII):
- ``{"t": "ready", "model": MODEL_ID, "engine": ENGINE_VERSION}``
- ``{"t": "step", "done", "total", "e": [[start, end, text, label, speaker], ...],
  "es": [[index, speaker], ...], "q": [[index, quote], ...], "s": [speaker, ...]}``
- ``{"t": "end"}``
- ``{"t": "error", "kind": "ModelNotFoundError" | ..., "message": ONE_SENTENCE}``
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import Any, BinaryIO

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote
from reader.analysis.watch import ChildWatch
from reader.errors import ReaderError

#: Niceness of an analysis that uses several processes.
NICE = 5
#: Parsed once after the model loads, while the parent has no text for us yet.
WARM_UP = "“We will be ready,” Jane Doe, the minister, said on Monday in Paris."


class DeltaEncoder:
    """Remembers what the parent already has, so each batch sends only what changed."""

    def __init__(self) -> None:
        self.entity_speakers: list[str | None] = []
        self.quotes: list[Quote] = []

    def encode(self, done: int, total: int, analysis: Analysis) -> dict[str, Any]:
        entities = analysis.entities
        known = len(self.entity_speakers)
        changed_entities = [
            [i, entities[i].speaker]
            for i in range(known)
            if entities[i].speaker != self.entity_speakers[i]
        ]
        for i, _ in changed_entities:
            self.entity_speakers[i] = entities[i].speaker
        new_entities = [[e.start, e.end, e.text, e.label, e.speaker] for e in entities[known:]]
        self.entity_speakers.extend(e.speaker for e in entities[known:])
        quotes: list[list[Any]] = []
        for i, q in enumerate(analysis.quotes):
            if i < len(self.quotes):
                if q == self.quotes[i]:
                    continue
                self.quotes[i] = replace(q)
            else:
                self.quotes.append(replace(q))
            quotes.append([i, asdict(q)])
        return {
            "t": "step",
            "done": done,
            "total": total,
            "e": new_entities,
            "es": changed_entities,
            "q": quotes,
            "s": [asdict(s) for s in analysis.speakers],
        }


#: prctl(2) option: a signal for this process when its parent dies.
PR_SET_PDEATHSIG = 1
#: The reader's pid, to tell whether it died before PR_SET_PDEATHSIG was set.
PARENT_PID_ENV = "READER_PARENT_PID"


#: One message at a time on the protocol: the main thread's and the watch's never interleave.
_SEND_LOCK = threading.Lock()


def _send(out: BinaryIO, message: dict[str, Any]) -> None:
    with _SEND_LOCK:
        out.write(json.dumps(message, separators=(",", ":")).encode("ascii") + b"\n")
        out.flush()


def _parser_died(out: BinaryIO, reason: str) -> None:
    """A parser died or failed: the main thread would wait on it for good, so say why and end
    the whole process (the other parser goes with it: PR_SET_PDEATHSIG)."""
    with contextlib.suppress(OSError):
        _send(out, {"t": "error", "kind": "AnalysisProcessError", "message": reason})
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
    model = os.environ.get("READER_MODEL") or None
    try:
        from reader.analysis.nlp import load_pipeline, model_id

        nlp = load_pipeline(model)
        mid = model_id(model)
    except ReaderError as exc:
        _send(out, {"t": "error", "kind": type(exc).__name__, "message": _one_line(exc)})
        return 2
    nlp.default_error_handler = _parser_error_handler(out)
    from reader.analysis.stream import analyze_stream

    # The first parse pays for lazy set-up (~0.1 s): pay it before the text arrives.
    for _ in analyze_stream(WARM_UP, nlp=nlp):
        pass
    _send(out, {"t": "ready", "model": mid, "engine": ENGINE_VERSION})
    header = inp.readline()
    if not header.strip():
        return 0  # the parent closed without a text (it quit, or did not need us)
    options = json.loads(header)
    text = inp.read().decode("utf-8", "surrogatepass")
    if len(text) != options["chars"]:
        raise ValueError(f"expected {options['chars']} characters, got {len(text)}")
    batch_chars = int(options["batch_chars"])
    processes = int(options.get("processes", 1))
    if processes > 1:
        os.nice(NICE)  # a contested core goes to the interface
    steps = analyze_stream(text, nlp=nlp, batch_chars=batch_chars, processes=processes)
    encoder = DeltaEncoder()
    for step in steps:
        _send(out, encoder.encode(step.done, step.total, step.analysis))
    _send(out, {"t": "end"})
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
            _send(out, {"t": "error", "kind": type(exc).__name__, "message": _one_line(exc)})
        return 1
    finally:
        watch.stop()


if __name__ == "__main__":
    sys.exit(main())
