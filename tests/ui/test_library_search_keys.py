"""Found by a new user in the library's search: `.` in an article opened at a quote found by
its speaker's name said "press / to search first" (it goes on for a match in the text), and
back from a match (escape), typing did not edit the search any more."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.library_search import named_in
from tests.ui.library_search_steps import (
    escape_to_results,
    one_article_library,
    open_hit,
    search_library,
)
from tests.ui.test_library_people import FIRST


@pytest.fixture
def store(tmp_path: Path) -> Store:
    quotes = [("“We will not give up on the hostages,”", "Antony Blinken", "Antony Blinken"),
              ("“This plan will fail,”", "Tom Reed", "Tom Reed")]
    store = one_article_library(tmp_path, "Geneva", "/news/g.txt", FIRST, quotes)
    yield store
    store.close()


def test_the_words_of_the_name_the_query_found() -> None:
    assert named_in("Antony Blinken", "blinken") == "Blinken"
    assert named_in("Antony Blinken", "Antony OR Blinken") == "Antony Blinken"
    assert named_in("Antony Blinken", "blink*") == "Blinken"
    assert named_in("Antony Blinken", "hostages") == ""
    # Accents folded as the index folds them: "muller" found "Hans Müller" there.
    assert named_in("Hans Müller", "muller") == "Müller"
    assert named_in("Hans Müller", "Mueller") == "Müller"
    assert named_in("Hans Müller", "mül*") == "Müller"


async def test_dot_goes_on_after_a_quote_found_by_its_speaker(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await search_library(pilot, "reed")
        hit = next(h for h in search.hits if h.kind == "quote")
        assert hit.match == (0, 0)  # the speaker matched, no word of the quote
        screen = await open_hit(pilot, search.hits.index(hit))
        await pilot.press("full_stop")
        await pilot.pause()
        reed = FIRST.index("Tom Reed") + len("Tom ")
        assert screen.last_match == (reed, reed + len("Reed"))
        assert "search first" not in str(screen.query_one("#status-info").render())


async def test_typing_after_escape_from_a_match_edits_the_search(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await search_library(pilot, "hostage")
        await open_hit(pilot, 0)
        search = await escape_to_results(pilot)
        field = search.query_one("#library-search", Input)
        await pilot.press("s", "backspace", "backspace", "s")
        await pilot.pause()
        assert field.has_focus
        assert field.value == "hostags"


async def test_a_quote_found_by_its_speaker_opens_with_the_search_bar_on_the_query(
    store: Store
) -> None:
    """Found by a new user: the article's search bar was empty after opening a quote hit
    (found by its speaker's name), where a text hit's holds the query it came from."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await search_library(pilot, "reed")
        hit = next(h for h in search.hits if h.kind == "quote")
        assert hit.match == (0, 0)  # the speaker matched, no word of the quote
        screen = await open_hit(pilot, search.hits.index(hit))
        assert screen.search_bar.display
        assert screen.search_bar.input.value == "reed"
        quote = FIRST.index("“This plan")
        assert screen.view.cursor_span[0] <= quote < screen.view.cursor_span[1]
