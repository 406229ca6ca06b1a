"""Peak memory of `reader analyze` on long texts, against the 600 MB target (issue 9).

Each figure is the peak RSS of one `python -m reader analyze FILE` process, read from its
rusage by a fresh interpreter that runs only it, so no other run's peak is mixed in. The texts
are the dev articles repeated (``corpus.long_text``): 1 MB, and 10 MB unless quick (it takes
minutes). `python -m reader.bench.memory [--quick]` prints the rows alone.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.bench.corpus import write_long_text

#: The most `reader analyze` (and the app's analysis process) may hold on any input to 10 MB.
TARGET_MB = 600
SIZES = (1_000_000, 10_000_000)

#: Runs the command given in argv and prints its exit status and peak RSS (KiB on Linux).
_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.stderr.write(done.stderr.decode(errors='replace')[-300:])\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss(path: Path, model: str | None = None, timeout: float = 3600) -> dict[str, Any]:
    """Seconds and peak RSS in MB of `reader analyze PATH`; raises when it fails."""
    command = [sys.executable, "-m", "reader", "analyze", str(path)]
    if model:
        command += ["--model", model]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, timeout=timeout
    )
    seconds = time.perf_counter() - started
    status, kib = [*done.stdout.split(), "", ""][:2]
    if done.returncode != 0 or status != "0":
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise RuntimeError(lines[-1][:80] if lines else f"exit status {status or done.returncode}")
    return {"seconds": seconds, "peak_mb": int(kib) / 1024}


def rows(options: argparse.Namespace) -> list[Any]:
    from reader.bench.table import Row, na

    quick = bool(getattr(options, "quick", False))
    model = getattr(options, "model", None)
    out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-mem-") as tmp:
        for chars in SIZES:
            label = f"reader analyze, {chars / 1e6:g} MB text, peak RSS"
            if quick and chars > SIZES[0]:
                out.append(na(label, "skipped with --quick"))
                continue
            try:
                got = peak_rss(write_long_text(chars, tmp), model)
            except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
                out.append(na(label, str(exc)[:80]))
                continue
            verdict = "met" if got["peak_mb"] <= TARGET_MB else "MISSED"
            out.append(
                Row(
                    label,
                    f"{got['peak_mb']:.0f} MB",
                    f"{got['seconds']:.0f} s",
                    f"target <= {TARGET_MB} MB: {verdict}",
                )
            )
    return out


def main(argv: list[str] | None = None) -> None:
    from reader.bench.table import print_table

    ap = argparse.ArgumentParser(prog="python -m reader.bench.memory")
    ap.add_argument("--quick", action="store_true", help="the 1 MB text only")
    ap.add_argument("--model", default=None)
    print_table("peak memory, reader analyze", rows(ap.parse_args(argv)))


if __name__ == "__main__":
    main()
