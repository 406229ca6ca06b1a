"""Found by a new user in tmux: in the library's search box, a burst of keys (seven backspaces
and `said`, sent at once) lost all but the first few: the box read `Clin`. Every key typed in
one burst must land, and the results be those of the last query."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.library_search import LibrarySearchScreen
from tests.ui.library_search_steps import one_article_library

TEXT = "Harbour news\n\nThe ferry left at noon, the captain said, and came back empty.\n\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = one_article_library(tmp_path, "Harbour", "/news/h.txt", TEXT)
    yield store
    store.close()


def _burst(app: Any, keys: list[str]) -> None:
    """The keys as the terminal driver posts them: all at once, before any is handled."""
    for key in keys:
        character = "\x7f" if key == "backspace" else key
        app.post_message(events.Key(key, character))


async def test_a_burst_of_backspaces_and_letters_all_land(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", *"Clinton")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        _burst(app, ["backspace"] * 7 + list("said"))
        for _ in range(10):
            await pilot.pause()
        assert search.query_one("#library-search", Input).value == "said"
        assert search.hits and all(hit.article_id for hit in search.hits)
        assert search._searched == "said"
