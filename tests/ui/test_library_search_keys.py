"""Found by a new user in the library's search: `.` in an article opened at a quote found by
its speaker's name said "press / to search first" (it goes on for a match in the text), and
back from a match (escape), typing did not edit the search any more."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library_search import LibrarySearchScreen, named_in
from tests.ui.test_library_people import FIRST, analysis_of


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    record = store.save_article(Document(title="Geneva", source="/news/g.txt", text=FIRST))
    quotes = [("“We will not give up on the hostages,”", "Antony Blinken", "Antony Blinken"),
              ("“This plan will fail,”", "Tom Reed", "Tom Reed")]
    store.cache_analysis(record.hash, model_id(None), ENGINE_VERSION, analysis_of(FIRST, quotes))
    yield store
    store.close()


def test_the_words_of_the_name_the_query_found() -> None:
    assert named_in("Antony Blinken", "blinken") == "Blinken"
    assert named_in("Antony Blinken", "Antony OR Blinken") == "Antony Blinken"
    assert named_in("Antony Blinken", "blink*") == "Blinken"
    assert named_in("Antony Blinken", "hostages") == ""


async def test_dot_goes_on_after_a_quote_found_by_its_speaker(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "slash", *"reed")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        hit = next(h for h in search.hits if h.kind == "quote")
        assert hit.match == (0, 0)  # the speaker matched, no word of the quote
        await pilot.press("down", *["down"] * search.hits.index(hit), "enter")
        for _ in range(10):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("full_stop")
        await pilot.pause()
        reed = FIRST.index("Tom Reed") + len("Tom ")
        assert screen.last_match == (reed, reed + len("Reed"))
        assert "search first" not in str(screen.query_one("#status-info").render())


async def test_typing_after_escape_from_a_match_edits_the_search(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "slash", *"hostage")
        await pilot.pause()
        await pilot.press("down", "enter")
        for _ in range(10):
            await pilot.pause()
        for _ in range(4):  # the marks, then the article
            if not isinstance(app.screen, ArticleScreen):
                break
            await pilot.press("escape")
            for _ in range(5):
                await pilot.pause()
        search = app.screen
        assert isinstance(search, LibrarySearchScreen)
        field = search.query_one("#library-search", Input)
        await pilot.press("s", "backspace", "backspace", "s")
        await pilot.pause()
        assert field.has_focus
        assert field.value == "hostags"
