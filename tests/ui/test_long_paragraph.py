"""One long paragraph (a text without line breaks, megabytes long) costs what any text of its
size costs: every pass over it is linear, and the first screen wraps and splits only its start.

Scaling is checked by comparing a size with ten times that size in one run (tests/scaling.py),
never by asserting a time.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from pathlib import Path

from textual.app import App, ComposeResult

from reader.html_text import html_to_text
from reader.markdown_text import markdown_to_text
from reader.sentences import Sentences, split_sentences
from reader.sources import decode_text
from reader.ui.layout import WrapLayout, wrap_unit
from reader.ui.navigation import Navigator
from reader.ui.text_units import split_units
from reader.ui.textsearch import find_all, fold_quotes
from reader.ui.widgets.article_view import ArticleView
from tests.scaling import MAX_GROWTH, clock, growth, growth_of

SEED = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text("utf-8")
FLAT = " ".join(" ".join(line.split()) for line in SEED.splitlines() if line.strip())


def paragraph(chars: int) -> str:
    """Real sentences, repeated, as one paragraph of about ``chars`` characters."""
    return ((FLAT + " ") * (chars // len(FLAT) + 1))[:chars].rstrip()


def on_paragraph(work: Callable[[str], object]) -> Callable[[int], Callable[[], object]]:
    def make(n: int) -> Callable[[], object]:
        text = paragraph(n)
        return lambda: work(text)

    return make


def test_sentence_splitting_is_linear() -> None:
    assert growth(on_paragraph(split_sentences), 10_000) < MAX_GROWTH


def test_sentence_splitting_is_linear_on_runs_of_full_stops() -> None:
    # A regular expression retried from every dot of a run is quadratic in the run.
    def make(n: int) -> Callable[[], object]:
        text = ("." * n + "x ") * 2
        return lambda: split_sentences(text)

    assert growth(make, 5_000) < MAX_GROWTH


def test_splitting_into_paragraphs_is_linear_on_long_blank_lines() -> None:
    def make(n: int) -> Callable[[], object]:
        text = "Title\n" + " " * n + "\nBody text.\n"
        return lambda: split_units(text)

    assert growth(make, 5_000) < MAX_GROWTH


def test_wrapping_searching_and_reading_the_file_are_linear() -> None:
    for work in (
        lambda text: wrap_unit(text, 0, len(text), 80),
        lambda text: find_all(fold_quotes(text), "the"),
        lambda text: decode_text(text.encode("utf-8"), "paragraph.txt"),
        markdown_to_text,
    ):
        assert growth(on_paragraph(work), 20_000) < MAX_GROWTH


def test_reading_a_web_page_of_one_long_paragraph_is_linear() -> None:
    def page(text: str) -> str:
        body = html.escape(text)
        return f"<html><head><title>T</title></head><body><article><p>{body}</p></article></body>"

    def make(n: int) -> Callable[[], object]:
        source = page(paragraph(n))
        return lambda: html_to_text(source)

    assert growth(make, 20_000, repeat=3) < MAX_GROWTH


def test_the_first_screen_wraps_only_the_start_of_a_long_paragraph() -> None:
    text = paragraph(2_000_000)
    layout = WrapLayout(text, 80, split_units(text))
    lines = [layout.line(y) for y in range(40)]
    assert not layout.complete
    known = layout.wrap(0, lines=0)  # what is wrapped so far, without wrapping more
    assert 40 < len(known) < 2_000
    exact = wrap_unit(text, 0, 20_000, 80)
    assert [line[1] for line in lines if line] == exact[:40]
    # Asking for the end wraps the rest, the same way as wrapping it all at once.
    assert layout.offset_to_point(len(text))[0] == len(wrap_unit(text, 0, len(text), 80)) - 1


def test_the_first_sentence_splits_only_the_start_of_a_long_paragraph() -> None:
    text = paragraph(2_000_000)
    sentences = Sentences(text, 0, len(text))
    first = sentences.at(0)
    assert first == split_sentences(text, 0, 2_000)[0]
    assert sentences.get(50) is not None and len(sentences._spans) < 100
    assert sentences.at(len(text) - 1) == split_sentences(text)[-1]


def test_stepping_through_every_sentence_is_linear() -> None:
    def make(n: int) -> Callable[[], object]:
        text = paragraph(n)

        def read_through() -> None:
            nav = Navigator(text, split_units(text))
            span: tuple[int, int] | None = nav.sentence_at(0)
            while span is not None:
                span = nav.neighbour(span, 1)

        return read_through

    assert growth(make, 20_000) < MAX_GROWTH


class ViewApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield ArticleView(self.text)


async def run_in_view(text: str, keys: Callable[[ArticleView], object]) -> None:
    app = ViewApp(text)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        keys(app.query_one(ArticleView))


def time_in_view(keys: Callable[[ArticleView], object]) -> Callable[[int], float]:
    """Seconds ``keys`` takes on a paragraph of n characters in a running view (the app's
    start-up not counted)."""

    def measure(n: int) -> float:
        spent: list[float] = []

        def timed(view: ArticleView) -> None:
            start = clock()
            keys(view)
            spent.append(clock() - start)

        asyncio.run(run_in_view(paragraph(n), timed))
        return spent[0]

    return measure


def test_reading_a_long_paragraph_sentence_by_sentence_is_linear() -> None:
    def read(view: ArticleView) -> None:
        for _ in range(len(view.text) // 100):  # about one move per sentence
            view.move_cursor(1)
        assert view.cursor_span[0] > len(view.text) // 2

    assert growth_of(time_in_view(read), 20_000, repeat=3) < MAX_GROWTH


def test_selecting_word_by_word_is_linear() -> None:
    def select(view: ArticleView) -> None:
        for _ in range(len(view.text) // 20):
            view.action_word(1)
        span = view.selection_span
        assert span is not None and span[1] > len(view.text) // 4

    assert growth_of(time_in_view(select), 10_000, repeat=3) < MAX_GROWTH
