"""Long-text analysis figures: time, words per second against bare spaCy, peak memory.

Each measurement runs in its own child process (`python -m reader.bench.long KIND FILE`), so
its peak RSS is its own and the parent's state cannot help or hurt it. KIND is:
- `reader`: the engine as the UI runs it (`analyze_stream` when present, else `analyze`);
- `spacy`: bare `nlp.pipe` over the same paragraphs, same pipeline, no reader component.
The child prints one JSON line: load and run seconds, words, peak RSS in MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure_reader(text: str, model: str | None) -> dict[str, Any]:
    from reader.analysis.nlp import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline(model)
    loaded = time.perf_counter()
    if importlib.util.find_spec("reader.analysis.stream") is not None:
        from reader.analysis.stream import analyze_stream

        last = None
        for progress in analyze_stream(text, model=model, nlp=nlp):
            last = progress
        quotes = len(last.analysis.quotes) if last is not None else 0
        how = "analyze_stream"
    else:
        from reader.analysis import analyze

        quotes = len(analyze(text, model=model, nlp=nlp).quotes)
        how = "analyze"
    done = time.perf_counter()
    return {"load": loaded - started, "run": done - loaded, "quotes": quotes, "how": how}


def measure_spacy(text: str, model: str | None) -> dict[str, Any]:
    import spacy

    from reader.analysis.nlp import model_id

    name = model_id(model).split()[0]
    started = time.perf_counter()
    nlp = spacy.load(name)
    loaded = time.perf_counter()
    paragraphs = [p for p in text.split("\n") if p.strip()]
    tokens = sum(len(doc) for doc in nlp.pipe(paragraphs, batch_size=64))
    done = time.perf_counter()
    return {"load": loaded - started, "run": done - loaded, "tokens": tokens, "how": "nlp.pipe"}


def child(kind: str, path: str, model: str | None) -> dict[str, Any] | str:
    """Run one measurement in a fresh interpreter; the result, or why it failed."""
    command = [sys.executable, "-m", "reader.bench.long", kind, path]
    if model:
        command += ["--model", model]
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ))
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        return lines[-1][:80] if lines else f"exit status {result.returncode}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def rows(options: argparse.Namespace, path: Path) -> list[Any]:
    """The hook called by `python -m reader.bench` with the generated long text."""
    from reader.bench.table import Row, na

    text = path.read_text(encoding="utf-8")
    words = len(text.split())
    model = getattr(options, "model", None)
    out: list[Row] = []
    ours = child("reader", str(path), model)
    if isinstance(ours, str):
        out.append(na("reader analysis", ours))
    else:
        out.append(
            Row(
                "reader analysis",
                f"{ours['run']:.1f} s",
                f"{words / ours['run']:,.0f} words/s",
                f"{ours['how']}, {ours['quotes']} quotes; model load {ours['load']:.1f} s",
            )
        )
        out.append(Row("reader peak RSS", f"{ours['peak_rss_mb']:.0f} MB", "", "limit 1.5 GB"))
    try:
        from reader.bench.runner import measure_app_long

        app = measure_app_long(len(text), model)
    except Exception as exc:  # a benchmark row, never a crash of the whole bench
        out.append(na("reader analysis, as the app runs it", str(exc)[:80]))
    else:
        out.append(
            Row(
                "reader analysis, as the app runs it",
                f"{app['total_s']:.1f} s",
                f"{words / app['total_s']:,.0f} words/s",
                f"child process, 2 parsers; peak RSS {app['child_peak_rss_mb']:.0f} MB; "
                f"reader CPU {app['cpu_s']:.2f} s",
            )
        )
    bare = child("spacy", str(path), model)
    if isinstance(bare, str):
        out.append(na("bare spaCy nlp.pipe", bare))
    else:
        out.append(
            Row(
                "bare spaCy nlp.pipe",
                f"{bare['run']:.1f} s",
                f"{words / bare['run']:,.0f} words/s",
                f"same paragraphs, 1 process; peak RSS {bare['peak_rss_mb']:.0f} MB",
            )
        )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m reader.bench.long")
    ap.add_argument("kind", choices=["reader", "spacy"])
    ap.add_argument("file")
    ap.add_argument("--model", default=None)
    a = ap.parse_args(argv)
    text = Path(a.file).read_text(encoding="utf-8")
    measure = measure_reader if a.kind == "reader" else measure_spacy
    result = measure(text, a.model)
    result["words"] = len(text.split())
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
