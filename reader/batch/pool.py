"""Analysing many texts in worker processes, each loading the spaCy model once.

Results come back as the analysis JSON the cache stores, in the order they finish; the
caller (the main process) does every database write. One job analyses in this process, so
`--jobs 1` pays no inter-process cost and the two are compared fairly.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Threads a worker's numerical libraries may use: one, so N jobs use N cores.
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class Task:
    key: int
    text: str
    doc: str


@dataclass(frozen=True, slots=True)
class Done:
    key: int
    #: The analysis as JSON (what the cache stores), or "" when it failed.
    analysis: str
    #: One sentence when the analysis failed.
    error: str = ""


_model: str | None = None
#: Why this worker's model could not be loaded: every task then fails with it (a failing
#: initializer would make the pool start workers for ever).
_broken = ""


def _init_worker(model: str | None) -> None:
    """Each worker: no Ctrl-C of its own (the parent stops the pool), then the model, once."""
    global _model, _broken
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _model = model
    from reader.analysis.nlp import load_pipeline
    from reader.errors import ReaderError

    try:
        load_pipeline(model)
    except ReaderError as exc:
        _broken = str(exc)


def run_task(task: Task, model: str | None = None) -> Done:
    from reader.analysis import analyze
    from reader.errors import ReaderError

    if _broken:
        return Done(task.key, "", _broken)
    try:
        analysis = analyze(task.text, model=model if model is not None else _model, doc=task.doc)
    except ReaderError as exc:
        return Done(task.key, "", str(exc))
    except Exception as exc:  # a bug in the engine on one text: say so, go on with the rest
        return Done(task.key, "", f"the analysis failed ({type(exc).__name__}: {exc})")
    return Done(task.key, analysis.to_json(indent=None))


class Analysers:
    """N worker processes (or this one, for one job) that analyse texts. Started before the
    caller reads its files, so the models load while it does; `close` stops them."""

    def __init__(self, *, jobs: int, model: str | None) -> None:
        self.model = model
        self.pool: multiprocessing.pool.Pool | None = None
        if jobs > 1:
            for var in THREAD_VARS:
                os.environ.setdefault(var, "1")
            ctx = multiprocessing.get_context("spawn")  # no forked copy of the SQLite handle
            self.pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(model,))

    def run(self, tasks: Iterable[Task]) -> Iterator[Done]:
        """Every task's result, as each finishes."""
        if self.pool is None:
            from reader.analysis.nlp import load_pipeline

            load_pipeline(self.model)
            for task in tasks:
                yield run_task(task, self.model)
            return
        yield from self.pool.imap_unordered(run_task, tasks, chunksize=1)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> Analysers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def analyze_many(tasks: Iterable[Task], *, jobs: int, model: str | None) -> Iterator[Done]:
    """Every task's result, as each finishes. Closing the iterator stops the workers."""
    with Analysers(jobs=jobs, model=model) as analysers:
        yield from analysers.run(tasks)
