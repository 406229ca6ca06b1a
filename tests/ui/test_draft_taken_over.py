"""Found by a new user with two windows: window B took over window A's live draft (enter on
its card, ctrl+s) while A's editor on it was still open; A then saved, and the note held the
words twice (B's stored note had A's words, and A's save added them again). A's save now adds
only what A typed since the take-over: nothing typed is lost, nothing doubled. Window A is the
real app on a real SQLite file and draft file; B's take-over is done as B does it, through
the store and the draft file (its note stored, A's entry dropped)."""

from __future__ import annotations

from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.reading import reading

pytestmark = pytest.mark.usefixtures("sample_analysed")


def _take_over(store: Store, screen: ArticleScreen, note: str) -> None:
    """Window B: A's draft taken (its words and more), stored, A's entry dropped."""
    (draft,) = DraftBox(store.path).of_article(1)
    assert draft.owner == screen.draft_owner
    if draft.span is not None:
        start, end, _ = draft.span
        store.highlight(1, screen.record.text, start, end, note=note)
    else:
        (ann,) = store.annotations(1)
        store.save_note(ann, note)
    DraftBox(store.path).drop(draft.article, draft.key, draft.owner)


async def test_a_new_note_taken_over_and_stored_elsewhere_is_not_doubled(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"words of A")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.keep_draft()  # as a pause in typing does
        _take_over(store, screen, "words of A and of B")
        await pilot.press(*" and more of A", "ctrl+s")
        await pilot.pause()
    (note,) = [a.note for a in store.annotations(1)]
    assert note.count("words of A") == 1, note
    assert "and of B" in note and "and more of A" in note, note


async def test_an_edit_taken_over_and_stored_elsewhere_is_merged_once(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"first", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", "end", *" words of A")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.text == "first words of A"
        editor.keep_draft()
        _take_over(store, screen, "first words of A then B's")
        await pilot.press(*" and more", "ctrl+s")
        await pilot.pause()
    (note,) = [a.note for a in store.annotations(1)]
    assert note.count("words of A") == 1, note
    assert "then B's" in note and "and more" in note, note


async def test_an_entry_gone_with_no_note_holding_its_words_saves_all_typed(
    make_app: Any, store: Store
) -> None:
    """The entry left the draft file but no note holds the words (not a take-over that was
    stored): the save is of every word typed, never only those typed since."""
    async with reading(make_app) as (app, pilot):
        await pilot.press("j", "n", *"words of A")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.keep_draft()
        (draft,) = DraftBox(store.path).of_article(1)
        DraftBox(store.path).drop(draft.article, draft.key, draft.owner)
        await pilot.press(*" and more", "ctrl+s")
        await pilot.pause()
    assert [a.note for a in store.annotations(1)] == ["words of A and more"]


async def test_an_edit_that_deletes_words_is_stored_when_its_entry_goes_unstored(
    make_app: Any, store: Store
) -> None:
    """The entry left the draft file with nothing stored (the window that took it discarded
    it): words deleted from a note are what is kept, and so part of the stored note, which
    was taken as proof that another window had stored them, and the deletion was undone."""
    async with reading(make_app) as (app, pilot):
        await pilot.press("j", "n", *"Meeting at 5, bring slides", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", "end", *["backspace"] * len(", bring slides"))
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.text == "Meeting at 5"
        editor.keep_draft()
        (draft,) = DraftBox(store.path).of_article(1)
        DraftBox(store.path).drop(draft.article, draft.key, draft.owner)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [a.note for a in store.annotations(1)] == ["Meeting at 5"]
