"""`reader analyze FILE... --out DIR`: one model load, the analysis JSON of each file in DIR
(named after the file; a second file of the same name gets -2, -3...), for pipelines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.analysis.model import Analysis
from reader.batch.pool import Task, analyze_many
from reader.errors import ReaderError, SourceError
from reader.sources import Document, load_source


def out_names(documents: list[Document]) -> list[str]:
    used: set[str] = set()
    names = []
    for doc in documents:
        stem = Path(doc.name or "stdin").stem or "article"
        name, n = f"{stem}.json", 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.json"
        used.add(name)
        names.append(name)
    return names


def analyze_to_dir(
    sources: list[str], out: Path, *, jobs: int, model: str | None,
    report: Callable[[str], None],
) -> int:
    """Write each file's analysis; the number that failed (each reported in one sentence)."""
    if out.exists() and not out.is_dir():
        raise SourceError(f"{out} is not a folder.")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SourceError(f"{out}: the folder cannot be made ({exc.strerror}).") from exc
    failed = 0
    documents: list[Document] = []
    for spec in sources:
        try:
            documents.append(load_source(spec))
        except ReaderError as exc:
            report(str(exc))
            failed += 1
    names = out_names(documents)
    tasks = (Task(i, doc.text, doc.name) for i, doc in enumerate(documents))
    workers = max(1, min(jobs, len(documents)))
    for done in analyze_many(tasks, jobs=workers, model=model) if documents else ():
        if done.error:
            report(f"{documents[done.key].source}: {done.error}")
            failed += 1
            continue
        target = out / names[done.key]
        try:
            with target.open("w", encoding="utf-8") as fh:
                Analysis.from_json(done.analysis).write_json(fh)
        except OSError as exc:
            report(f"{target}: could not be written ({exc.strerror}).")
            failed += 1
    return failed
