"""`reader add`: files and folders into the library, analysed in parallel, the analysis cache
filled under the key the reader looks up (text hash, model id, engine version), so opening any
of them afterwards is instant. Every write happens here, in the main process, in batches as the
analyses arrive (workers only parse and analyse): an interrupted run keeps what it finished and
a re-run skips it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.batch.collect import Missing, collect
from reader.batch.pool import Analysers, Task
from reader.batch.progress import Progress
from reader.errors import ReaderError
from reader.sources import PIPE_HINT, Document, load_source
from reader.store import Store, text_hash


@dataclass(slots=True)
class AddResult:
    added: int = 0
    #: Texts the library already had, analysed by this model and engine.
    present: int = 0
    failed: int = 0
    seconds: float = 0.0
    analysed: list[int] = field(default_factory=list)
    #: The hash of each text read, in the order given: the article each file was added as
    #: (`--title` names it; reading the file again could find another text).
    digests: list[str] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.added / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.added} added, {self.present} already in the library, {self.failed} failed "
            f"({self.seconds:.1f} s, {rate:.2f} articles/s)."
        )


def load_all(
    found: tuple[list[Path], list[Missing]], report: Callable[[str], None], result: AddResult
) -> list[Document]:
    files, missing = found
    for item in missing:
        report(f"{item.path}: {item.reason}.")
        result.failed += 1
    documents = []
    for file in files:
        try:
            documents.append(load_source(str(file)))
        except ReaderError as exc:
            report(str(exc).replace(PIPE_HINT, ""))  # `reader add -` reads no pipe
            result.failed += 1
    return documents


#: Analyses written per transaction at most, and seconds between writes at most: one commit
#: (and its sync) for many articles, while an interrupted run still keeps nearly all it did.
WRITE_BATCH = 32
WRITE_EVERY = 1.0


class Writer:
    """The one writer: analyses arrive from the workers, go to SQLite in batches."""

    def __init__(self, store: Store, model_id: str, result: AddResult) -> None:
        self.store, self.model_id, self.result = store, model_id, result
        self.waiting: list[tuple[Document, Analysis]] = []
        self.since = time.monotonic()

    def add(self, doc: Document, analysis_json: str) -> None:
        self.waiting.append((doc, Analysis.from_json(analysis_json)))
        if len(self.waiting) >= WRITE_BATCH or time.monotonic() - self.since >= WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        if self.waiting:
            ids = self.store.add_analysed(self.waiting, self.model_id, ENGINE_VERSION)
            self.result.added += len(ids)
            self.result.analysed += ids
            self.waiting = []
        self.since = time.monotonic()


#: Characters to analyse above which `reader add` says first that it will take a while
#: (spaCy parses some 50,000 a second on one core).
LONG_WORK = 1_000_000


def long_work(pending: list[Document]) -> str | None:
    """What `reader add` is about to do, said when it takes long: one file of 600,000 lines
    sat silent for minutes (the bar moves only when a text is done, and went to no log)."""
    total = sum(len(d.text) for d in pending)
    if total < LONG_WORK:
        return None
    longest = max(pending, key=lambda d: len(d.text))
    texts = "1 text" if len(pending) == 1 else f"{len(pending)} texts"
    return (f"analysing {texts} of {total:,} characters in all (the longest, "
            f"{longest.source}, {len(longest.text):,}): this takes minutes; ctrl+c stops it, "
            "and the texts already done are kept.")


def add_paths(
    store: Store,
    paths: list[str],
    *,
    jobs: int,
    model: str | None,
    report: Callable[[str], None],
    progress: Callable[[int, int], Progress] | None = None,
) -> AddResult:
    """Add and analyse; `report` gets one sentence per file that failed. The workers start
    first, so their models load while the files are read here. `progress(count, work)` makes
    the bar: `work` is the texts' characters, what the time left is reckoned from."""
    from reader.analysis.nlp import model_id

    started = time.monotonic()
    result = AddResult()
    mid = model_id(model)  # a missing model stops the run here, before any work
    found = collect(paths)
    with Analysers(jobs=min(jobs, len(found[0])), model=model) as analysers:
        pending = unknown(store, load_all(found, report, result), mid, result)
        if (said := long_work(pending)) is not None:
            report(said)
        bar = progress(len(pending), sum(len(d.text) for d in pending)) if progress else None
        if bar:
            bar.draw()  # at once: one huge text left the terminal blank until it was done
        writer = Writer(store, mid, result)
        tasks = (Task(i, doc.text, doc.name) for i, doc in enumerate(pending))
        try:
            for done in analysers.run(tasks) if pending else ():
                doc = pending[done.key]
                if done.error:
                    (bar.say if bar else report)(f"{doc.source}: {done.error}")
                    result.failed += 1
                else:
                    writer.add(doc, done.analysis)
                if bar:
                    bar.advance(work=len(doc.text))
        finally:
            writer.flush()  # what finished is kept, even when interrupted
            if bar:
                bar.finish()
            result.seconds = time.monotonic() - started
    return result


def unknown(store: Store, documents: list[Document], mid: str, result: AddResult
            ) -> list[Document]:
    """The documents still to analyse: each text once, none the cache already has (an
    analysed text the library lost is put back as it is)."""
    pending: list[Document] = []
    seen: set[str] = set()
    for doc in documents:
        digest = text_hash(doc.text)
        result.digests.append(digest)
        if digest in seen:
            result.present += 1
            continue
        seen.add(digest)
        if store.has_cached_analysis(digest, mid, ENGINE_VERSION):
            if store.find_by_hash(digest) is None:
                store.save_article(doc)
            result.present += 1
        else:
            pending.append(doc)
    return pending
