"""The analysis in a child process, so spaCy never holds the interface's GIL.

``analyze_in_subprocess`` has the contract of ``reader.analysis.stream.analyze_stream`` (the
cumulative analysis after each batch) but parses in ``python -m reader.analysis.worker_main``:
the parent never imports spaCy, keeps its core for the interface, and only rebuilds the
analysis from small per-batch deltas. ``prestart`` starts the child (and its ~1 s model load)
before the text is known, for an app that wants the model ready when its first screen is up.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from reader.analysis.model import Analysis, Entity, Mention, Quote, Speaker, StreamProgress
from reader.analysis.watch import describe_exit
from reader.errors import AnalysisProcessError, ModelNotFoundError, ReaderError

__all__ = ["AnalysisProcessError", "Runner", "analyze_in_subprocess", "prestart"]

#: Seconds a child gets to exit after SIGTERM before it is killed.
TERMINATE_WAIT = 1.0
#: Seconds between checks that the child is still alive while waiting for its next message.
POLL = 0.5
#: Lines of the child's stderr kept to explain a crash.
STDERR_LINES = 40
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_ERRORS: dict[str, type[ReaderError]] = {"ModelNotFoundError": ModelNotFoundError}


def child_env(model: str | None) -> dict[str, str]:
    env = dict(os.environ)
    # model=None means the defaults, exactly as analyze_stream(model=None) reads it.
    env.pop("READER_MODEL", None)
    if model:
        env["READER_MODEL"] = model
    # The child runs the parent's copy of the package, wherever it was imported from.
    path = env.get("PYTHONPATH", "")
    env["PYTHONPATH"] = _PACKAGE_ROOT + (os.pathsep + path if path else "")
    env["PYTHONUNBUFFERED"] = "1"
    # One compute thread: the other core stays free for the interface.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    env["READER_PARENT_PID"] = str(os.getpid())  # see worker_main._die_with_parent
    return env


def _signal_group(proc: subprocess.Popen[bytes], sig: int) -> None:
    """The child leads its own process group: signal it with any workers spaCy forked."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate, then kill; always reap, so no zombie is left."""
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(TERMINATE_WAIT)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
            proc.wait()
    # A leader that died first (killed, crashed) may leave spaCy's workers behind: end them too.
    _signal_group(proc, signal.SIGKILL)


def _child_error(kind: str, message: str) -> ReaderError:
    """The child's "error" message as the parent's exception: a reader error as itself, any
    other exception (a bug) named, so the person sees what broke."""
    if kind in _ERRORS:
        return _ERRORS[kind](message)
    if kind == AnalysisProcessError.__name__:
        return AnalysisProcessError(message)
    return AnalysisProcessError(f"The analysis process failed ({kind}: {message}).")


class _Rebuilder:
    """The parent's copy of the engine's cumulative analysis, updated from deltas.

    Changed records are replaced, never mutated, so analyses yielded earlier stay as they were.
    """

    def __init__(self, doc: str, model: str, engine: str) -> None:
        self.doc, self.model, self.engine = doc, model, engine
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []

    def apply(self, msg: dict[str, Any]) -> StreamProgress:
        entities = self.entities
        for i, speaker in msg["es"]:
            e = entities[i]
            # an entity given a person is a PERSON (summary.agree_with_speakers)
            label = "PERSON" if speaker is not None else e.label
            entities[i] = Entity(e.start, e.end, e.text, label, speaker)
        entities.extend(Entity(s, e, t, label, sp) for s, e, t, label, sp in msg["e"])
        quotes = self.quotes
        for i, q in msg["q"]:
            m = q["mention"]
            quote = Quote(
                id=q["id"],
                start=q["start"],
                end=q["end"],
                text=q["text"],
                speaker=q["speaker"],
                mention=Mention(m["start"], m["end"], m["text"]) if m else None,
                cue=q["cue"],
                rule=q["rule"],
                confidence=q.get("confidence"),
            )
            if i < len(quotes):
                quotes[i] = quote
            else:
                quotes.append(quote)
        analysis = Analysis(
            doc=self.doc,
            model=self.model,
            engine=self.engine,
            quotes=list(quotes),
            speakers=[Speaker(**s) for s in msg["s"]],
            entities=list(entities),
        )
        return StreamProgress(msg["done"], msg["total"], analysis)


