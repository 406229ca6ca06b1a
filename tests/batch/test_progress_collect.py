"""The progress bar of `reader add` and the files a PATH means."""

from __future__ import annotations

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
