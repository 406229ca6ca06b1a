"""`python -m reader.bench` (`make bench`): the engine bench, then what a person sees on screen.

Sections, each a list of rows (measurement, median, spread, note):
- machine: cores, RAM, CPU model;
- engine: `reader.bench.engine.main()` (run in a child process so its peak-RSS figures are
  its own);
- memory: peak RSS of `reader analyze` on 1 MB and 10 MB texts (quick: 1 MB), `bench.memory`;
- sample: first paint and fully annotated for `reader FILE` (cold: a fresh --db each run;
  cached: the same db again), against a minimal Textual app and `less` on the same file;
- long text: first paint and page-down latency (median/worst) on a generated ~1 MB text;
- one long paragraph: first screen of a ~2 MB text without a single line break.

The long text's analysis figures (time, throughput, peak RSS) come from `reader.bench.long`.
A figure that cannot be measured here is printed as "n/a (reason)", never a crash.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.bench.corpus import (
    SAMPLE,
    body_word,
    first_line_phrase,
    write_long_text,
    write_single_paragraph,
)
from reader.bench.first_frame import rows as first_frame_rows
from reader.bench.long import rows as long_analysis_rows
from reader.bench.memory import rows as memory_rows
from reader.bench.screen import DONE_PATTERN, ScreenRun, Terminal, median
from reader.bench.table import Row, na, print_table

# ----------------------------------------------------------------------------- machine


def machine() -> list[Row]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        if match:
            ram = f"{int(match.group(1)) / 1024**2:.1f} GiB"
    except OSError:
        pass
    return [
        Row("CPU", cpu),
        Row("cores", str(os.cpu_count())),
        Row("RAM", ram),
        Row("Python", platform.python_version()),
    ]


# ----------------------------------------------------------------------------- commands


def reader_command(db: Path, path: Path) -> list[str]:
    """`reader --db DB FILE` as a person types it (the console script next to this Python)."""
    script = Path(sys.executable).with_name("reader")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "reader"]
    return [*base, "--db", str(db), str(path)]


def minimal_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "reader.bench.minimal_app", str(path)]


def compile_package() -> str:
    """Write the package's bytecode first, as pip does at install and Python on a first run.

    With PYTHONDONTWRITEBYTECODE set (as in some shells and CI) and no __pycache__, every timed
    launch would compile the reader's ~150 modules from source (0.1–0.2 s) while the minimal app
    compiles one: the first paint would measure the compiler, not the reader.
    """
    import compileall

    package = Path(__file__).parents[1]
    ok = compileall.compile_dir(str(package), quiet=1)
    return f"bytecode of {package} written first" + ("" if ok else " (some files failed)")


def reader_missing() -> str:
    """Why `reader FILE` cannot be timed yet, or ""."""
    if importlib.util.find_spec("reader.ui.launch") is None:
        return "reader.ui.launch not built yet"
    return ""


# ----------------------------------------------------------------------------- timing rows


def timed(
    label: str,
    runs: list[ScreenRun],
    pattern: str,
    note: str = "",
) -> Row:
    values = [run.times[pattern] for run in runs if run.times.get(pattern) is not None]
    if not values:
        reason = runs[-1].why_not() if runs else "not run"
        return na(label, f"never appeared: {reason}")
    spread = f"{min(values):.2f}–{max(values):.2f} s ({len(values)}/{len(runs)} runs)"
    return Row(label, f"{median(values):.3f} s", spread, note)


def ratio_row(ours: list[ScreenRun], theirs: list[ScreenRun], pattern: str) -> Row:
    """The reader's first paint over the minimal app's, launched in turn in this run."""
    label = "reader ÷ minimal app, first paint (cached)"
    a = [run.times[pattern] for run in ours if run.times.get(pattern) is not None]
    b = [run.times[pattern] for run in theirs if run.times.get(pattern) is not None]
    if not a or not b:
        return na(label, "a first paint never appeared")
    return Row(label, f"{median(a) / median(b):.2f}×", "", "target 1.3×")


def latency_row(label: str, run: ScreenRun | None, note: str = "") -> Row:
    if run is None:
        return na(label, "not run")
    if not run.ok:
        return na(label, f"never ready: {run.why_not()}")
    if not run.key_latencies:
        return na(label, "no keypress moved the text")
    values = run.key_latencies
    return Row(
        label,
        f"{median(values) * 1000:.0f} ms",
        f"worst {max(values) * 1000:.0f} ms ({len(values)} presses)",
        note,
    )


def sample_rows(term: Terminal, opts: argparse.Namespace, work: Path) -> list[Row]:
    path = Path(opts.file) if opts.file else SAMPLE
    phrase = re.escape(opts.phrase or first_line_phrase(path.read_text(encoding="utf-8")))
    phrase = phrase.replace(r"\ ", r"\s+")
    rows: list[Row] = []
    runs = opts.runs
    minimal: list[ScreenRun] = []  # launched in turn with the cached reader's, when it can be
    missing = reader_missing()
    if missing:
        rows += [
            na("reader, first paint (cold)", missing),
            na("reader, fully annotated (cold)", missing),
            na("reader, first paint (cached)", missing),
            na("reader, fully annotated (cached)", missing),
        ]
    else:
        cold = [
            term.run(
                reader_command(work / f"cold-{i}.db", path),
                [phrase, opts.done_pattern],
                timeout=opts.timeout,
                cwd=str(work),
            )
            for i in range(runs)
        ]
        rows.append(timed("reader, first paint (cold)", cold, phrase, "fresh --db each run"))
        rows.append(timed("reader, fully annotated (cold)", cold, opts.done_pattern))
        cached_db = work / "cached.db"
        warm = term.run(
            reader_command(cached_db, path),
            [phrase, opts.done_pattern],
            timeout=opts.timeout,
            cwd=str(work),
            linger=1.0,
        )
        if not warm.ok:
            reason = f"first run never finished: {warm.why_not()}"
            rows += [na("reader, first paint (cached)", reason)]
            rows += [na("reader, fully annotated (cached)", reason)]
        else:
            # In turn with the minimal app's launches, so both see the same load on the host.
            cached: list[ScreenRun] = []
            for _ in range(runs):
                cached.append(term.run(reader_command(cached_db, path),
                                       [phrase, opts.done_pattern], timeout=opts.timeout,
                                       cwd=str(work)))
                minimal.append(term.run(minimal_command(path), [phrase], timeout=opts.timeout))
            rows.append(timed("reader, first paint (cached)", cached, phrase, "same --db again"))
            rows.append(
                timed("reader, fully annotated (cached)", cached, opts.done_pattern, "target 0.5 s")
            )
            rows.append(timed("minimal Textual app, first paint", minimal, phrase, "baseline"))
            rows.append(ratio_row(cached, minimal, phrase))
            rows += first_frame_rows(term, path, cached_db, runs, work, opts.timeout)
    if not minimal:
        minimal = [term.run(minimal_command(path), [phrase], timeout=opts.timeout)
                   for _ in range(runs)]
        rows.append(timed("minimal Textual app, first paint", minimal, phrase, "baseline"))
    less = [term.run(["less", str(path)], [phrase], timeout=opts.timeout) for _ in range(runs)]
    rows.append(timed("less, first paint", less, phrase, "baseline"))
    return rows


def long_rows(term: Terminal, opts: argparse.Namespace, work: Path) -> tuple[list[Row], Path]:
    path = write_long_text(opts.long_chars, work)
    text = path.read_text(encoding="utf-8")
    phrase = re.escape(first_line_phrase(text)).replace(r"\ ", r"\s+")
    size = f"{len(text) / 1e6:.2f} M chars, {len(text.split()) / 1000:.0f}k words"
    rows = [Row("text", size, "", path.name)]
    runs = opts.runs
    missing = reader_missing()
    if missing:
        rows.append(na("reader, first paint (cold)", missing))
    else:
        cold = [
            term.run(
                reader_command(work / f"long-cold-{i}.db", path),
                [phrase],
                timeout=opts.timeout,
                cwd=str(work),
            )
            for i in range(runs)
        ]
        rows.append(timed("reader, first paint (cold)", cold, phrase, "target 0.6 s"))
    minimal = [term.run(minimal_command(path), [phrase], timeout=opts.timeout) for _ in range(runs)]
    rows.append(timed("minimal Textual app, first paint", minimal, phrase, "baseline"))
    less = [term.run(["less", str(path)], [phrase], timeout=opts.timeout) for _ in range(runs)]
    rows.append(timed("less, first paint", less, phrase, "baseline"))

    presses = opts.presses
    if missing:
        rows.append(na("reader, page-down", missing))
    else:
        run = term.key_latency(
            reader_command(work / "long-keys.db", path),
            phrase,
            "PageDown",
            presses,
            timeout=opts.timeout,
            cwd=str(work),
        )
        rows.append(latency_row("reader, page-down", run, "while analysing; target < 50 ms"))
    run = term.key_latency(minimal_command(path), phrase, "PageDown", presses, timeout=opts.timeout)
    rows.append(latency_row("minimal Textual app, page-down", run, "baseline"))
    run = term.key_latency(["less", str(path)], phrase, "PageDown", presses, timeout=opts.timeout)
    rows.append(latency_row("less, page-down", run, "baseline"))
    return rows, path


def paragraph_rows(term: Terminal, opts: argparse.Namespace, work: Path) -> list[Row]:
    """First screen of one ~2 MB paragraph (a text with no line break): splitting and wrapping
    must not walk the whole paragraph before the first lines are drawn."""
    path = write_single_paragraph(opts.paragraph_chars, work)
    text = path.read_text(encoding="utf-8")
    word = rf"\b{re.escape(body_word(text))}\b"
    rows = [Row("text", f"{len(text) / 1e6:.2f} M chars, one paragraph", "", path.name)]
    missing = reader_missing()
    if missing:
        return [*rows, na("reader, first screen (cold)", missing)]
    cold = [
        term.run(reader_command(work / f"para-cold-{i}.db", path), [word],
                 timeout=opts.timeout, cwd=str(work))
        for i in range(opts.runs)
    ]
    return [*rows, timed("reader, first screen (cold)", cold, word, "target < 1 s")]


def extra_long_rows(opts: argparse.Namespace, path: Path) -> list[Row]:
    """Analysis time, throughput and memory of the long text (reader.bench.long)."""
    try:
        return list(long_analysis_rows(opts, path))
    except Exception as exc:  # a broken hook must not hide the other figures
        return [na("reader.bench.long", f"{type(exc).__name__}: {exc}")]


# ----------------------------------------------------------------------------- engine


def run_engine(opts: argparse.Namespace) -> str:
    """Run reader.bench.engine.main() in a child process; "" on success, else why not."""
    env = {**os.environ, "READER_BENCH_QUICK": "1" if opts.quick else ""}
    args = ["50000"] if opts.quick else []  # its argv: CHARS of text (its default when none)
    code = f"from reader.bench.engine import main; main({args!r})"
    sys.stdout.flush()
    result = subprocess.run([sys.executable, "-c", code], env=env)
    return "" if result.returncode == 0 else f"exit status {result.returncode}"


# ----------------------------------------------------------------------------- output


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m reader.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="one run of each (default: median of 5)")
    ap.add_argument("--runs", type=int, default=None, help="runs per screen figure")
    ap.add_argument("--file", default=None, help="article for the sample figures (bundled one)")
    ap.add_argument("--phrase", default=None, help="text whose appearance is the first paint")
    ap.add_argument(
        "--done-pattern",
        default=os.environ.get("READER_BENCH_DONE", DONE_PATTERN),
        help="regex the UI shows once the analysis is done (env READER_BENCH_DONE)",
    )
    ap.add_argument("--size", default="120x40", help="terminal size")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before giving up a run")
    ap.add_argument("--long-chars", type=int, default=1_000_000, help="size of the long text")
    ap.add_argument("--paragraph-chars", type=int, default=2_000_000,
                    help="size of the one-paragraph text")
    ap.add_argument("--no-paragraph", action="store_true", help="skip the one-paragraph text")
    ap.add_argument("--presses", type=int, default=None, help="page-down presses (20; quick 5)")
    ap.add_argument("--no-engine", action="store_true", help="skip the engine bench")
    ap.add_argument("--no-memory", action="store_true", help="skip reader analyze's peak RSS")
    ap.add_argument("--no-screen", action="store_true", help="skip the on-screen figures")
    ap.add_argument("--no-long", action="store_true", help="skip the long-text figures")
    ap.add_argument("--no-library", action="store_true", help="skip the library of real news")
    ap.add_argument("--library-articles", type=int, default=1000,
                    help="articles in the library of real news (quick: 100)")
    ap.add_argument("--library-speed-articles", type=int, default=100,
                    help="articles timed with --jobs 1 and --jobs 2 (quick: 20)")
    ap.add_argument("--library-keep", type=Path, default=None,
                    help="copy the finished library to this file (to study it afterwards)")
    ap.add_argument("--library-timeout", type=float, default=3600.0,
                    help="seconds before a reader add is given up")
    opts = ap.parse_args(argv)
    if opts.runs is None:
        opts.runs = 1 if opts.quick else 5
    if opts.presses is None:
        opts.presses = 5 if opts.quick else 20
    return opts


def main(argv: list[str] | None = None) -> None:
    opts = parse_args(argv)
    print("# reader benchmarks" + (" (quick: 1 run each)" if opts.quick else ""))
    print_table("machine", machine())
    if not opts.no_engine:
        print("\n## engine", flush=True)
        reason = run_engine(opts)
        if reason:
            print(f"  n/a ({reason})")
    if not opts.no_memory:
        print_table("peak memory, reader analyze", memory_rows(opts))
    if not opts.no_library:
        from reader.bench.library import SKIP, corpus_root
        from reader.bench.library import rows as library_rows

        if corpus_root() is None:
            print(f"\n{SKIP}")
            opts.no_library = True
    if not opts.no_library:
        if opts.quick:
            opts.library_articles = min(opts.library_articles, 100)
            opts.library_speed_articles = min(opts.library_speed_articles, 20)
        with tempfile.TemporaryDirectory(prefix="reader-bench-library-") as tmp:
            print_table("library of real news (reader add, search, People)",
                        library_rows(opts, Path(tmp)))
    if opts.no_screen and opts.no_long and opts.no_paragraph:
        return
    print(f"\n{compile_package()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        work = Path(tmp)
        try:
            term = Terminal(opts.size)
        except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
            print(f"\n## on screen\n  n/a ({exc})")
            return
        with term:
            size = f"tmux {opts.size}, median of {opts.runs}"
            if not opts.no_screen:
                print_table(f"sample article, on screen ({size})", sample_rows(term, opts, work))
            if not opts.no_long:
                rows, path = long_rows(term, opts, work)
                print_table(f"long text, on screen ({size})", rows)
                print_table("long text, analysis", extra_long_rows(opts, path))
            if not opts.no_paragraph:
                rows = paragraph_rows(term, opts, work)
                print_table(f"one long paragraph, on screen ({size})", rows)


if __name__ == "__main__":
    main()