class Runner:
    """One analysis child process: started at once, loads the model, then analyses one text.

    Thread-safe enough for an app: ``analyze`` runs in a worker thread, ``close`` may be called
    from any thread (it stops the child; a running ``analyze`` then ends quietly).
    """

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.started = time.perf_counter()
        try:
            self.proc: subprocess.Popen[bytes] = subprocess.Popen(
                [sys.executable, "-m", "reader.analysis.worker_main"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=child_env(model),
                start_new_session=True,  # no terminal signals, no terminal at all
            )
        except OSError as exc:
            raise AnalysisProcessError(f"The analysis process could not start: {exc}") from exc
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=STDERR_LINES)
        self._closed = threading.Event()
        self._used = False
        self._ready: dict[str, Any] | None = None
        self._writer: threading.Thread | None = None
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self._readers = [
            threading.Thread(
                target=self._read_stdout,
                args=(self.proc.stdout,),
                daemon=True,
                name="reader-analysis-stdout",
            ),
            threading.Thread(
                target=self._read_stderr,
                args=(self.proc.stderr,),
                daemon=True,
                name="reader-analysis-stderr",
            ),
        ]
        for t in self._readers:
            t.start()
        self._finalizer = weakref.finalize(self, _stop, self.proc)

    @property
    def pid(self) -> int:
        return self.proc.pid

    # --- the pipes (each read or written by one thread of its own) -------------------------

    def _read_stdout(self, stream: IO[bytes]) -> None:
        try:
            for line in stream:
                if line.strip():
                    self._messages.put(json.loads(line))
        except (OSError, ValueError) as exc:
            self._stderr.append(f"bad message from the analysis process: {exc}")
        finally:
            self._messages.put(None)
            stream.close()

    def _read_stderr(self, stream: IO[bytes]) -> None:
        try:
            for line in stream:
                text = line.decode("utf-8", "replace").strip()
                if text:
                    self._stderr.append(text)
        except OSError:
            pass
        finally:
            stream.close()

    def _write_stdin(self, data: bytes) -> None:
        stdin = self.proc.stdin
        assert stdin is not None
        try:
            stdin.write(data)
        except OSError:
            pass  # the child died or was stopped; the stdout reader reports why
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    # --- messages ---------------------------------------------------------------------------

    def _next(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next message; None when the child was closed by us; raises on a failure."""
        deadline = None if timeout is None else time.monotonic() + timeout
        exited_polls = 0
        while True:
            wait = POLL if deadline is None else min(POLL, max(0.0, deadline - time.monotonic()))
            try:
                msg = self._messages.get(timeout=wait)
                break
            except queue.Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise
                if self.proc.poll() is not None:
                    exited_polls += 1
                    if exited_polls >= 2:  # its exit left the pipe open (forked workers?)
                        _signal_group(self.proc, signal.SIGKILL)
        if msg is None:
            self._messages.put(None)  # stay at EOF for any later call
            if self._closed.is_set():
                return None
            raise self._crash()
        if msg["t"] == "error":
            raise _child_error(msg["kind"], msg["message"])
        return msg

    def _crash(self) -> ReaderError:
        """Why the child's output ended before its "end": it was killed, or it exited early."""
        try:
            code: int | None = self.proc.wait(TERMINATE_WAIT)
        except subprocess.TimeoutExpired:  # alive with its output closed: of no more use
            code = None
        _signal_group(self.proc, signal.SIGKILL)  # its parsing workers, if any, go with it
        for t in self._readers:
            t.join(1)
        if code is None:
            return AnalysisProcessError("The analysis process closed its output and was stopped.")
        if code < 0:
            return AnalysisProcessError(f"The analysis process {describe_exit(code)}.")
        last = f": {self._stderr[-1]}" if self._stderr and code else ""
        return AnalysisProcessError(
            f"The analysis process exited (status {code}) before it finished{last}"
        )

    def wait_ready(self, timeout: float | None = None) -> str:
        """Block until the model is loaded; its id. Raises ModelNotFoundError and the like."""
        if self._ready is None:
            try:
                msg = self._next(timeout)
            except queue.Empty:
                raise TimeoutError("the analysis process is still loading its model") from None
            if msg is None:
                raise AnalysisProcessError("The analysis process was closed before it was ready.")
            if msg["t"] != "ready":
                raise AnalysisProcessError(f"Unexpected message from the analysis process: {msg}")
            self._ready = msg
        return str(self._ready["model"])

    # --- the public API ---------------------------------------------------------------------

    def analyze(
        self, text: str, *, doc: str = "", batch_chars: int = 20_000, processes: int = 1
    ) -> Iterator[StreamProgress]:
        """Stream the analysis of ``text`` as ``analyze_stream`` does; a Runner reads one text.

        Closing the generator stops the child process. ``processes`` > 1 parses on that many
        cores (spaCy's ``n_process``, ~25% faster on two idle cores) at a lower priority, so
        the interface still wins a contested core; 1 leaves a core to the interface.
        """
        if self._used:
            raise RuntimeError("a Runner analyses one text; start another with prestart()")
        self._used = True
        return self._analyze(text, doc, batch_chars, processes)

    def _analyze(
        self, text: str, doc: str, batch_chars: int, processes: int
    ) -> Iterator[StreamProgress]:
        try:
            options = {"chars": len(text), "batch_chars": batch_chars, "processes": processes}
            header = json.dumps(options) + "\n"
            data = header.encode("ascii") + text.encode("utf-8", "surrogatepass")
            self._writer = threading.Thread(
                target=self._write_stdin, args=(data,), daemon=True, name="reader-analysis-stdin"
            )
            self._writer.start()
            try:
                model = self.wait_ready()
            except AnalysisProcessError:
                if self._closed.is_set():
                    return  # closed from another thread while the model loaded
                raise
            state = _Rebuilder(doc, model, str(self._ready["engine"]) if self._ready else "")
            while True:
                msg = self._next()
                if msg is None or msg["t"] == "end":
                    break
                if msg["t"] == "step":
                    yield state.apply(msg)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child (terminate, then kill), reap it and close the pipes. Idempotent."""
        self._closed.set()
        _stop(self.proc)
        if self._writer is not None:
            self._writer.join(TERMINATE_WAIT)
        elif self.proc.stdin is not None and not self.proc.stdin.closed:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
        for t in self._readers:
            t.join(TERMINATE_WAIT)
        self._finalizer.detach()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def prestart(model: str | None = None) -> Runner:
    """Start the child now: it imports spaCy and loads the model while the interface starts."""
    return Runner(model)


def analyze_in_subprocess(
    text: str,
    *,
    model: str | None = None,
    doc: str = "",
    batch_chars: int = 20_000,
    processes: int = 1,
) -> Iterator[StreamProgress]:
    """``analyze_stream`` in a child process: the same steps, the same final analysis."""
    runner = Runner(model)
    try:
        yield from runner.analyze(text, doc=doc, batch_chars=batch_chars, processes=processes)
    finally:
        runner.close()
