"""Benchmarks of the analysis child process (`reader.analysis.runner`), each measurement in a
fresh interpreter so that its rusage figures are its own.

`python -m reader.bench.runner KIND CHARS [MODEL]` runs one measurement and prints JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from reader.analysis.model import StreamProgress
from reader.analysis.runner import analyze_in_subprocess, child_env, prestart
from reader.errors import AnalysisProcessError


def _cpu_seconds() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _measure_here(kind: str, chars: int, model: str | None) -> dict[str, Any]:
    import resource

    from reader.bench.corpus import SAMPLE, long_text

    started = time.perf_counter()
    if kind == "start-subprocess":
        text = SAMPLE.read_text(encoding="utf-8")
        runner = prestart(model)
        steps = runner.analyze(text, doc="seed.txt")
        first = next(steps)
        first_at = time.perf_counter() - started
        for _ in steps:
            pass
        return {"first_progress_s": first_at, "quotes": len(first.analysis.quotes)}
    if kind == "start-inprocess":
        from reader.analysis.stream import analyze_stream

        text = SAMPLE.read_text(encoding="utf-8")
        first = next(analyze_stream(text, model=model, doc="seed.txt"))
        return {
            "first_progress_s": time.perf_counter() - started,
            "quotes": len(first.analysis.quotes),
        }
    if kind == "ready-subprocess":
        # The app's case: prestart at launch, the text arrives once the model is loaded.
        text = SAMPLE.read_text(encoding="utf-8")
        runner = prestart(model)
        ready = runner.wait_ready(60) and time.perf_counter() - started
        sent = time.perf_counter()
        final = 0.0
        for step in runner.analyze(text, doc="seed.txt"):
            if step.done == step.total:
                final = time.perf_counter() - sent
        return {"ready_s": ready, "analyze_to_final_s": final}
    text = long_text(chars)
    if kind not in ("long-subprocess", "long-subprocess2", "long-inprocess"):
        raise ValueError(f"unknown measurement {kind!r}")
    if kind.startswith("long-subprocess"):
        steps = analyze_in_subprocess(text, model=model, processes=2 if kind[-1] == "2" else 1)
    else:
        from reader.analysis.stream import analyze_stream

        steps = analyze_stream(text, model=model)
    cpu0 = _cpu_seconds()
    run = _consume_with_probe(steps, started)
    result = {
        "chars": len(text),
        "total_s": time.perf_counter() - started,
        **run,
        "cpu_s": _cpu_seconds() - cpu0,
        "spacy_imported": "spacy" in sys.modules,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if kind.startswith("long-subprocess"):
        result["child_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _consume_with_probe(steps: Iterator[StreamProgress], started: float) -> dict[str, Any]:
    """Consume ``steps`` in a worker thread (as the app does) while the main thread ticks every
    10 ms: how late the ticks wake is how long an event handler would wait for the GIL."""
    out: dict[str, Any] = {"steps": 0}

    def work() -> None:
        for step in steps:
            if out["steps"] == 0:
                out["first_progress_s"] = time.perf_counter() - started
            out["steps"] += 1
            out["quotes"] = len(step.analysis.quotes)
            out["entities"] = len(step.analysis.entities)
            out["speakers"] = len(step.analysis.speakers)

    worker = threading.Thread(target=work, name="reader-measure")
    worker.start()
    late: list[float] = []
    while worker.is_alive():
        before = time.perf_counter()
        time.sleep(0.01)
        late.append((time.perf_counter() - before - 0.01) * 1000)
    worker.join()
    late.sort()
    if late:
        out["tick_late_ms_median"] = round(late[len(late) // 2], 2)
        out["tick_late_ms_p99"] = round(late[int(len(late) * 0.99)], 2)
        out["tick_late_ms_worst"] = round(late[-1], 2)
    return out


def _measure_child(kind: str, chars: int = 0, model: str | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "reader.bench.runner", kind, str(chars)]
    if model:
        command.append(model)
    done = subprocess.run(
        command, capture_output=True, text=True, env=child_env(None), check=False
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise AnalysisProcessError(
            f"The measurement {kind} failed: {lines[-1] if lines else done.returncode}"
        )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure_start(model: str | None = None) -> dict[str, Any]:
    """Time to the first progress on the sample article, each from a cold interpreter:
    prestart + analyze vs in-process analyze_stream, and prestart's ready time."""
    return {
        "subprocess": _measure_child("start-subprocess", 0, model),
        "inprocess": _measure_child("start-inprocess", 0, model),
        "prestarted": _measure_child("ready-subprocess", 0, model),
    }


def measure_app_long(chars: int, model: str | None = None) -> dict[str, Any]:
    """The long text as the app analyses it: a child process with two parsers."""
    return _measure_child("long-subprocess2", chars, model)


def measure_long(chars: int, model: str | None = None) -> dict[str, Any]:
    """On ``long_text(chars)``: total time in a child (one or two parsing processes) vs
    in-process ``analyze_stream``; the main process's CPU seconds during the run; peak RSS
    (MB) of the child (the largest process of its group); how late a 10 ms tick in the main
    thread woke (ms: median, p99, worst), which is what an interface's event loop would feel."""
    return {
        "subprocess": _measure_child("long-subprocess", chars, model),
        "subprocess_2_processes": _measure_child("long-subprocess2", chars, model),
        "inprocess": _measure_child("long-inprocess", chars, model),
    }


if __name__ == "__main__":
    _kind, _chars = sys.argv[1], int(sys.argv[2])
    _model = sys.argv[3] if len(sys.argv) > 3 else None
    print(json.dumps(_measure_here(_kind, _chars, _model)))
