"""Benchmark (not a test): page-down redraw time of ArticleView on a ~1 MB text.

    .venv/bin/python tests/ui/bench_article_view.py [DIR ...] [--with-analysis [--batch-chars=N]]

Builds the text by repeating the .txt files found (default: ../shared/corpus/dev, else
the bundled sample), marks a quote every few hundred chars, and measures for each of
60 page-downs (a) the widget's own work: the key action plus rendering every visible
line from a cold strip cache, and (b) a pagedown Key event posted to the running app
until the end of the first compositor frame drawn after the view handled it. With
--with-analysis the real streaming engine runs in a thread meanwhile and its cumulative
results replace the marks batch by batch. Prints median and worst in milliseconds.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

from textual import events
from textual._compositor import Compositor
from textual.app import App, ComposeResult

from reader.ui.widgets.article_view import ArticleView, EntityMark, QuoteMark

ROOT = Path(__file__).parents[2]


def build_text(dirs: list[Path], size: int = 1_000_000) -> str:
    files = [p for d in dirs for p in sorted(d.glob("*.txt"))]
    if not files:
        files = [ROOT / "reader" / "samples" / "seed.txt"]
    chunk = "\n\n".join(p.read_text("utf-8") for p in files)
    return ((chunk + "\n\n") * (size // len(chunk) + 1))[:size]


class BenchApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.batches = 0

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text)

    def show_analysis(self, analysis: object) -> None:
        """Apply a cumulative analysis the way the reader does: replace all marks."""
        view = self.query_one(ArticleView)
        slots = {s.name: n for n, s in enumerate(analysis.speakers)}  # type: ignore[attr-defined]
        view.set_quotes([QuoteMark(q.start, q.end, q.id, slots.get(q.speaker))
                         for q in analysis.quotes])  # type: ignore[attr-defined]
        view.set_entities([EntityMark(e.start, e.end, e.label)
                           for e in analysis.entities])  # type: ignore[attr-defined]
        self.batches += 1


def analyse_in_thread(
    app: BenchApp, text: str, stop: threading.Event, batch_chars: int
) -> threading.Thread:
    """The real streaming engine (spaCy) in a thread, posting results to the app."""
    from reader.analysis.stream import analyze_stream

    def work() -> None:
        stream = analyze_stream(text, batch_chars=batch_chars)
        try:
            for progress in stream:
                app.call_from_thread(app.show_analysis, progress.analysis)
                if stop.is_set():
                    break
        finally:
            stream.close()

    thread = threading.Thread(target=work)
    thread.start()
    return thread


async def run(
    text: str, pages: int = 60, with_analysis: bool = False, batch_chars: int = 20_000
) -> None:
    app = BenchApp(text)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ArticleView)
        first = time.perf_counter() - started
        quotes = [QuoteMark(i, i + 120, n, n % 12 if n % 5 else None)
                  for n, i in enumerate(range(0, len(text) - 200, 700))]
        entities = [EntityMark(i, i + 12, "PERSON") for i in range(50, len(text) - 50, 300)]
        t0 = time.perf_counter()
        view.set_quotes(quotes)
        view.set_entities(entities)
        marks = time.perf_counter() - t0
        stop = threading.Event()
        worker: threading.Thread | None = None
        if with_analysis:
            worker = analyse_in_thread(app, text, stop, batch_chars)
            while app.batches == 0:  # spaCy loaded and the first batch shown
                await pilot.pause(0.1)
        view.focus()
        height = view.scrollable_content_region.height
        own: list[float] = []
        for _ in range(pages):
            t0 = time.perf_counter()
            view.action_page(1)
            for y in range(height):
                view.render_line(y)
            own.append((time.perf_counter() - t0) * 1000)
        frames: list[float] = []
        render_update = Compositor.render_update

        def timed_render_update(self: Compositor, *args: object, **kwargs: object) -> object:
            result = render_update(self, *args, **kwargs)  # type: ignore[arg-type]
            frames.append(time.perf_counter())
            return result

        Compositor.render_update = timed_render_update  # type: ignore[method-assign]
        handled: list[float] = []
        page = view.action_page

        def timed_page(direction: int) -> None:
            page(direction)
            handled.append(time.perf_counter())

        view.action_page = timed_page  # type: ignore[method-assign]
        whole: list[float] = []
        try:
            for _ in range(pages):
                await asyncio.sleep(0.05)
                handled.clear()
                t0 = time.perf_counter()
                app.post_message(events.Key("pagedown", None))
                while not (handled and frames and frames[-1] > handled[0]):
                    await asyncio.sleep(0.0005)
                    if time.perf_counter() - t0 > 10:
                        break
                after = [f for f in frames if handled and f > handled[0]]
                if after:
                    whole.append((after[0] - t0) * 1000)
        finally:
            Compositor.render_update = render_update  # type: ignore[method-assign]
        complete = view.layout_complete
        stop.set()
        while worker is not None and worker.is_alive():  # let spaCy finish its batch
            await asyncio.sleep(0.05)
    if with_analysis:
        print(f"while the analysis ran in a thread, batches of {batch_chars:,} chars "
              f"({app.batches} batches applied meanwhile)")
    print(f"text: {len(text):,} chars, {len(quotes):,} quote marks, {len(entities):,} entities")
    print(f"app start to first screen (Pilot, 120x40): {first * 1000:.0f} ms; "
          f"set_quotes+set_entities: {marks * 1000:.1f} ms; layout complete after run: {complete}")
    print(f"page-down, widget work (action + render {height} lines): "
          f"median {statistics.median(own):.2f} ms, worst {max(own):.2f} ms")
    print(f"page-down, key event to first frame drawn after it ({len(whole)} presses): "
          f"median {statistics.median(whole):.2f} ms, worst {max(whole):.2f} ms")
    print("  slowest five:", [round(v, 1) for v in sorted(whole)[-5:]],
          "widget work:", [round(v, 1) for v in sorted(own)[-5:]])


def main() -> None:
    args = sys.argv[1:]
    with_analysis = "--with-analysis" in args
    batch_chars = next((int(a.split("=", 1)[1]) for a in args
                        if a.startswith("--batch-chars=")), 20_000)
    dirs = [Path(a) for a in args if not a.startswith("--")]
    dirs = dirs or [ROOT.parent / "shared" / "corpus" / "dev"]
    text = build_text([d for d in dirs if d.is_dir()])
    asyncio.run(run(text, with_analysis=with_analysis, batch_chars=batch_chars))


if __name__ == "__main__":
    main()
