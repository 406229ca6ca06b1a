"""Fitting text into table columns by terminal cells (reader/cells.py)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.cells import fit, fit_end, fit_source, pad


def test_fit_cuts_by_cells_and_says_so() -> None:
    assert fit("short", 10) == "short"
    assert fit("A longer title here", 10) == "A longer…"
    assert fit("日本語のタイトル", 7) == "日本語…"  # 6 cells and the ellipsis
    assert fit_end("wired.com2.txt", 8) == "…om2.txt"
    assert pad("日本", 6) == "日本  "


def test_paths_keep_their_file_name_and_urls_their_host() -> None:
    path = "/work/shared/corpus/dev/wired.com2.txt"
    assert fit_source(path, 40) == path
    assert fit_source(path, 30) == "…/corpus/dev/wired.com2.txt"
    assert fit_source(path, 21) == "…/dev/wired.com2.txt"
    assert fit_source(path, 12) == "…ed.com2.txt"
    url = "https://www.wired.com/story/openai-gpt-launch/"
    assert fit_source(url, 60) == url
    assert fit_source(url, 40) == "www.wired.com/…/openai-gpt-launch"
    assert fit_source(url, 20) == "www.wired.com/story…"


@given(st.text(), st.integers(min_value=1, max_value=50))
@example("/0", 1)  # found by this test: the folder dropped with no sign
@example("0/", 1)
def test_fitted_text_never_takes_more_cells_than_given(text: str, width: int) -> None:
    for fitted in (fit(text, width), fit_end(text, width), fit_source(text, width)):
        assert cell_len(fitted) <= width
        assert fitted == text or fitted.startswith("…") or fitted.endswith("…") or "/…/" in fitted


def test_wrap_breaks_at_spaces_and_cuts_only_what_does_not_fit() -> None:
    from reader.cells import wrap

    assert wrap("Republican Presidential candidate", 24, 3) == [
        "Republican Presidential", "candidate"]
    assert wrap("one two three four five six", 9, 2) == ["one two", "three fo…"]
    assert wrap("Supercalifragilistic word", 10, 3) == ["Supercali…", "word"]
    assert wrap("short", 24, 2) == ["short"]
    assert wrap("anything", 0, 2) == [] and wrap("anything", 5, 0) == []
    assert all(cell_len(line) <= 6 for line in wrap("東京都 大阪府 京都府", 6, 3))


def test_wrap_without_cutting_keeps_every_character() -> None:
    from reader.cells import wrap

    text = "[link=https://example.com]link[/link] and a role that runs on for a while"
    lines = wrap(text, 12, 2, cut=False)
    assert len(lines) == 2 and " ".join(lines) == text
