"""Two windows on one library: a note stored in window A is what window B shows and edits,
without reopening the article (on `n`, on the Notes tab, and on a look every few seconds);
both texts are kept under the line only when both windows really changed the note. The real
app on a real SQLite file, the other window a second connection to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.store import Store
from reader.store.merge import CONFLICT_LINE
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import until_look, wait_for_analysis

from .conftest import toast_texts

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def _stored_note(pilot: Any, store: Store, note: str) -> Any:
    """Window B highlights the sentence under the cursor with `note`; returns it as stored."""
    await wait_for_analysis(pilot)
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*note, "ctrl+s")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    (ann,) = store.annotations(screen.record.id)
    return ann


def _store_in_window_a(db_path: Path, ann_id: int, note: str) -> None:
    other = Store.open(db_path)
    try:
        other.update_annotation(ann_id, note=note)
    finally:
        other.close()


def _listed_notes(screen: ArticleScreen) -> list[str]:
    return [item.note for item in screen.query_one(NotesPanel).items if not item.draft]


async def test_n_opens_the_note_as_window_a_stored_it_and_adding_is_no_conflict(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await _stored_note(pilot, store, "first thoughts")
        _store_in_window_a(db_path, ann.id, "rewritten in window A")
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "rewritten in window A"  # was "first thoughts": stale
        await pilot.press(*", then B", "ctrl+s")
        await pilot.pause()
        (saved,) = store.annotations(ann.article_id)
        assert saved.note == "rewritten in window A, then B"
        assert CONFLICT_LINE not in saved.note
        assert not any("both texts" in m for m in await toast_texts(pilot))


async def test_the_notes_tab_and_a_look_every_few_seconds_show_window_a_s_note(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        ann = await _stored_note(pilot, store, "first thoughts")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert _listed_notes(screen) == ["first thoughts"]
        _store_in_window_a(db_path, ann.id, "changed by A")
        # No key pressed: the periodic look shows it.
        await until_look(pilot, lambda: _listed_notes(screen) == ["changed by A"])
        assert _listed_notes(screen) == ["changed by A"]
        _store_in_window_a(db_path, ann.id, "changed by A again")
        await pilot.press("t", "t")  # the Notes tab shown (Speakers, Entities, Notes)
        await pilot.pause()
        assert _listed_notes(screen) == ["changed by A again"]
        assert [a.note for a in screen.annotations] == ["changed by A again"]


async def test_an_editor_open_while_window_a_stores_keeps_both_only_when_both_rewrote(
    make_app, store: Store, db_path: Path
) -> None:
    """The editor keeps the note it opened on (a refresh under it changes nothing there);
    its save merges with A's: B's rewrite and A's rewrite are both kept, under the line."""
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await _stored_note(pilot, store, "check this claim")
        await pilot.press("n")
        await pilot.pause()
        _store_in_window_a(db_path, ann.id, "verified by phone")
        under = pilot.app.screen_stack[-2]  # the article screen, under the editor
        assert isinstance(under, ArticleScreen)
        # The look runs under the open editor: the screen below has A's words.
        notes = ["verified by phone"]
        await until_look(pilot, lambda: [a.note for a in under.annotations] == notes)
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.text == "check this claim"
        await pilot.press(*["backspace"] * len("check this claim"), *"probably false")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.annotations(ann.article_id)
        assert saved.note == f"verified by phone\n\n{CONFLICT_LINE}\nprobably false"


async def test_another_windows_reading_position_does_not_read_every_note_again(
    make_app, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window saves its reading position every few seconds; an article may hold thousands
    of notes (a tenth of a second to read): the look reads them only when they changed."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        ann = await _stored_note(pilot, store, "first thoughts")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        reads: list[int] = []
        read = Store.annotations

        def counted(self: Store, article_id: int) -> Any:
            reads.append(article_id)
            return read(self, article_id)

        monkeypatch.setattr(Store, "annotations", counted)
        other = Store.open(db_path)
        try:
            other.set_position(ann.article_id, 120)
            screen.refresh_annotations()
            assert reads == []
            other.update_annotation(ann.id, note="changed by A")
            screen.refresh_annotations()
            assert reads == [ann.article_id]
            assert _listed_notes(screen) == ["changed by A"]
        finally:
            other.close()
