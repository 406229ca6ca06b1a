"""Two windows on one library offering the same draft (a killed window's, or one moved to an
article deleted and added again): whichever stores it first, the other never loses it nor
stores it a second time. The real app driven by the Pilot on a real SQLite file and draft file;
the other window's moves are made as it makes them (the store and the draft file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis
from tests.ui.notes_tab import type_note
from tests.ui.reading import reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")

TYPED = "typed before the delete"


async def _draft_then_delete(
    make_app: Any, store: Store, doc: Document, analysed: Callable[..., None]
) -> None:
    async with reading(make_app, doc) as (app, pilot):
        await type_note(pilot, ("j", "n"), TYPED, "escape")
        first = app.screen.record.id
    store.delete_article(first)
    analysed(doc)  # the delete dropped its cached analysis: the session's, not spaCy again


async def test_a_moved_draft_stored_in_one_window_is_not_stored_again_from_the_other(
    make_app: Any, store: Store, sample_doc: Document, analysed: Callable[..., None]
) -> None:
    doc = Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text)
    await _draft_then_delete(make_app, store, doc, analysed)
    app = make_app(doc)  # this window, and another one, open the article added again
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (moved,) = screen.note_drafts.values()
        assert moved.text == TYPED and moved.span is not None
        # The other window stores the draft it was offered too (its n, then ctrl+s): the
        # highlight with the note, and the draft's entry dropped from the file.
        start, end, colour = moved.span
        store.highlight(screen.record.id, screen.record.text, start, end, colour, note=TYPED)
        DraftBox(store.path).drop(moved.article, moved.key, moved.owner)
        await pilot.press("j", "n")  # this window has not seen that highlight yet
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
    assert ann.note == TYPED  # once, not the same words twice
    assert DraftBox(store.path)._read() == {}
