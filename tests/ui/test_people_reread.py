"""Found by a new user: the People tab stayed as it was after `reader add` in a shell while the
library was open, where the Articles tab showed the new article. People is read again (on a
worker) when the library's articles change, here or elsewhere. And the library's search names
a speaker as People does."""

from __future__ import annotations

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from tests.ui.conftest import wait_for_workers
from tests.ui.test_library_people import analysis_of, people_tab, store  # noqa: F401

THIRD = "Talks go on\n\n“We are close,” said Tom Reed on Friday.\n"


async def test_people_follow_an_article_added_by_another_process(store: Store) -> None:  # noqa: F811
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        screen, view = people_tab(app)
        reed = next(p for p in view.people if p.name == "Tom Reed")
        assert reed.quotes == 1
        # Another process (`reader add`) with its own connection to the same file.
        with Store.open(store.path) as other:
            record = other.save_article(Document(title="Talks go on", source="/news/t.txt",
                                                 text=THIRD))
            other.cache_analysis(record.hash, model_id(None), ENGINE_VERSION, analysis_of(
                THIRD, [("“We are close,”", "Tom Reed", "Tom Reed")]))
        screen.look_again()  # what the periodic look does
        await wait_for_workers(pilot)
        await pilot.pause()
        assert [a.title for a in screen.shown if a.title == "Talks go on"]
        reed = next(p for p in view.people if p.name == "Tom Reed")
        assert (reed.quotes, len(reed.articles)) == (2, 2)
        row = view.people_table.get_row_at(view.shown.index(view.people.index(reed)))
        assert str(row[2]) == "2"  # the table shows it, not only the list


async def test_search_rows_name_a_speaker_as_people_does(store: Store) -> None:  # noqa: F811
    """The library's search named the Vienna quote's speaker "Blinken" and the Geneva one's
    "Antony Blinken": one person, as People merges them, under one name."""
    from textual.widgets import DataTable

    from reader.ui.screens.library_search import LibrarySearchScreen

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "slash", *"hostages")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibrarySearchScreen)
        table = screen.query_one("#search-results", DataTable)
        speakers = {str(table.get_row_at(i)[2]) for i in range(table.row_count)
                    if str(table.get_row_at(i)[1]) == "quote"}
        assert speakers == {"Antony Blinken"}
        assert {h.speaker for h in screen.hits if h.kind == "quote"} == {
            "Antony Blinken", "Blinken"}  # opening one still finds the article's own name
