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
from reader.analysis.runner import analyze_in_subprocess, child_env
from reader.errors import AnalysisProcessError


def _cpu_seconds() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _measure_here(kind: str, chars: int, model: str | None) -> dict[str, Any]:
    import resource

    from reader.bench.corpus import long_text

    if kind != "long-subprocess2":
        raise ValueError(f"unknown measurement {kind!r}")
    started = time.perf_counter()
    steps = analyze_in_subprocess(long_text(chars), model=model, processes=2)
    cpu0 = _cpu_seconds()
    run = _consume_with_probe(steps, started)
    return {
        "chars": chars,
        "total_s": time.perf_counter() - started,
        **run,
        "cpu_s": _cpu_seconds() - cpu0,
        "spacy_imported": "spacy" in sys.modules,
        "child_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


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


def measure_app_long(chars: int, model: str | None = None) -> dict[str, Any]:
    """The long text as the app analyses it: a child process with two parsers."""
    return _measure_child("long-subprocess2", chars, model)


if __name__ == "__main__":
    _kind, _chars = sys.argv[1], int(sys.argv[2])
    _model = sys.argv[3] if len(sys.argv) > 3 else None
    print(json.dumps(_measure_here(_kind, _chars, _model)))
