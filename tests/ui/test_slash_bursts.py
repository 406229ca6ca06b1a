"""Found by a new user: in the library, `//` typed in one burst opened the title filter (the
second `/` came before the focus had moved to the filter, and focused it again), where one `/`
then another typed slowly opens the search of the texts; a bracketed paste right after `/` was
ignored (on its way to the table or the text, not to the field); and a two-line paste into a
search field searched only its first line. A paste's lines are now joined with spaces. The
real app under the Pilot on a real SQLite file, the keys and the paste as the terminal driver
posts them: all at once, before any is handled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library_search import LibrarySearchScreen
from tests.ui.conftest import wait_for_analysis
from tests.ui.library_search_steps import one_article_library

TEXT = "Harbour news\n\nThe ferry left at noon, the captain said, and came back empty.\n\n"
PASTED = "the captain\nsaid\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = one_article_library(tmp_path, "Harbour", "/news/h.txt", TEXT)
    yield store
    store.close()


def _burst(app: Any, *events_: events.Event) -> None:
    for event in events_:
        app.post_message(event)


def _slash() -> events.Key:
    return events.Key("slash", "/")


async def _settle(pilot: Any) -> None:
    for _ in range(5):
        await pilot.pause()


async def test_two_slashes_in_one_burst_open_the_search_as_typed_slowly(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _burst(app, _slash(), _slash())
        await _settle(pilot)
        assert isinstance(app.screen, LibrarySearchScreen)


async def test_a_paste_right_after_slash_goes_to_the_filter_joined(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _burst(app, _slash(), events.Paste("Harb\nour"))
        await _settle(pilot)
        assert app.screen.query_one("#library-filter", Input).value == "Harb our"


async def test_a_two_line_paste_into_the_search_searches_both_lines(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await _settle(pilot)
        assert isinstance(app.screen, LibrarySearchScreen)
        _burst(app, events.Paste(PASTED))
        await _settle(pilot)
        assert app.screen.query_one("#library-search", Input).value == "the captain said"


async def test_a_paste_right_after_slash_in_an_article_is_the_query(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.focus()
        await pilot.pause()
        _burst(app, _slash(), events.Paste(PASTED))
        await _settle(pilot)
        assert screen.search_bar.input.value == "the captain said"
        assert screen.search_query == "the captain said"
