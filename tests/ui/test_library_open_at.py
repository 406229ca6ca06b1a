"""Opening an article from the library at a quote (People tab) or a match (search mode): the
reading cursor is on what was chosen, as when a quote is chosen in the speakers panel, and
escape comes back to the row it was opened from. The real app on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen
from tests.ui.conftest import wait_for_analysis
from tests.ui.library_search_steps import search_library
from tests.ui.test_library_people import analysis_of, people_tab

# Blinken's first quote starts in the middle of a sentence that opens with Gantz's.
TEXT = (
    "Talks in Geneva\n\n"
    "“We hold the line,” said Benny Gantz. “We will not give up,” Gantz added, and Antony "
    "Blinken answered that “the hostages must come home now.”\n\n"
    "The talks went on late into the night. “It was a long day,” said Benny Gantz.\n\n"
    "“Soon we will know more,” Antony Blinken said.\n"
)
QUOTES = [
    ("“We hold the line,”", "Benny Gantz", "Benny Gantz"),
    ("“We will not give up,”", "Benny Gantz", "Gantz"),
    ("“the hostages must come home now.”", "Antony Blinken", "Antony Blinken"),
    ("“It was a long day,”", "Benny Gantz", "Benny Gantz"),
    ("“Soon we will know more,”", "Antony Blinken", "Antony Blinken"),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    record = store.save_article(Document(title="Geneva", source="/news/g.txt", text=TEXT))
    analysis = analysis_of(TEXT, QUOTES)
    for speaker in analysis.speakers:
        speaker.role = {"Benny Gantz": "Israeli war cabinet minister",
                        "Antony Blinken": "Secretary of State"}[speaker.name]
    store.cache_analysis(record.hash, model_id(None), ENGINE_VERSION, analysis)
    yield store
    store.close()


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def open_blinken(pilot, row: int) -> ArticleScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.pause()
    await pilot.press("ctrl+e")
    await pilot.pause()
    _, view = people_tab(app)
    names = [p.name for p in view.people]
    await pilot.press(*["down"] * names.index("Antony Blinken"), "enter")
    await pilot.pause()
    await pilot.press(*["down"] * row, "enter")
    await wait_for_analysis(pilot)
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_a_quote_chosen_in_the_people_tab_is_the_current_quote(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_blinken(pilot, 0)
        quote = next(q for q in screen.analysis.quotes if q.start == TEXT.index("“the host"))
        assert screen.current_quote == quote.id
        start, end = screen.view.cursor_span
        assert start <= quote.start < end  # the cursor's sentence holds the quote
        assert info(screen) == "Antony Blinken · quote 1 of 2"
        await pilot.press("right_square_bracket")  # the next quote, from this one
        await pilot.pause()
        assert screen.quote(screen.current_quote).text == "“It was a long day,”"
        await pilot.press("left_square_bracket", "s")  # back to it, then his next
        await pilot.pause()
        assert info(screen) == "Antony Blinken · quote 2 of 2"
        assert screen.quote(screen.current_quote).text == "“Soon we will know more,”"


async def test_back_from_the_article_keeps_the_quote_row(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_blinken(pilot, 1)
        assert screen.record.text[screen.record.position :].startswith("“Soon")
        for _ in range(3):  # let go of the quote, then back to the library
            if isinstance(app.screen, ArticleScreen):
                await pilot.press("escape")
                await pilot.pause()
        await pilot.pause()
        _, view = people_tab(app)
        assert view.quotes_table.display and view.quotes_table.has_focus
        assert view.quotes_table.cursor_row == 1


async def test_a_search_match_opens_with_the_cursor_on_it(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        search = await search_library(pilot, "night")
        assert [h.kind for h in search.hits] == ["text"]
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        at = TEXT.index("night")
        start, end = screen.view.cursor_span
        assert start <= at < end
        assert screen.view.focused_span == (at, at + len("night"))
        assert isinstance(app.screen, ArticleScreen)


async def test_a_quote_found_by_search_is_the_current_quote(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        search = await search_library(pilot, "hostages")
        row = next(i for i, h in enumerate(search.hits) if h.kind == "quote")
        await pilot.press("down", *["down"] * row, "enter")
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        at = TEXT.index("hostages")
        start, end = screen.view.cursor_span
        assert start <= at < end
        assert info(screen) == "Antony Blinken · quote 1 of 2"
        assert isinstance(app.screen, ArticleScreen) and not isinstance(app.screen, LibraryScreen)


async def test_typing_in_people_narrows_them_by_role_too(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        _, view = people_tab(app)
        assert len(view.people) == 2
        await pilot.press(*"state")
        await pilot.pause()
        assert [view.people[i].name for i in view.shown] == ["Antony Blinken"]
        await pilot.press("enter", "enter")  # his first quote, opened from the narrowed list
        await wait_for_analysis(pilot)
        assert info(app.screen) == "Antony Blinken · quote 1 of 2"
