"""Article text is data: markup, controls and wide characters are drawn inert, in place."""

from __future__ import annotations

import pytest

from reader.ui.widgets.article_view import ArticleView, HighlightMark, QuoteMark
from tests.ui.test_article_view import ViewApp, screen_text, visible_strips

TERMINAL_CONTROLS = {chr(c) for c in range(32) if chr(c) not in "\n"} | {
    chr(c) for c in range(0x7F, 0xA0)}


MARKUP = [
    "[bold]x[/bold]",
    "[@click=app.quit]quit[/]",
    "[link=https://x]y[/link]",
    "[red on blue]z[/]",
    "\\[escaped] and [[double]]",
]


@pytest.mark.parametrize("markup", MARKUP)
async def test_markup_in_the_text_is_shown_literally(markup: str) -> None:
    text = f"Before {markup} after.\n\nNext."
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        await pilot.pause()
        assert markup in screen_text(view)
        for strip in visible_strips(view):
            for segment in strip:
                assert segment.style is None or (
                    not segment.style.link and not segment.style.meta)
        x, y = view.point_of(text.index(markup) + 2)
        await pilot.click(ArticleView, offset=(x, y))
        await pilot.pause()
        assert not app.quit_called and app.is_running


CONTROLS = [
    "\x1b[31mred\x1b[0m",
    "\x1b]0;title\x07",
    "\x9b2J",
    "bell\x07 and nul\x00 and del\x7f",
    "\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\",
    "back\x08space \x0bvt \x0cff \x85nel",
]


@pytest.mark.parametrize("hostile", CONTROLS)
async def test_control_chars_render_inert_with_exact_offsets(hostile: str) -> None:
    text = f"Start {hostile} end \u201cquoted\u201d.\r\nSecond\tline."
    app = ViewApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        quote = text.index("\u201c")
        view.set_quotes([QuoteMark(quote, quote + 8, 0, 0)])
        await pilot.pause()
        for strip in visible_strips(view):
            for segment in strip:
                assert not TERMINAL_CONTROLS & set(segment.text), repr(segment.text)
        # the quote is drawn exactly where the layout says, one cell per control char
        x, y = view.point_of(quote)
        line = visible_strips(view)[y].text
        assert line[x:x + 8] == "\u201cquoted\u201d"
        assert view.offset_at(x, y) == quote


async def test_wide_and_combining_chars_keep_highlight_offsets() -> None:
    text = "日本語 e\u0301t\u00e9 😀 \u201cquote\u201d " * 12
    app = ViewApp(text)
    async with app.run_test(size=(40, 24)) as pilot:
        view = app.query_one(ArticleView)
        starts = [i for i, ch in enumerate(text) if ch == "\u201c"]
        view.set_highlights([HighlightMark(s, s + 7, n, 2) for n, s in enumerate(starts)])
        await pilot.pause()
        for start in starts[:6]:
            x, y = view.point_of(start)
            from rich.cells import cell_len

            cells = 0
            for segment in visible_strips(view)[y]:
                if cells == x:
                    assert segment.text.startswith("\u201cquote\u201d")
                    assert segment.style is not None and segment.style.underline
                    break
                cells += cell_len(segment.text)
            else:
                raise AssertionError("highlight not at its cell")
