"""The library file replaced at its path while the reader is open: ctrl+s in the note editor
says the note is not saved and keeps the editor open with it (it said "Note saved." and wrote
into the replaced file, lost when the reader quit)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from reader.store import Store
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_a_note_saved_after_the_library_was_replaced_stays_in_the_editor(
    make_app: Any, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "n", *"typed after the swap")
        await pilot.pause()
        junk = db_path.with_name("junk")
        junk.write_bytes(os.urandom(8192))
        os.replace(junk, db_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor), "the note was said to be saved"
        assert editor.text == "typed after the swap"
        error = str(editor.query_one("#note-error", Static).render())
        assert "replaced or deleted" in error
