"""Found by a new user: the library's search listed a paragraph saying the word three times
once; opened, the match was on the top row of the pane; and `.` did not go on to the next
match. Now every match is a row, the opened one is in view with text above it, and `.` steps
on from it as after `/` in the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.ui.library_search_steps import (
    escape_to_results,
    one_article_library,
    open_hit,
    search_library,
)

FILLER = "".join(
    f"Paragraph {n} tells of the weather on the coast and of nothing else at all.\n\n"
    for n in range(40)
)
FERRY = (
    "The ferry left at noon. Nobody on the ferry knew the captain, and the ferry "
    "came back empty.\n\n"
)
TEXT = "Harbour news\n\n" + FILLER + FERRY + FILLER


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = one_article_library(tmp_path, "Harbour", "/news/h.txt", TEXT)
    yield store
    store.close()


def ferries() -> list[int]:
    at, found = TEXT.find("ferry"), []
    while at >= 0:
        found.append(at)
        at = TEXT.find("ferry", at + 1)
    return found


async def test_every_match_of_a_paragraph_is_a_row_and_dot_goes_on(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await search_library(pilot, "ferry")
        assert sorted(hit.offset for hit in search.hits) == ferries()
        second = sorted(search.hits, key=lambda hit: hit.offset)[1]
        screen = await open_hit(pilot, search.hits.index(second), turns=20)
        view = screen.view
        first, second_at, third = ferries()
        assert view.focused_span == (second_at, second_at + len("ferry"))
        # In view with the text before it, not on the top row.
        _, y = view.point_of(second_at)
        height = view.scrollable_content_region.height
        assert 2 <= y < height - 2, (y, height)
        assert screen.search_bar.count_text == "match 2 of 3"
        await pilot.press("full_stop")
        await pilot.pause()
        assert screen.last_match == (third, third + len("ferry"))
        start, end = view.cursor_span
        assert start <= third < end
        await pilot.press("comma", "comma")
        await pilot.pause()
        assert screen.last_match == (first, first + len("ferry"))


def test_words_marked_one_after_the_other_are_one_match(store: Store) -> None:
    hits = store.search("ferry left")
    spans = sorted((hit.offset, hit.context[hit.match[0] : hit.match[1]]) for hit in hits)
    at = TEXT.index("ferry left")
    assert spans == [(at, "ferry left"), *((a, "ferry") for a in ferries()[1:])]


async def test_escape_from_a_match_opened_comes_back_to_the_results(store: Store) -> None:
    """Driving the reader: escape from an article opened at a search's match went to the
    titles, the search and its place in the results lost; a reader going through the matches
    one by one had to type the search again each time."""
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await search_library(pilot, "ferry")
        await open_hit(pilot, 1)
        search = await escape_to_results(pilot)
        table = search.query_one("#search-results")
        assert table.has_focus and table.cursor_row == 1
        assert search.query_one("#library-search").value == "ferry"


async def test_a_note_hit_opens_with_the_search_ready(store: Store) -> None:
    """A new user: a match found in a NOTE opened the article without the search, so `.` said
    "press / to search first"; quote and text hits open with it ready."""
    (record,) = store.list_articles()
    first, second, _third = ferries()
    store.add_annotation(record.id, TEXT, first, first + len("ferry left"),
                         note="Which ferry was it?")
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        search = await search_library(pilot, "ferry")
        row = next(i for i, hit in enumerate(search.hits) if hit.kind == "note")
        await pilot.press(*["down"] * (row + 1), "enter")
        for _ in range(20):
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert screen.search_query.lower() == "ferry"
        await pilot.press("full_stop")
        await pilot.pause()
        assert "press / to search first" not in str(screen.query_one("#status-info").content)
        assert screen.last_match == (second, second + len("ferry"))
