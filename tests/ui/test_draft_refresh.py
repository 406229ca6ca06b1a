"""The periodic look at the draft file (`refresh_drafts`) while an editor is open: another
window's draft of the same passage, kept meanwhile, is neither joined into this window's nor
dropped when this window stores its note. The real app on a real SQLite file and draft file;
the other window's entry is written as that window writes it (DraftBox.keep)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import until
from tests.ui.reading import reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")

BETA = "beta words of window b"


async def _until_kept(pilot: Any, store: Store) -> None:
    """Until the editor has written its draft of "alpha words" to the draft file."""
    box = DraftBox(store.path)
    await until(pilot, lambda: [d.text for d in box._read().values()] == ["alpha words"], 10,
                "the draft of the typed words")


async def test_storing_a_note_keeps_the_other_windows_draft_of_the_passage(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    async with reading(make_app, sample_doc) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"alpha words")
        await _until_kept(pilot, store)  # the editor keeps the draft once typing pauses
        box = DraftBox(store.path)
        (mine,) = box._read().values()
        box.keep(replace(mine, text=BETA, owner="window-b"))
        screen.refresh_drafts()  # what the timer does every few seconds
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
    assert ann.note == "alpha words"
    assert [d.text for d in DraftBox(store.path)._read().values()] == [BETA]


async def test_the_periodic_look_writes_nothing_and_an_unreadable_file_changes_nothing(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    async with reading(make_app, sample_doc) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n")
        await pilot.pause()
        await pilot.press(*"alpha words")
        await _until_kept(pilot, store)
        await pilot.press("escape")
        await pilot.pause()
        box = DraftBox(store.path)
        (mine,) = box._read().values()
        # Another window's draft of a passage no longer in the text: left as that window wrote it.
        gone = replace(mine, key="span:1:5", span=(1, 5, 1), passage="no such words here",
                       prefix="", suffix="", text=BETA, owner="window-b")
        box.keep(gone)
        before = box.path.read_bytes()
        screen.refresh_drafts()
        assert box.path.read_bytes() == before
        assert list(screen.note_drafts) == [mine.key]
        box.path.rename(box.path.with_name("aside.json"))
        box.path.mkdir()  # unreadable for now (an OSError): the drafts stay
        screen.refresh_drafts()
        assert list(screen.note_drafts) == [mine.key]
        box.path.rmdir()
