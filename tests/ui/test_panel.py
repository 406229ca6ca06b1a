"""`>` and `<` always do something visible, or say why not."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.article import ArticleScreen, panel_bounds
from tests.ui.conftest import wait_for_analysis

from .conftest import last_toast, toast_texts

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen




@pytest.mark.parametrize("size", [(120, 36), (100, 30), (80, 24), (200, 50)])
async def test_widen_and_narrow_change_the_panel_or_say_why(make_app, size) -> None:
    """QA: at some sizes > and < did nothing, silently (at 120 columns > never widened)."""
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        side = screen.side
        narrowest, widest = panel_bounds(size[0])
        for key, limit, word in (
            ("greater_than_sign", widest, "as wide as"),
            ("less_than_sign", narrowest, "narrowest"),
        ):
            for _ in range(40):
                before = side.outer_size.width
                said = await last_toast(pilot)
                await pilot.press(key)
                await pilot.pause()
                if side.outer_size.width == before:  # nothing changed: it must say so
                    notice = await last_toast(pilot)
                    assert notice is not None and notice != said
                    assert word in notice.message
                    break
            assert side.outer_size.width == limit
        assert screen.view.size.width >= 45


async def test_widen_shows_a_hidden_panel_and_a_narrow_window_says_why(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("p")
        await pilot.pause()
        assert not screen.side.display
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.side.display
        await pilot.resize_terminal(56, 24)
        await pilot.pause()
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert not screen.side.display
        assert "too narrow" in (await toast_texts(pilot))[-1]


async def test_widen_at_80_columns_says_why_it_stops(make_app) -> None:
    """Found by a new user: `>` at 80 columns reported a width and nothing changed. The step
    that reaches the limit says so, and the next says why in one sentence, and what to do."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        _, widest = panel_bounds(80)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.side.outer_size.width == widest
        info = str(screen.query_one("#status-info").content)
        assert info == f"panel {widest} columns (the widest this window allows)", info
        await pilot.press("greater_than_sign")
        await pilot.pause()
        notice = await last_toast(pilot)
        assert notice is not None
        assert f"the text keeps {80 - widest} beside it" in notice.message, notice.message
        assert "p hides the panel" in notice.message
        assert notice.message.count(".") == 1  # one sentence


async def test_in_a_narrow_window_the_panel_gives_way_and_p_shows_it(make_app) -> None:
    """Found by a new user at 60×18: the panel kept half the width, the text had 28 columns.
    It gives way there (the text takes the window), p or t shows it, p hides it again, and a
    wide window shows it as before (what it remembers is unchanged)."""
    app = make_app()
    async with app.run_test(size=(60, 18)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        assert not screen.side.display
        assert screen.view.size.width >= 55
        await pilot.press("p")
        await pilot.pause()
        assert screen.side.display and screen.panel_visible
        await pilot.press("p")
        await pilot.pause()
        assert not screen.side.display and screen.panel_visible
        await pilot.press("t")  # the next tab: shown to be seen
        await pilot.pause()
        assert screen.side.display
        await pilot.press("p")
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert screen.side.display


async def test_p_in_a_narrow_window_leaves_what_a_wide_window_remembers(make_app) -> None:
    """The review's probe: hidden with p in a wide window, shown and hidden with p in a narrow
    one, the panel stayed shown (and remembered so) back in the wide window."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("p")
        await pilot.pause()
        assert not screen.side.display and not screen.panel_visible
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert not screen.side.display
        await pilot.press("p")
        await pilot.pause()
        assert screen.side.display
        await pilot.press("t")  # t shows it too: neither may change the wide window's setting
        await pilot.press("p")
        await pilot.pause()
        assert not screen.side.display
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not screen.side.display and not screen.panel_visible
