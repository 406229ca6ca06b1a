"""The benchmark harness measures real things: generated texts, a tmux screen, the baseline app.

No timing is asserted here (speed is measured by `make bench`, never by tests): only that the
harness sees what is on screen and reports what it cannot measure instead of crashing.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from reader.bench.__main__ import DONE_PATTERN, latency_row, timed
from reader.bench.corpus import dev_articles, first_line_phrase, long_text, write_long_text
from reader.bench.minimal_app import MinimalApp
from reader.bench.screen import ScreenRun, Terminal
from reader.bench.table import Row, na

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def test_long_text_keeps_whole_paragraphs() -> None:
    paragraphs = {p for article in dev_articles() for p in article.split("\n")}
    text = long_text(50_000)
    assert 45_000 <= len(text) <= 50_000
    assert text.endswith("\n")
    for paragraph in text[:-1].split("\n"):
        assert paragraph in paragraphs


def test_long_text_repeats_the_articles() -> None:
    first = dev_articles()[0]
    total = sum(len(a) + 2 for a in dev_articles())
    assert long_text(3 * total).count(first) >= 2


def test_write_long_text(tmp_path: Path) -> None:
    path = write_long_text(10_000, tmp_path)
    assert path.parent == tmp_path
    assert path.read_text(encoding="utf-8") == long_text(10_000)


def test_first_line_phrase() -> None:
    assert first_line_phrase("\n  \nThe call came while Hal\nNext") == "The call came while"


def test_done_pattern_waits_for_the_final_status() -> None:
    assert re.search(DONE_PATTERN, "15 quotes · 4 speakers · 30 entities")
    assert re.search(DONE_PATTERN, "1 quote · 1 speaker · 2 entities")
    assert not re.search(DONE_PATTERN, "analysing… 40% (3 quotes so far)")


def test_rows_say_na_with_a_reason() -> None:
    failed = ScreenRun({"x": None}, screen="│ boom\nreader: seed.txt: no such file.\n")
    row = timed("first paint", [failed], "x")
    assert (row.value, row.note) == ("n/a", "(never appeared: reader: seed.txt: no such file.)")
    crashed = ScreenRun({"x": None}, screen="Traceback\n│ File x │\nKeyError: 'quotes'\n")
    assert crashed.why_not() == "KeyError: 'quotes'"
    assert latency_row("page-down", None) == na("page-down", "not run")
    ok = timed("first paint", [ScreenRun({"x": 0.5}), ScreenRun({"x": 0.25})], "x")
    assert ok == Row("first paint", "0.375 s", "0.25–0.50 s (2/2 runs)")


@needs_tmux
def test_terminal_sees_less_and_its_page_down(tmp_path: Path) -> None:
    path = write_long_text(20_000, tmp_path)
    phrase = re.escape(first_line_phrase(path.read_text())).replace(r"\ ", r"\s+")
    with Terminal("80x24") as term:
        run = term.run(["less", str(path)], [phrase, "no such text anywhere"], timeout=2)
        assert run.times[phrase] is not None
        assert run.times["no such text anywhere"] is None
        assert re.search(phrase, run.screen)
        keys = term.key_latency(["less", str(path)], phrase, "PageDown", 3, timeout=10)
        assert len(keys.key_latencies) == 3
        assert not re.search(phrase, keys.screen)  # it really moved on


@needs_tmux
def test_terminal_keeps_a_failed_command_on_screen(tmp_path: Path) -> None:
    with Terminal("80x24") as term:
        command = [sys.executable, "-c", "import sys; sys.exit('reader: nothing to read.')"]
        run = term.run(command, ["never shown"], timeout=1.5)
    assert not run.ok
    assert run.why_not() == "reader: nothing to read."


async def test_minimal_app_shows_the_text() -> None:
    text = "First line of the article.\n\nSecond paragraph."
    app = MinimalApp(text)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        area = app.query_one("TextArea")
        assert area.text == text
        assert area.read_only


def test_single_paragraph_has_no_line_break_and_a_word_for_the_first_screen() -> None:
    from reader.bench.corpus import body_word, single_paragraph

    text = single_paragraph(30_000)
    assert 29_000 <= len(text) <= 30_000
    assert "\n" not in text[:-1] and text.endswith("\n")
    word = body_word(text)
    assert word in text[200:2000] and word not in text[:200].split()


def test_library_section_without_the_corpus_is_one_line(tmp_path: Path) -> None:
    """`make bench` without PolNeAR's texts says so in one line and goes on (a real run of the
    bench's entry point, every other section off)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "READER_POLNEAR": str(tmp_path / "nowhere")}
    done = subprocess.run(
        [sys.executable, "-m", "reader.bench", "--no-engine", "--no-memory", "--no-screen",
         "--no-long", "--no-paragraph"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if "library of real news" in line]
    assert lines == ["library of real news: skipped (no PolNeAR texts; set READER_POLNEAR or "
                     "put them in ../corpora/polnear)"]
