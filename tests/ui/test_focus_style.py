"""Which pane has the focus shows on screen: the panel's edge turns thick (▐/▌, not ▏) and
takes the accent colour while the panel has the focus (the shape shows in any colour mode)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.color import Color

from reader.ui.screens.article import ArticleScreen

from .conftest import screen_lines, wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")

THIN = "▏"


def edge_glyphs(app: Any) -> set[str]:
    """The characters drawn in the column of the panel's left edge, over the body rows."""
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    column = screen.side.region.x
    rows = screen_lines(app)[screen.side.region.y : screen.side.region.bottom]
    return {row[column] if len(row) > column else " " for row in rows}


async def test_the_panel_shows_when_it_has_the_focus(make_app: Any) -> None:
    """The edge's shape changes (so even 16 colours or none show it), and its colour too."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.view.has_focus
        assert edge_glyphs(app) == {THIN}
        unfocused = screen.side.styles.border_left
        await pilot.press("tab")
        await pilot.pause()
        assert screen.side.has_focus_within
        focused = screen.side.styles.border_left
        assert THIN not in edge_glyphs(app), edge_glyphs(app)
        assert focused[0] != unfocused[0]
        assert Color.parse(str(focused[1].hex)) != Color.parse(str(unfocused[1].hex))
        # ] and [ step through the quotes from the panel too (they did nothing, silently).
        assert screen.current_quote is None
        await pilot.press("right_square_bracket")
        await pilot.pause()
        first = screen.current_quote
        assert first is not None and screen.view.focused_span is not None
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.current_quote == first and screen.side.has_focus_within
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.has_focus and edge_glyphs(app) == {THIN}
