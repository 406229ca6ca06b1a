"""Where am I in a book, and moving by chapter: the status line's percentage, `)` and `(`
between headings ("CHAPTER II", "Chapter 2", Markdown), `o` for the outline."""

from __future__ import annotations

from typing import Any

import pytest

from reader.sources import Document
from reader.ui.headings import find_headings
from reader.ui.screens.article import ArticleScreen
from reader.ui.text_units import split_units

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def novel() -> str:
    paragraph = ("She walked along the lane and thought about the letter for a long while, "
                 "and then she turned back towards the house. ")
    parts = ["A NOVEL\n\nBy Nobody\n\n\n\nVOLUME I\n\n\n"]
    for number in ("I", "II", "III"):
        parts.append(f"CHAPTER {number}\n\n\n")
        parts.extend((paragraph * 3).strip() + "\n\n" for _ in range(12))
    return "".join(parts)


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def position(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-position").content)


def test_headings_are_found_in_the_usual_forms() -> None:
    text = ("CHAPTER I\n\nText.\n\nChapter 2\n\nMore text.\n\n## Results\n\nBook One\n\n"
            "Chapter and verse were quoted at length, which is not a heading at all.\n\n"
            "PART III. THE RETURN\n\n# Title\n")
    starts, ends, _ = split_units(text)
    titles = [h.title for h in find_headings(text, starts, ends)]
    assert titles == ["CHAPTER I", "Chapter 2", "Results", "Book One", "PART III. THE RETURN",
                      "Title"]


async def test_right_parenthesis_moves_from_chapter_to_chapter_and_the_status_shows_percent(
    make_app,
) -> None:
    text = novel()
    app = make_app(Document("A novel", "novel.txt", text, name="novel.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = article(app)
        await pilot.pause()
        assert position(screen).endswith("%")
        assert int(position(screen)[:-1]) < 5
        await pilot.press("right_parenthesis")  # VOLUME I
        await pilot.press("right_parenthesis")  # CHAPTER I
        await pilot.pause()
        assert screen.view.cursor_span[0] == text.index("CHAPTER I\n")
        await pilot.press("right_parenthesis")
        await pilot.pause()
        assert screen.view.cursor_span[0] == text.index("CHAPTER II\n")
        assert "CHAPTER II" in str(screen.query_one("#status-info").content)
        assert 25 <= int(position(screen)[:-1]) <= 40
        await pilot.press("j", "left_parenthesis")  # back to this chapter's start
        await pilot.pause()
        assert screen.view.cursor_span[0] == text.index("CHAPTER II\n")
        await pilot.press("G")
        await pilot.pause()
        assert position(screen) == "100%"
        await pilot.press("right_parenthesis")  # round the end, said in the status line
        await pilot.pause()
        assert screen.view.cursor_span[0] == text.index("VOLUME I")
        info = str(screen.query_one("#status-info").content)
        assert info.startswith("wrapped to the first heading · VOLUME I"), info


async def test_o_opens_the_outline_and_enter_jumps(make_app) -> None:
    from reader.ui.screens.outline import OutlineScreen

    text = novel()
    app = make_app(Document("A novel", "novel.txt", text, name="novel.txt"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = article(app)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutlineScreen)
        await pilot.press("down", "down", "down", "enter")  # VOLUME I, I, II, III
        await pilot.pause()
        assert app.screen is screen
        assert screen.view.cursor_span[0] == text.index("CHAPTER III\n")


async def test_every_key_in_the_footer_at_120_columns_has_its_label(make_app) -> None:
    """At 120 columns the footer ended in a bare "l", its "Legend" cut off."""
    from tests.ui.conftest import screen_lines, wait_for_analysis

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        footer = screen_lines(app)[-1]
        for shown in ("] Next quote", "v Select", "/ Search", "l Legend", "h Highlight", "n Note",
                      "? Help", "q Quit", "^p Commands"):
            assert shown in footer, footer


async def test_a_toast_leaves_the_status_line_readable(make_app) -> None:
    from textual.widgets._toast import Toast

    from tests.ui.conftest import wait_for_analysis

    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        screen.notify("Wrapped to the first quote.")
        await pilot.pause(0.3)
        (toast,) = app.screen.query(Toast)
        status = screen.query_one("#status").region
        assert not toast.region.overlaps(status), (toast.region, status)


async def test_headings_are_drawn_as_headings_over_the_same_text() -> None:
    from reader.ui.widgets.article_view import ArticleView
    from tests.ui.test_article_view import ViewApp

    text = "CHAPTER I\n\nShe walked along the lane.\n\n## A Markdown heading\n\nMore.\n"
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.cursor_to_offset(text.index("More"))  # the cursor away from every line looked at

        def words(y: int) -> dict[str, bool]:
            return {seg.text.strip(): bool(seg.style and seg.style.bold)
                    for seg in view.render_line(y) if seg.text.strip()}

        lines = {y: words(y) for y in range(6)}
        assert lines[0] == {"CHAPTER I": True}
        assert lines[2] == {"She walked along the lane.": False}
        assert lines[4] == {"## A Markdown heading": True}
        assert view.text == text  # the same plain text: offsets stay the contract


async def test_underscored_emphasis_is_drawn_in_italics_over_the_same_text() -> None:
    from reader.ui.widgets.article_view import ArticleView
    from tests.ui.test_article_view import ViewApp

    text = "Title.\n\nShe had _one_ of those days, said snake_case_name.\n"
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.cursor_to_offset(0)
        italic = "".join(seg.text for seg in view.render_line(2)
                         if seg.style and seg.style.italic)
        assert italic == "one"
        assert view.text == text  # the underscores stay in the text: offsets are the contract
