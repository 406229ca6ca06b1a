"""`make bench`'s library section: a library of real news built with `reader add`, then
loading throughput (--jobs 1 against --jobs 2), search latency, `reader search` against
`reader library` end to end, the People view's opening time, and the database size.

The articles are PolNeAR's texts, read from outside the repository (READER_POLNEAR, else
../corpora/polnear beside the checkout): train (840), then dev and test (84 each, texts only:
loaded for speed, never scored here), 1,008 in all. Without them `make bench` says so in one
line and goes on. The search queries are words of the texts outside the held-out folder.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from reader.bench.table import Row, na

SPLITS = ("train", "dev", "test")
SKIP = ("library of real news: skipped (no PolNeAR texts; set READER_POLNEAR or put them in "
        "../corpora/polnear)")
#: Searches timed in-process; the first words of a mix of names, words and phrases.
QUERIES = 50


def corpus_root() -> Path | None:
    """READER_POLNEAR when set (the only place then), else ../corpora/polnear."""
    given = os.environ.get("READER_POLNEAR")
    here = Path(__file__).resolve().parents[2]
    candidate = Path(given) if given else here.parent / "corpora" / "polnear"
    return candidate if (candidate / "train" / "texts").is_dir() else None


def pick_texts(root: Path, n: int) -> list[Path]:
    """Up to n different articles (the splits share files: each name once)."""
    files: dict[str, Path] = {}
    for split in SPLITS:
        folder = root / split / "texts"
        for f in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            files.setdefault(f.name, f)
    return list(files.values())[:n]


def link_into(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        target = folder / f.name
        if not target.exists():
            os.symlink(f, target)
    return folder


def reader_cmd(db: Path, *args: str) -> list[str]:
    script = Path(sys.executable).with_name("reader")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "reader"]
    return [*base, "--db", str(db), *args]


def timed_add(db: Path, folder: Path, jobs: int, timeout: float) -> tuple[float, str]:
    """Seconds for `reader add FOLDER --jobs N` on a fresh database, and its summary line."""
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run(reader_cmd(db, "add", str(folder), "--jobs", str(jobs)),
                          capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return seconds, last


def query_texts(root: Path, files: list[Path]) -> list[Path]:
    """Train texts outside the held-out folder (nothing is drawn from texts kept for scoring)."""
    held = root / "heldout" / "texts"
    kept = {f.name for f in held.glob("*.txt")} if held.is_dir() else set()
    return [f for f in files if f.parent.parent.name == "train" and f.name not in kept]


def queries(files: list[Path]) -> list[str]:
    """Names, words and two-word phrases frequent in the texts (stable for a corpus)."""
    words: Counter[str] = Counter()
    names: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for f in files[:200]:
        text = f.read_text("utf-8", "replace")
        tokens = re.findall(r"[A-Za-z]{4,}", text)
        words.update(t.lower() for t in tokens)
        names.update(t for t in tokens if t[0].isupper())
        pairs.update(f"{a.lower()} {b.lower()}" for a, b in itertools.pairwise(tokens))
    picked = [w for w, _ in words.most_common(60)[20:40]]
    picked += [n for n, _ in names.most_common(40)[5:20]]
    picked += [f'"{p}"' for p, _ in pairs.most_common(40)[10:25]]
    return picked[:QUERIES]


def search_latency(db: Path, qs: list[str], runs: int = 3) -> list[float]:
    """Each query's median of `runs` (the first warms the page cache as a person's second
    search would); a shared machine's stalls otherwise decide the worst."""
    from reader.store import Store

    out = []
    with Store.open(db) as store:
        for q in qs:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                store.search(q)
                times.append(time.perf_counter() - start)
            out.append(statistics.median(times))
    return out


def startup(cmd: list[str], runs: int) -> float:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, timeout=60)
        values.append(time.perf_counter() - start)
    return statistics.median(values)


