"""A page pasted into a one-line field by a slip of the clipboard: refused at once, and every
key after it still echoes at once. Textual's Input measured its whole value at every key, so
with 200 KB in the library's filter each key took about 5 s (1 MB: over 10 s, seen in tmux).
The real app under the Pilot on a real SQLite file; the paste as the driver delivers it.
What keeps keys quick is that the field never holds the page (asserted); the time a key takes
is not asserted, since a loaded machine would make that flaky."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandInput

from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.widgets.field import LONGEST, Field
from tests.ui.conftest import toast_texts

PAGE = "words of an article pasted by mistake " * 5_000  # 190,000 characters on one line


@pytest.mark.parametrize("opens", [("x",), ("ctrl+f",), ("ctrl+o",)])
async def test_a_pasted_page_is_refused_and_keys_still_echo_at_once(
    tmp_path: Path, opens: tuple[str, ...]
) -> None:
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    app = ReaderApp(store=store, start_in_library=True)
    try:
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press(*opens)
            await pilot.pause()
            field = app.focused
            before = field.value  # type: ignore[union-attr]
            app.post_message(events.Paste(PAGE))
            await pilot.pause()
            assert field.value == before  # type: ignore[union-attr]
            assert any("Too long for this field" in t for t in await toast_texts(pilot))
            await pilot.press("z")
            await pilot.pause()
            assert field.value == before + "z"  # type: ignore[union-attr]
            # A paste that fits is taken whole.
            app.post_message(events.Paste("Lisbon" * (LONGEST // 12)))
            await pilot.pause()
            assert field.value.endswith("Lisbon")  # type: ignore[union-attr]
    finally:
        store.close()


async def test_the_search_bar_refuses_a_pasted_page(tmp_path: Path, sample_doc: Document) -> None:
    store = Store.open(tmp_path / "library.db")
    app = ReaderApp(store=store, document=sample_doc)
    try:
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            app.post_message(events.Paste(PAGE))
            await pilot.pause()
            assert app.focused.value == ""  # type: ignore[union-attr]
            await pilot.press("G", "a", "z", "a")
            await pilot.pause()
            assert app.focused.value == "Gaza"  # type: ignore[union-attr]
    finally:
        store.close()


async def test_a_value_set_by_code_is_capped_too(tmp_path: Path) -> None:
    """Input's cap held only for keys and pastes: a search carried into the library's text
    search (show_library_search), or any value set by code, went in whole."""
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    app = ReaderApp(store=store, start_in_library=True)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            app.show_library_search(PAGE)
            await pilot.pause()
            field = app.screen.query_one("#library-search", Field)
            assert field.value == PAGE[:LONGEST]
            field.value = "short " + PAGE
            assert field.value == ("short " + PAGE)[:LONGEST]
            field.value = "Lisbon"
            assert field.value == "Lisbon"
    finally:
        store.close()


async def test_the_command_palette_refuses_a_pasted_page(tmp_path: Path) -> None:
    """ctrl+p's input is Textual's own, with no cap: a page pasted there was taken whole and
    searched for at every key."""
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    app = ReaderApp(store=store, start_in_library=True)
    try:
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            field = app.focused
            assert isinstance(field, CommandInput)
            app.post_message(events.Paste(PAGE))
            await pilot.pause()
            assert field.value == ""
            assert any("Too long for this field" in t for t in await toast_texts(pilot))
            await pilot.press(*"help")
            await pilot.pause()
            assert field.value == "help"
    finally:
        store.close()
