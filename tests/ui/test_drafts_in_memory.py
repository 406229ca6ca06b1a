"""When the draft file cannot be written (its folder is a file, the disk is full), drafts live
in the window's memory, and the toast says so; closing the window lost them without a word:
`n`, words, escape, `q`, and the words were gone. Now the first `q` (or escape to the library)
while such drafts exist stays and says how to store them; a second one leaves. The real app
under the Pilot on a real SQLite file, the draft folder really unwritable."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import DraftBox, drafts_dir
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def _draft_in_memory(pilot: Any) -> None:
    await wait_for_analysis(pilot)
    await pilot.press("j", "n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*"words only in memory", "escape")
    await pilot.pause()
    assert any("kept in this window only" in t for t in await toast_texts(pilot))


async def test_quitting_with_drafts_only_in_memory_asks_first(
    make_app: Any, store: Store
) -> None:
    drafts_dir().parent.mkdir(parents=True, exist_ok=True)
    drafts_dir().write_text("not a folder")  # the draft file cannot be written
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _draft_in_memory(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ArticleScreen)
        said = await toast_texts(pilot)
        assert any("1 unsaved note lives only in this window" in t for t in said)
        # Said for q and ctrl+q alike (it named q when ctrl+q was pressed).
        assert any("Quitting again leaves without it" in t for t in said)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "words only in memory"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")  # stored: nothing left to lose, so it quits at once
        await pilot.pause()
        assert not app.is_running
    (ann,) = store.annotations(1)
    assert ann.note == "words only in memory"


async def test_a_second_quit_leaves_and_escape_asks_too(make_app: Any, store: Store) -> None:
    drafts_dir().parent.mkdir(parents=True, exist_ok=True)
    drafts_dir().write_text("not a folder")
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _draft_in_memory(pilot)
        await pilot.press("escape", "escape")  # towards the library (the first says so)
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert any("escape again leaves without it" in t for t in await toast_texts(pilot))
        await pilot.press("q")  # already told: leaves
        await pilot.pause()
        assert not app.is_running
    # Leaving did not take the words with it: they went to a spill file (another folder,
    # reader.draft_spill), which the next reader reads once its draft folder works again.
    drafts_dir().unlink()
    assert [d.text for d in DraftBox(store.path).of_article(1)] == ["words only in memory"]
