"""The library inside the real ReaderApp: opening, going back, adding from a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    store.save_article(Document(title="Second story", source="two.txt", text="Two said “b”."))
    yield store
    store.close()


async def test_enter_opens_the_article_screen_and_escape_returns(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        wanted = library.shown[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.record.id == wanted.id
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_reading_an_article_moves_it_to_the_top(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        wanted = library.shown[-1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.record.id == wanted.id  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.shown[0].id == wanted.id


async def test_o_with_a_path_opens_it_in_the_reader(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    path.write_text("New arrival\n\n“Fine,” she said.\n", encoding="utf-8")
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.record.title == "New arrival"
        await app.workers.wait_for_complete()
    assert "New arrival" in [a.title for a in store.list_articles()]


async def test_d_then_y_deletes_in_the_real_app(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        victim = library.shown[0]
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.get_article(victim.id) is None
        assert [a.id for a in library.shown] == [a.id for a in store.list_articles()]
