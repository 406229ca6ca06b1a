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
        await pilot.press("escape", "escape")  # the first says the second leaves
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
        await pilot.press("escape", "escape")  # the first says the second leaves
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.shown[0].id == wanted.id


async def test_o_with_a_path_opens_it_in_the_reader(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    path.write_text("New arrival\n\n“Fine,” she said.\n", encoding="utf-8")
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o")
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
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        assert store.get_article(victim.id) is None
        assert [a.id for a in library.shown] == [a.id for a in store.list_articles()]


@pytest.mark.parametrize("typed", ["dev", "seed", "odd", "quiet", "Sorted", "DOS"])
async def test_every_letter_typed_in_the_table_goes_to_the_filter(
    store: Store, typed: str
) -> None:
    """No letter is an action in the library: d, o, s, q (any case) start or extend the filter,
    never a dialog, a sort or quitting; in one burst or key by key."""
    from textual import events

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press(*typed)
        await pilot.pause()
        assert app.screen is library and app.is_running
        assert library.filter_input.value == typed
        assert (library.sort_key, library.descending) == ("last_opened", True)
        await pilot.press("escape")
        await pilot.pause()
        assert library.filter_input.value == "" and library.table.has_focus
        for char in typed:  # faster than focus moves: all in one read
            app.post_message(events.Key(char, char))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is library
        assert library.filter_input.value == typed


async def test_action_keys_are_control_keys_and_work_from_the_filter(store: Store) -> None:
    from textual import events

    from reader.ui.screens.confirm import ConfirmDialog
    from reader.ui.screens.open_source import OpenSourceDialog

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("ctrl+s")
        assert library.sort_key == "quotes"
        await pilot.press("ctrl+r")
        assert library.descending is False
        # Typed faster than the dialog opens: nothing leaks into the filter behind it.
        app.post_message(events.Key("ctrl+o", None))
        for char in "lisbon":
            app.post_message(events.Key(char, char))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, OpenSourceDialog)
        assert library.filter_input.value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library and library.filter_input.value == ""
        await pilot.press(*"second")
        await pilot.pause()
        assert [a.title for a in library.shown] == ["Second story"]
        await pilot.press("ctrl+d")  # from the filter box too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is library and library.filter_input.value == "second"
        assert len(store.list_articles()) == 2
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        assert [a.title for a in store.list_articles()] == ["First story"]


async def test_the_footer_shows_the_library_keys(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = {b.binding.id: key for key, b in app.screen.active_bindings.items() if b.enabled}
        assert shown["library.open_source"] == "ctrl+o"
        assert shown["library.delete"] == "ctrl+d"
        assert shown["library.sort"] == "ctrl+s"
        assert shown["app.quit"] == "ctrl+q"
        bound = {key for key in app.screen.active_bindings if len(key) == 1}
        assert bound <= {"/"} or bound <= {"slash"}


async def test_f1_in_the_library_lists_its_keys_and_escape_closes_it(store: Store) -> None:
    """? goes to the filter in the library, so help had no key there at all."""
    from reader.ui.screens.help import HelpScreen

    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library = app.screen
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").content)
        for words in ("Open", "Clear filter", "List every key"):
            assert words in text, words
        # Each key once: esc (clear the filter; stop a fetch) and ^e (People; Articles) were
        # two rows each; ^e says what it does from this tab.
        library_rows = text.split("People\n")[0].splitlines()
        keys = [row.split()[0] for row in library_rows if row.strip()]
        assert keys.count("esc") == 1, library_rows
        assert keys.count("^e") == 1, library_rows
        assert "The People tab" in text and "Back to the Articles tab" not in text
        assert "escape closes this" in str(app.screen.query_one("#help-hint").content)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
