"""ctrl+o with an article's text pasted where its address should be (a slip of the clipboard):
the dialog says it is no file name or URL at once, rather than freeze the library while a
toast quotes the megabyte back. The real app under the Pilot on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.open_source import OpenSourceDialog
from reader.ui.widgets.field import LONGEST
from tests.ui.conftest import toasts


async def test_a_pasted_text_is_refused_in_the_dialog_at_once(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    pasted = "\n".join(f"Line {n} of an article, pasted by mistake." for n in range(25_000))
    app = ReaderApp(store=store, start_in_library=True)
    try:
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, OpenSourceDialog)
            dialog.query_one(Input).value = pasted
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog  # still open: escape cancels, or fix the address
            said = str(dialog.query_one("#open-hint", Static).content)
            assert said.startswith("Not a file name or URL"), said
            assert await toasts(pilot) == []  # the freeze was a toast quoting the paste
            # Set by code, the field holds its first LONGEST characters (a paste of it is
            # refused whole: tests/ui/test_field_paste.py); nothing more is thrown away.
            assert dialog.query_one(Input).value == pasted[:LONGEST]
    finally:
        store.close()
