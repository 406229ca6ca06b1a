"""`reader add`: files and folders into the library, analysed in parallel, the analysis cache
filled under the key the reader looks up (text hash, model id, engine version), so opening any
of them afterwards is instant. Every write happens here, in the main process, one article at a
time as its analysis arrives: an interrupted run keeps what it finished and a re-run skips it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analysis.model import ENGINE_VERSION, Analysis
from reader.batch.collect import collect
from reader.batch.pool import Task, analyze_many
from reader.batch.progress import Progress
from reader.errors import ReaderError
from reader.sources import Document, load_source
from reader.store import Store, text_hash


@dataclass(slots=True)
class AddResult:
    added: int = 0
    #: Texts the library already had, analysed by this model and engine.
    present: int = 0
    failed: int = 0
    seconds: float = 0.0
    analysed: list[int] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.added / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.added} added, {self.present} already in the library, {self.failed} failed "
            f"({self.seconds:.1f} s, {rate:.2f} articles/s)."
        )


def load_all(
    paths: list[str], report: Callable[[str], None], result: AddResult
) -> list[Document]:
    files, missing = collect(paths)
    for item in missing:
        report(f"{item.path}: {item.reason}.")
        result.failed += 1
    documents = []
    for file in files:
        try:
            documents.append(load_source(str(file)))
        except ReaderError as exc:
            report(str(exc))
            result.failed += 1
    return documents


def add_paths(
    store: Store,
    paths: list[str],
    *,
    jobs: int,
    model: str | None,
    report: Callable[[str], None],
    progress: Callable[[int], Progress] | None = None,
) -> AddResult:
    """Add and analyse; `report` gets one sentence per file that failed."""
    from reader.analysis.nlp import model_id

    started = time.monotonic()
    result = AddResult()
    mid = model_id(model)  # a missing model stops the run here, before any work
    pending: list[Document] = []
    seen: set[str] = set()
    for doc in load_all(paths, report, result):
        digest = text_hash(doc.text)
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
    bar = progress(len(pending)) if progress else None
    tasks = (Task(i, doc.text, doc.name) for i, doc in enumerate(pending))
    try:
        workers = min(jobs, len(pending))
        for done in analyze_many(tasks, jobs=workers, model=model) if pending else ():
            doc = pending[done.key]
            if done.error:
                (bar.say if bar else report)(f"{doc.source}: {done.error}")
                result.failed += 1
            else:
                analysis = Analysis.from_json(done.analysis)
                store.cache_analysis(text_hash(doc.text), mid, ENGINE_VERSION, analysis)
                record = store.save_article(doc)
                result.added += 1
                result.analysed.append(record.id)
            if bar:
                bar.advance()
    finally:
        if bar:
            bar.finish()
        result.seconds = time.monotonic() - started
    return result
