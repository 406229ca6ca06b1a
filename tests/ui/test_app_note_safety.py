"""Pilot tests: a note is never lost, whether another window (a second connection to the same
SQLite file) saved the same note first, highlighted the same sentence first, or the database
stayed locked when ctrl+s was pressed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from reader.sources import Document
from reader.store import Store
from reader.store.merge import CONFLICT_LINE
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis

from .conftest import toast_texts

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


@contextmanager
def other_window(db_path: Path) -> Iterator[Store]:
    """Another reader on the same database file: its own connection."""
    other = Store.open(db_path)
    try:
        yield other
    finally:
        other.close()


@contextmanager
def locked(db_path: Path) -> Iterator[None]:
    """Another program holding the write lock (BEGIN EXCLUSIVE) until the block ends."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def open_note_on_first_sentence(pilot: Any, store: Store, note: str) -> Any:
    """Highlight the sentence under the cursor with `note`; returns the annotation."""
    await wait_for_analysis(pilot)
    screen = article(pilot.app)
    await pilot.press("n")
    await pilot.pause()
    await pilot.press(*note, "ctrl+s")
    await pilot.pause()
    (ann,) = store.annotations(screen.record.id)
    return ann


async def test_a_save_never_overwrites_an_edit_made_in_another_window(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await open_note_on_first_sentence(pilot, store, "first")
        await pilot.press("n")  # this window's editor is open on "first" ...
        await pilot.pause()
        with other_window(db_path) as a:  # ... when the other window stores its edit
            a.update_annotation(ann.id, note="first + edit by A")
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "first"
        await pilot.press(*" + edit by B", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        (saved,) = store.annotations(ann.article_id)
        assert "edit by A" in saved.note and "edit by B" in saved.note
        assert saved.note == "first + edit by A + edit by B"
        assert any("another window" in m for m in await toast_texts(pilot))
        # The window now shows the merged note, and undo goes back to A's text, not "first".
        await pilot.press("u")
        assert store.annotations(ann.article_id)[0].note == "first + edit by A"


async def test_two_rewrites_of_the_same_words_keep_both_texts(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await open_note_on_first_sentence(pilot, store, "check this claim")
        await pilot.press("n")
        await pilot.pause()
        with other_window(db_path) as a:  # stored while this window's editor is open
            a.update_annotation(ann.id, note="verified by phone")
        await pilot.press(*["backspace"] * len("check this claim"), *"probably false")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = store.annotations(ann.article_id)
        assert saved.note == f"verified by phone\n\n{CONFLICT_LINE}\nprobably false"
        assert any("both texts are kept" in m for m in await toast_texts(pilot))


async def test_undo_does_not_overwrite_an_edit_made_in_another_window(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await open_note_on_first_sentence(pilot, store, "mine")
        with other_window(db_path) as a:
            a.update_annotation(ann.id, note="mine, and theirs")
        await pilot.press("u")  # would delete the highlight with the other window's note
        await pilot.pause()
        (kept,) = store.annotations(ann.article_id)
        assert kept.note == "mine, and theirs"
        assert any("nothing was undone" in m for m in await toast_texts(pilot))


async def test_a_new_note_on_a_sentence_another_window_highlighted_makes_one_highlight(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        start, end = screen.view.cursor_span
        await pilot.press("n")  # this window sees no highlight here yet
        await pilot.pause()
        await pilot.press(*"from B")
        with other_window(db_path) as a:
            done = a.highlight(screen.record.id, screen.record.text, start, end)
            a.update_annotation(done.annotation.id, note="from A")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (only,) = store.annotations(screen.record.id)
        assert (only.start, only.end) == (start, end)
        assert only.note == "from A\n\nfrom B"


async def test_a_save_that_meets_a_locked_database_keeps_the_editor_open(
    tmp_path: Path, sample_doc: Document, analysed: Any
) -> None:
    from reader.ui.app import ReaderApp

    db_path = tmp_path / "locked.db"
    store = Store.open(db_path, timeout=0.2)
    analysed(sample_doc, into=store)
    app = ReaderApp(store=store, document=sample_doc)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for_analysis(pilot)
            screen = article(app)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"typed while locked")
            with locked(db_path):
                await pilot.press("ctrl+s")
                await pilot.pause()
                editor = app.screen
                assert isinstance(editor, NoteEditor)
                assert editor.text == "typed while locked"
                assert "locked" in str(editor.query_one("#note-error").render())
            assert store.annotations(screen.record.id) == []
            await pilot.press("ctrl+s")  # the lock is gone: saved now
            await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            assert [a.note for a in store.annotations(screen.record.id)] == [
                "typed while locked"
            ]
    finally:
        store.close()


async def test_a_note_whose_save_failed_is_offered_again_after_escape(
    tmp_path: Path, sample_doc: Document, analysed: Any
) -> None:
    from reader.ui.app import ReaderApp

    db_path = tmp_path / "locked.db"
    store = Store.open(db_path, timeout=0.2)
    analysed(sample_doc, into=store)
    app = ReaderApp(store=store, document=sample_doc)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            ann = await open_note_on_first_sentence(pilot, store, "saved")
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*" and more")
            with locked(db_path):
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert isinstance(app.screen, NoteEditor)
                await pilot.press("escape")
                await pilot.pause()
            assert isinstance(app.screen, ArticleScreen)
            assert store.annotations(ann.article_id)[0].note == "saved"
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor)
            assert app.screen.text == "saved and more"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.annotations(ann.article_id)[0].note == "saved and more"
    finally:
        store.close()


async def test_x_does_not_delete_a_note_changed_in_another_window(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        ann = await open_note_on_first_sentence(pilot, store, "mine")
        with other_window(db_path) as a:
            a.update_annotation(ann.id, note="mine, and an answer from the other window")
        await pilot.press("x", "y")  # it has a note: x asks first
        await pilot.pause()
        (kept,) = store.annotations(ann.article_id)
        assert kept.note == "mine, and an answer from the other window"
        assert any("nothing was deleted" in m for m in await toast_texts(pilot))
        await pilot.press("x", "y")  # now this window has seen it: deleted
        await pilot.pause()
        assert store.annotations(ann.article_id) == []


async def test_a_note_typed_on_a_text_another_window_replaced_lands_on_the_new_text(
    make_app, store: Store, db_path: Path, sample_doc: Document
) -> None:
    from dataclasses import replace

    doc = replace(sample_doc, source="/news/sample.txt")
    app = make_app(doc)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        start, end = screen.view.cursor_span
        passage = doc.text[start:end]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"typed on the old text")
        with other_window(db_path) as a:  # reopens the same path, now with a new first line
            a.save_article(replace(doc, text="Updated at noon.\n\n" + doc.text))
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
        current = store.get_article(screen.record.id).text
        assert current[ann.start : ann.end] == passage
        assert ann.note == "typed on the old text" and not ann.orphaned
        assert any("changed in another window" in m for m in await toast_texts(pilot))


async def test_a_draft_saved_later_still_merges_with_what_changed_meanwhile(
    tmp_path: Path, sample_doc: Document, analysed: Any
) -> None:
    from reader.ui.app import ReaderApp

    db_path = tmp_path / "locked.db"
    store = Store.open(db_path, timeout=0.2)
    analysed(sample_doc, into=store)
    app = ReaderApp(store=store, document=sample_doc)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            ann = await open_note_on_first_sentence(pilot, store, "base")
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*" mine")
            with locked(db_path):
                await pilot.press("ctrl+s")
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
            with other_window(db_path) as a:
                a.update_annotation(ann.id, note="theirs: base")
            await pilot.press("3")  # any change reloads this window's annotations
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor) and app.screen.text == "base mine"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert store.annotations(ann.article_id)[0].note == "theirs: base mine"
    finally:
        store.close()


