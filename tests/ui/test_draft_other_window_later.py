"""Found by a new user with two windows on one article: window A typed a note and escaped
(a draft); window B, open since before, never listed it, and `n` on that passage in B opened an
empty editor. B now looks at the draft file as it looks for stored notes (every few seconds,
on the Notes tab, on `n`), lists A's draft, and `n` there offers it, saying whose it is;
storing it in B takes it from A (A's entry goes), and A's `n` then shows the stored note once,
not the stored words and its own draft's again. Window A is a real process running now."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.notes_tab import type_note
from tests.ui.other_window import TYPED, keep_first_line_draft, window_a

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_a_draft_typed_in_another_window_since_is_offered_and_taken_over(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    record = store.save_article(sample_doc)
    with window_a() as owner:
        app = make_app()
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for_analysis(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.note_drafts == {}  # B has read the draft file: nothing yet
            keep_first_line_draft(store, record, owner)  # A types, then escapes: its draft
            await pilot.press("t", "t")  # Speakers, Entities, Notes
            await pilot.pause()
            panel = screen.query_one(NotesPanel)
            card = panel.option_list.get_option_at_index(0).prompt.plain  # type: ignore[union-attr]
            assert card.lstrip().startswith("Other window’s draft"), card
            screen.view.focus()
            screen.view.cursor_to_offset(0)
            await pilot.press("n")
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, NoteEditor)
            assert editor.text == TYPED
            told = " ".join(await toast_texts(pilot))
            assert "Another window’s unsaved note" in told, told
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert [a.note for a in store.annotations(record.id)] == [TYPED]
        assert DraftBox(store.path).of_article(record.id) == []  # taken from A


async def test_a_draft_stored_by_another_window_is_not_shown_twice(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """A's side: B stored A's draft with words added; A's `n` at once (before its next look
    at the file) showed "… (B)" and then its own draft's words again."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.focus()
        await type_note(pilot, ("j", "n"), "about CRISPR", "escape")  # A's draft
        (draft,) = DraftBox(store.path).of_article(screen.record.id)
        start, end, _colour = draft.span
        # B stores it, words added, and drops A's entry (as B's forget_draft does).
        with Store.open(store.path) as window_b:  # B's own connection
            window_b.add_annotation(screen.record.id, screen.record.text, start, end,
                                    note="about CRISPR (B)")
        DraftBox(store.path).drop(draft.article, draft.key, draft.owner)
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "about CRISPR (B)"
