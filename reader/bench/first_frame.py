"""CPU time until the first frame that shows the text: the reader against the minimal Textual app.

Wall times on a shared host measure the neighbours as much as the program. The CPU time a
process has used when it writes its first frame with the article's text does not: each launch
runs wrapped (`WRAP`) so that Textual's driver, at the first write carrying a word of the text,
reads `resource.getrusage` (user + system, every thread) and ends the process. The reader and
the minimal app are launched in turn, on the same private tmux server as the screen figures,
and compared by their medians.

`python -m reader.bench.first_frame [--runs N] [FILE]` runs it alone (a cached analysis, as
the "first paint (cached)" figure).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from reader.bench.screen import DONE_PATTERN, Terminal, median
from reader.bench.table import Row, na

#: Runs `reader ARGS` (as its console script does) or the minimal app; at the first frame
#: whose output holds MARK, appends "cpu_seconds" to OUT and leaves at once.
WRAP = """
import os, resource, sys
from textual.drivers.linux_driver import LinuxDriver

OUT, MARK, WHICH = sys.argv[1:4]
del sys.argv[1:4]
write = LinuxDriver.write

def watched(self, data):
    if MARK in data:
        used = resource.getrusage(resource.RUSAGE_SELF)
        with open(OUT, "a", encoding="utf-8") as out:
            out.write(f"{used.ru_utime + used.ru_stime:.4f}\\n")
        os._exit(0)
    return write(self, data)

LinuxDriver.write = watched
if WHICH == "reader":
    sys.argv[0] = "reader"
    from reader.cli import main
    main()
else:
    import runpy
    runpy.run_module("reader.bench.minimal_app", run_name="__main__")
"""


def mark_word(text: str) -> str:
    """A word of the first line, not its first (the minimal app's cursor splits that one), long
    enough to be found only where the text is drawn."""
    for line in text.splitlines():
        words = [w for w in line.split()[1:] if len(w) >= 5 and w.isalpha()]
        if words:
            return words[0]
    return text.split()[0] if text.split() else ""


def _launch(term: Terminal, which: str, args: list[str], out: Path, mark: str,
            timeout: float, cwd: str) -> None:
    """One wrapped launch; returns when it has written its figure (or after `timeout`)."""
    before = out.read_text().count("\n") if out.exists() else 0
    session, start = term.start(
        [sys.executable, "-c", WRAP, str(out), mark, which, *args], cwd=cwd
    )
    try:
        while time.perf_counter() - start < timeout:
            if out.exists() and out.read_text().count("\n") > before:
                return
            time.sleep(0.02)
    finally:
        term.stop(session)


def _figures(out: Path) -> list[float]:
    if not out.exists():
        return []
    return [float(line) for line in out.read_text().split()]


def rows(term: Terminal, path: Path, db: Path, runs: int, work: Path,
         timeout: float = 30.0) -> list[Row]:
    """Reader (with `db`, its analysis cached) and minimal app in turn, `runs` each, after one
    unmeasured launch of each."""
    mark = mark_word(path.read_text(encoding="utf-8"))
    reader_out, minimal_out = work / "cpu-reader.txt", work / "cpu-minimal.txt"
    for out in (reader_out, minimal_out):
        out.unlink(missing_ok=True)
    reader_args, minimal_args = ["--db", str(db), str(path)], [str(path)]
    _launch(term, "reader", reader_args, work / "cpu-warm.txt", mark, timeout, str(work))
    _launch(term, "minimal", minimal_args, work / "cpu-warm.txt", mark, timeout, str(work))
    for _ in range(runs):
        _launch(term, "reader", reader_args, reader_out, mark, timeout, str(work))
        _launch(term, "minimal", minimal_args, minimal_out, mark, timeout, str(work))
    ours, theirs = _figures(reader_out), _figures(minimal_out)
    load = "load average {:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
    if not ours or not theirs:
        which = "the reader" if not ours else "the minimal app"
        return [na("CPU to the first frame", f"no figure from {which}")]

    def spread(values: list[float]) -> str:
        return f"{min(values):.3f}–{max(values):.3f} s ({len(values)}/{runs} runs)"

    ratio = median(ours) / median(theirs)
    return [
        Row("reader, CPU to the first frame (cached)", f"{median(ours):.3f} s", spread(ours),
            "launches interleaved"),
        Row("minimal Textual app, CPU to the first frame", f"{median(theirs):.3f} s",
            spread(theirs), load),
        Row("reader ÷ minimal app, CPU to the first frame", f"{ratio:.2f}×", "", "target 1.3×"),
    ]


def main(argv: list[str] | None = None) -> None:
    from reader.bench.corpus import SAMPLE
    from reader.bench.table import print_table

    ap = argparse.ArgumentParser(prog="python -m reader.bench.first_frame",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=str(SAMPLE), help="the article (bundled one)")
    ap.add_argument("--runs", type=int, default=7, help="launches of each (7)")
    ap.add_argument("--size", default="120x40", help="terminal size")
    opts = ap.parse_args(argv)
    path = Path(opts.file).resolve()
    with tempfile.TemporaryDirectory(prefix="reader-bench-cpu-") as tmp, \
            Terminal(opts.size) as term:
        work = Path(tmp)
        db = work / "cached.db"
        command = [sys.executable, "-m", "reader", "--db", str(db), str(path)]
        warm = term.run(command, [DONE_PATTERN], timeout=60, cwd=tmp, linger=1.0)
        if not warm.ok:
            print(f"the analysis never finished: {warm.why_not()}")
            sys.exit(2)
        print_table(f"first frame, CPU time (tmux {opts.size}, median of {opts.runs})",
                    rows(term, path, db, opts.runs, work))


if __name__ == "__main__":
    main()