async def test_a_save_that_meets_a_full_database_keeps_the_editor_open(
    make_app, store: Store
) -> None:
    """SQLite's own "database or disk is full", made real by capping the file's pages."""
    from textual.widgets import TextArea

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("n")
        await pilot.pause()
        long_note = "A long note that does not fit. " * 400
        app.screen.query_one(TextArea).insert(long_note)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.text == long_note
        assert "full" in str(editor.query_one("#note-error").render())
        store.db.execute("PRAGMA max_page_count = 1073741823")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert [a.note for a in store.annotations(screen.record.id)] == [long_note.rstrip()]


async def test_ctrl_q_while_typing_a_note_stores_it_and_stays_when_it_cannot(
    tmp_path: Path, sample_doc: Document, analysed: Any
) -> None:
    from reader.ui.app import ReaderApp

    db_path = tmp_path / "quit.db"
    store = Store.open(db_path, timeout=0.2)
    analysed(sample_doc, into=store)
    app = ReaderApp(store=store, document=sample_doc)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for_analysis(pilot)
            article_id = article(app).record.id
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"typed, then quit")
            with locked(db_path):
                await pilot.press("ctrl+q")  # the first says the note is not stored yet
                await pilot.pause()
                await pilot.press("ctrl+q")  # the second tries to store it: locked
                await pilot.pause()
                assert isinstance(app.screen, NoteEditor)  # still running, text still there
                assert app.screen.text == "typed, then quit"
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert app.return_code == 0
        assert [a.note for a in store.annotations(article_id)] == ["typed, then quit"]
    finally:
        store.close()