def people_open(db: Path) -> float:
    """Seconds from asking for the People view to its first screen of people (rows up to the
    table's height, the voices chart above), in a headless app."""
    from reader.store import Store
    from reader.ui.app import ReaderApp
    from reader.ui.screens.library import LibraryScreen

    def shown(app: ReaderApp) -> bool:
        screen = app.screen
        return isinstance(screen, LibraryScreen) and screen.people_view.first_screen_shown()

    async def run() -> float:
        with Store.open(db) as store:
            app = ReaderApp(store=store, start_in_library=True)
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                start = time.perf_counter()
                app.show_people()  # ctrl+e: the library's People tab, built now
                while not shown(app):
                    await asyncio.sleep(0.002)
                return time.perf_counter() - start

    return asyncio.run(run())


def rows(opts: argparse.Namespace, work: Path) -> list[Row]:
    root = corpus_root()
    if root is None:
        return [na("library of real news", SKIP)]
    files = pick_texts(root, opts.library_articles)
    speed_files = query_texts(root, files)[: opts.library_speed_articles]
    note = f"PolNeAR {root}" + (" (every article it has)" if len(files) < opts.library_articles
                                 else "")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    out = [Row("articles", f"{len(files)}", "", note),
           Row("load average before", load, "", "other work on the machine skews --jobs")]
    speed = link_into(speed_files, work / "speed")
    t1, s1 = timed_add(work / "jobs1.db", speed, 1, opts.library_timeout)
    t2, s2 = timed_add(work / "jobs2.db", speed, 2, opts.library_timeout)
    n = len(speed_files)
    out.append(Row("reader add --jobs 1", f"{n / t1:.2f} articles/s", f"{t1:.1f} s for {n}", s1))
    out.append(Row("reader add --jobs 2", f"{n / t2:.2f} articles/s", f"{t2:.1f} s for {n}", s2))
    out.append(Row("--jobs 2 / --jobs 1", f"{t1 / t2:.2f}×", "", "target ≥ 1.7× on 2 cores"))
    out.append(Row("load average after", ", ".join(f"{x:.1f}" for x in os.getloadavg()), "",
                   "the two runs back to back"))
    db = work / "library.db"
    shutil.copy(work / "jobs2.db", db)  # the first articles are there: add resumes
    everything = link_into(files, work / "all")
    tl, sl = timed_add_keep(db, everything, 2, opts.library_timeout)
    out.append(Row(f"reader add --jobs 2, {len(files)} articles", f"{tl:.1f} s", "",
                   f"{n} already there; {sl}"))
    qs = queries(query_texts(root, files))
    lat = search_latency(db, qs)
    out.append(Row("search, in the store", f"{statistics.median(lat) * 1000:.1f} ms",
                   f"worst {max(lat) * 1000:.1f} ms ({len(lat)} queries)", "target ≤ 50 ms"))
    s = startup(reader_cmd(db, "search", qs[0]), 5)
    lib = startup(reader_cmd(db, "library"), 5)
    out.append(Row("reader search (end to end)", f"{s:.3f} s", f"reader library {lib:.3f} s",
                   f"{s / lib:.2f}× (target ≤ 1.2×)"))
    try:
        opened = [people_open(db) for _ in range(3)]
        out.append(Row("People view opens", f"{statistics.median(opened):.3f} s",
                       "runs " + ", ".join(f"{p:.3f}" for p in opened),
                       "median of 3; target ≤ 0.3 s"))
    except Exception as exc:  # the figure is missing, the rest stays
        out.append(na("People view opens", f"{type(exc).__name__}: {exc}"))
    if opts.library_keep:
        shutil.copy(db, opts.library_keep)
    size = db.stat().st_size
    out.append(Row("database size", f"{size / 1e6:.1f} MB",
                   f"{size / max(1, len(files)) / 1e3:.1f} kB per article",
                   "text, analysis cache, index"))
    return out


def timed_add_keep(db: Path, folder: Path, jobs: int, timeout: float) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(reader_cmd(db, "add", str(folder), "--jobs", str(jobs)),
                          capture_output=True, text=True, timeout=timeout)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return time.perf_counter() - start, last
