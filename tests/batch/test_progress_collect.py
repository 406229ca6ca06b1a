"""The progress bar of `reader add` and the files a PATH means."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from reader.batch.collect import collect
from reader.batch.progress import Progress, clock


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_rate_and_time_left_on_a_terminal() -> None:
    out = Tty()
    bar = Progress(4, out=out)
    bar.started -= 2.0  # two seconds ago
    bar.advance()
    bar.advance()
    line = bar.line()
    assert line.startswith("[" + "#" * 15 + "-" * 15 + "] 2/4")
    assert "1.0/s" in line and "0:02 left" in line
    bar.say("reader: /x: not text.")
    bar.finish()
    assert "reader: /x: not text.\n" in out.getvalue()
    assert out.getvalue().endswith("\n")


def test_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    bar = Progress(3, out=out)
    for _ in range(3):
        bar.advance()
    bar.say("reader: one failed.")
    bar.finish()
    assert out.getvalue() == "reader: one failed.\n"


def test_clock() -> None:
    assert [clock(5), clock(65), clock(3725)] == ["0:05", "1:05", "1:02:05"]


def test_folders_recursively_files_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.md", "a/b/three.html", "a/skip.csv", "a/.hidden.txt"):
        (tmp_path / name).write_text("x", "utf-8")
    files, missing = collect([str(tmp_path / "a"), str(tmp_path / "a" / "one.txt"),
                              str(tmp_path / "nope")])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a/one.txt", "a/b/three.html", "a/b/two.md"]
    assert [m.path for m in missing] == [str(tmp_path / "nope")]


def test_time_left_is_reckoned_from_the_size_of_what_is_left() -> None:
    """Four 1,000-character texts done in 2 s, one of 5,000,000 to go: 2,500 s left, not the
    half second a count of files would say."""
    sizes = [1_000] * 4 + [5_000_000]
    bar = Progress(len(sizes), work=sum(sizes), out=Tty())
    bar.started -= 2.0
    for size in sizes[:4]:
        bar.advance(work=size)
    line = bar.line()
    assert "4/5" in line and "2.0/s" in line  # the count and its rate stay files
    assert f"{clock(5_000_000 / 2_000)} left" in line, line


def test_add_paths_gives_the_bar_the_texts_sizes(tmp_path: Path) -> None:
    """`reader add` hands the bar the size of every text it will analyse, and each finished
    one's size (a real run: the spaCy model in one worker)."""
    from reader.batch.add import add_paths
    from reader.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    texts = {"a.txt": "Short story\n\nIt rained.\n",
             "b.txt": "Long story\n\n" + "“It rained all week,” he said. " * 200 + "\n"}
    for name, text in texts.items():
        (folder / name).write_text(text, "utf-8")
    bars: list[Progress] = []

    def progress(total: int, work: int) -> Progress:
        bars.append(Progress(total, work=work, out=io.StringIO()))
        return bars[-1]

    with Store.open(tmp_path / "lib.db") as store:
        add_paths(store, [str(folder)], jobs=1, model=None, report=print, progress=progress)
    (bar,) = bars
    assert bar.work == bar.work_done == sum(len(t) for t in texts.values())
    assert bar.done == bar.total == 2


def test_the_bar_is_drawn_before_the_first_text_is_done() -> None:
    out = Tty()
    Progress(1, work=10, out=out).draw()
    assert "[" + "-" * 30 + "] 0/1" in out.getvalue()  # one huge text: nothing until it ended


def test_a_long_text_is_said_before_its_analysis_starts(tmp_path: Path) -> None:
    """`reader add` of one file of 600,000 lines sat silent for minutes."""
    from reader.batch.add import add_paths
    from reader.store import Store

    path = tmp_path / "huge.txt"
    path.write_text("Huge\n\n" + "A line of the text, short.\n" * 37_100, "utf-8")
    said: list[str] = []

    class Said(Exception):
        pass

    def report(message: str) -> None:
        said.append(message)
        raise Said  # stop here: the analysis itself is not this test's

    with Store.open(tmp_path / "lib.db") as store:
        with contextlib.suppress(Said):
            add_paths(store, [str(path)], jobs=1, model=None, report=report)
        assert store.list_articles() == []
    size = len(path.read_text("utf-8"))  # 1,001,706: over the million that makes it long
    assert len(said) == 1 and f"analysing 1 text of {size:,} characters" in said[0]
    assert str(path) in said[0] and "takes minutes" in said[0]
