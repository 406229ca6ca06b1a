"""Reopening an article brings back the reading cursor, not only the scroll."""

from __future__ import annotations

from typing import Any

import pytest

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def on_screen(screen: ArticleScreen, offset: int) -> bool:
    _, y = screen.view.point_of(offset)
    return 0 <= y < screen.view.scrollable_content_region.height


@pytest.mark.parametrize(
    "keys",
    [
        ("G", "k", "k"),  # the QA's keys
        ("pagedown", "j", "j", "j"),
        ("pagedown", "pagedown"),
        ("j",),
    ],
)
async def test_q_and_reopen_restore_the_cursor_and_the_scroll(
    make_app, store: Store, keys: tuple[str, ...]
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        article_id = screen.record.id
        await pilot.press(*keys)
        await pilot.pause()
        cursor = screen.view.cursor_span
        top = screen.view.top_offset
        await pilot.press("j")
        following = screen.view.cursor_span
        await pilot.press("k")
        assert screen.view.cursor_span == cursor
        await pilot.press("q")
    again = ReaderApp(store=store, article_id=article_id)
    async with again.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(again)
        assert screen.view.cursor_span == cursor
        assert on_screen(screen, cursor[0])
        if keys[0] in ("G", "pagedown") and keys.count("j") == 0:
            assert screen.view.top_offset == top  # the same page
        await pilot.press("j")  # goes on from the cursor, not from the top of the view
        assert screen.view.cursor_span == following


async def test_escape_to_the_library_and_back_restores_the_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("pagedown", "j", "j")
        await pilot.pause()
        cursor = screen.view.cursor_span
        await pilot.press("escape", "escape")  # the first says the second leaves
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        reopened = article(app)
        assert reopened is not screen
        assert reopened.view.cursor_span == cursor
        assert on_screen(reopened, cursor[0])
