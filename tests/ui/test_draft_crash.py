"""A note being typed survives the reader being killed: the real reader on a pseudo-terminal
gets `n` and some words, then SIGKILL (no chance to save anything); the next reader on the same
library says a draft is waiting, `n` brings the words back and ctrl+s stores them."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from textual import events

from reader.drafts import Draft, DraftBox
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.terminal import REPO, read_until, spawn_reader

from .conftest import toast_texts

TYPED = "typed just before the crash"
SAMPLE = REPO / "reader" / "samples" / "seed.txt"

# Drafts, not the analysis: the sample's analysis is in the library before any reader opens it
# (tests/ui/conftest.py), so neither the Pilot's app nor the reader on the pty starts spaCy.
pytestmark = pytest.mark.usefixtures("sample_analysed")



def _type_then_kill(
    db_path: Path, *args: str, typed: str = TYPED, gap: float = 0.01, pause: float = 2.0
) -> None:
    proc, master = spawn_reader(db_path, 30, 110, args=args)
    try:
        read_until(master, b"Blinken", 90)  # the sample is on screen
        os.write(master, b"n")
        read_until(master, b"ctrl+s save", 30)  # the note editor is open
        for ch in typed:
            os.write(master, ch.encode())
            time.sleep(gap)
        if pause:  # typing has paused: the draft is written out (waited for, up to 5 x pause)
            box, deadline = DraftBox(db_path), time.monotonic() + 5 * pause
            while time.monotonic() < deadline and typed not in (
                d.text for d in box._read().values()
            ):
                time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(master)


async def test_a_note_typed_when_the_reader_is_killed_comes_back(
    make_app: Any, store: Store, db_path: Path
) -> None:
    _type_then_kill(db_path)
    assert store.annotations(1) == [], "nothing was stored: the reader was killed"
    (draft,) = DraftBox(db_path).of_article(1)
    assert draft.text == TYPED

    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause(0.5)
        assert any("Unsaved note kept from before" in t for t in await toast_texts(pilot))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == TYPED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
    (ann,) = store.annotations(1)
    assert ann.note == TYPED
    assert DraftBox(db_path).of_article(1) == []


def test_a_note_typed_without_a_pause_is_kept_while_it_is_typed(db_path: Path) -> None:
    """The draft was written only once typing paused for 0.4 s: six seconds of steady typing
    (a key every 0.1 s, or a held key repeating) and then SIGKILL kept nothing at all. Now
    steady typing is written out at least every second or so."""
    typed = "steady typing that never pauses long enough " * 2
    _type_then_kill(db_path, typed=typed, gap=0.07, pause=0.0)
    drafts = DraftBox(db_path).of_article(1)
    assert drafts, "nothing of six seconds' typing was kept"
    (draft,) = drafts
    # (how far the reader got depends on the machine's load: it also analyses the article)
    assert typed.startswith(draft.text) and len(draft.text) >= 10, draft.text


async def test_a_draft_of_an_edit_outlives_the_window_and_merges_with_later_edits(
    make_app: Any, store: Store, db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", *"one", "ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(1)
        await pilot.press("n", *" two", "escape")  # kept as a draft
        await pilot.pause()
    # Another window edits the stored note meanwhile; the draft was typed over "one".
    store.update_annotation(ann.id, note="zero one")
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause(0.5)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "one two"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = store.annotations(1)
    assert saved.note == "zero one two"


async def test_a_note_saved_after_another_window_deleted_the_article_brings_it_back(
    make_app: Any, store: Store, db_path: Path
) -> None:
    """Found by a fresh-eyes test: with the article deleted in another window, `h` and a new
    note's ctrl+s said "No article with id 3." and the note could never be stored."""
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        old_id = screen.record.id
        other = Store.open(db_path)
        try:
            other.delete_article(old_id)
        finally:
            other.close()
        await pilot.press("n", *"kept all the same", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert any("back in the library" in t for t in await toast_texts(pilot))
        new_id = screen.record.id  # SQLite may give the same id again: the last was deleted
        assert store.get_article(new_id) is not None
        (ann,) = store.annotations(new_id)
        assert ann.note == "kept all the same"
        assert DraftBox(db_path).of_article(old_id) == []
        assert DraftBox(db_path).of_article(new_id) == []


async def test_another_window_on_the_passage_never_drops_a_killed_windows_draft(
    make_app: Any, store: Store, db_path: Path
) -> None:
    """Found by a fresh-eyes test: the draft file kept one draft per passage for every window,
    so a second window that opened `n` on the same passage and closed it (nothing typed), or
    stored its own note there, dropped the first window's draft with its own; the first window
    killed then, its words were nowhere."""
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await pilot.pause(0.5)  # this window is open before the other one types
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        _type_then_kill(db_path, str(SAMPLE), typed="words of the killed window")
        (theirs,) = DraftBox(db_path).of_article(screen.record.id)
        await pilot.press("n")  # a look at the same passage, nothing typed
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n", *"mine", "ctrl+s")  # then a note of this window's own
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
    (ann,) = store.annotations(screen.record.id)
    kept = [d.text for d in DraftBox(db_path).of_article(screen.record.id)]
    assert ann.note == "mine"
    assert kept == ["words of the killed window"], "the killed window's words were dropped"
    assert theirs.key == f"span:{ann.start}:{ann.end}"  # the same passage


def _damage_notes_tables(path: Path) -> None:
    """Real damage under a running reader: every page of the articles and annotations tables
    overwritten, after a write from another connection (so the reader's cache is dropped) and
    a checkpoint (so the pages are read from the main file)."""
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('articles', 'annotations')"
        )]
    conn.close()
    with path.open("r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * size)
            fh.write(b"\x0d" + b"\xa5" * (size - 1))


async def test_a_note_saved_into_a_damaged_database_is_kept_as_a_draft(
    make_app: Any, store: Store, db_path: Path
) -> None:
    """Found by a fresh-eyes test: a damaged database stops the reader at once (exit 2, one
    sentence), and a note typed and saved within the moment before its draft is written
    (a paste, then ctrl+s) was in neither the database nor the draft file."""
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        _damage_notes_tables(db_path)
        # Pasted, not typed key by key: under load a check of the database can stop the reader
        # between two keys, and the keys after that never reach it.
        app.post_message(events.Paste("typed then saved at once"))  # as a bracketed paste
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.fatal_error is not None  # the reader stopped, saying why
    said = str(app.fatal_error)  # and that the words are kept ("changed nothing" read as lost)
    assert said.startswith(f"{db_path}: the database is damaged")
    assert "The note you were typing is kept as a draft" in said
    kept = [d.text for d in DraftBox(db_path).of_article(screen.record.id)]
    assert kept == ["typed then saved at once"]


async def test_a_window_that_only_saw_another_windows_draft_leaves_it_to_that_window(
    make_app: Any, store: Store, db_path: Path, sample_doc: Any
) -> None:
    """A window opened while another types a note, and closed without touching that passage,
    leaves the draft file as the other window has it: once the other window stores its note
    (and forgets its draft), no stale copy is offered later."""
    record = store.save_article(sample_doc)
    box = DraftBox(db_path)
    box.keep(Draft(record.id, "span:0:20", "the other window's words", record.text[:20],
                   span=(0, 20, 1), owner="other"))
    app = make_app()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause(0.5)
        assert isinstance(app.screen, ArticleScreen)
        assert "span:0:20" in app.screen.note_drafts  # offered here too
    box.drop(record.id, "span:0:20", "other")  # the other window stored its note
    assert DraftBox(db_path).of_article(record.id) == []
