"""x on a card of the Notes tab acts on that card. A new user pressed x on a "Draft ·" card and
the STORED highlight and note on the same passage were deleted, the draft kept: x on a draft's
card discards the draft only, says so, and u brings its words back. The real app driven by the
Pilot on a real SQLite file and a real draft file."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.notes_tab import on_card, shown_card_ids, stored_note_and_unsaved_edit, type_note
from tests.ui.reading import reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def _info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def test_x_on_a_draft_card_discards_the_draft_not_the_stored_note(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        screen, panel, ann = await stored_note_and_unsaved_edit(pilot, store)
        draft_id = f"draft:ann:{ann.id}"
        assert shown_card_ids(panel) == [str(ann.id), draft_id]

        await on_card(pilot, panel, draft_id)
        await pilot.press("x")
        await pilot.pause()
        # The stored highlight and its note stay; the draft is gone, from the file too.
        (kept,) = store.annotations(screen.record.id)
        assert (kept.id, kept.note) == (ann.id, "stored words")
        assert shown_card_ids(panel) == [str(ann.id)]
        assert DraftBox(store.path)._read() == {}
        assert "discarded" in _info(screen) and "u brings it back" in _info(screen)

        await pilot.press("u")
        await pilot.pause()
        assert shown_card_ids(panel) == [str(ann.id), draft_id]
        (back,) = DraftBox(store.path)._read().values()
        assert back.text == "stored words and more"
        assert "draft brought back" in _info(screen)
        assert [a.note for a in store.annotations(screen.record.id)] == ["stored words"]

        # The draft's words open again from its card.
        option_list = panel.option_list
        option_list.highlighted = option_list.get_option_index(draft_id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "stored words and more"


async def test_x_on_a_new_notes_draft_card_discards_it(make_app: Any, store: Store) -> None:
    async with reading(make_app) as (app, pilot):
        await pilot.press("j", "h")  # a highlight without a note, under the cursor
        await type_note(pilot, ("down", "down", "n"), "a new note", "escape")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(NotesPanel)
        (draft_id,) = [i for i in shown_card_ids(panel) if i and i.startswith("draft:")]
        before = store.annotations(screen.record.id)
        await on_card(pilot, panel, draft_id)
        await pilot.press("x")
        await pilot.pause()
        assert store.annotations(screen.record.id) == before
        assert draft_id not in shown_card_ids(panel)
        assert "“a new note” discarded" in _info(screen)


async def test_x_on_a_stored_notes_card_deletes_that_highlight(
    make_app: Any, store: Store
) -> None:
    """The list's card, not the highlight the article's cursor was left on."""
    async with reading(make_app) as (app, pilot):
        await pilot.press("j", "h", "n", *"first", "ctrl+s")
        await pilot.pause()
        await pilot.press("down", "down", "down", "h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        first, second = sorted(store.annotations(screen.record.id), key=lambda a: a.start)
        assert screen._annotation_at_cursor() == second
        panel = screen.query_one(NotesPanel)
        await on_card(pilot, panel, str(first.id))
        await pilot.press("x", "y")  # it has a note: x asks first
        await pilot.pause()
        assert [a.id for a in store.annotations(screen.record.id)] == [second.id]
        assert "highlight and its note deleted" in _info(screen)
