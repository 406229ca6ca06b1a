"""`u` after a new note takes back the highlight it made, never the words typed (found by a
fresh-eyes test: n, a note, ctrl+s, then u said "undo: highlight removed", and the note was
gone for good)."""

from __future__ import annotations

import pytest

from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_undoing_a_new_note_keeps_its_words_as_a_draft(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"check the source", "ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["check the source"]
        await pilot.press("u")
        await pilot.pause()
        assert store.annotations(screen.record.id) == []  # the highlight is taken back
        said = str(screen.query_one("#status-info").content)
        assert said == (
            "undo: new note and its highlight removed · n brings the words back"
            " (reader notes --deleted keeps them)"
        ), said
        await pilot.press("n")  # on the same sentence: the words are offered again
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "check the source"
        assert [d.annotation.note for d in store.deleted_notes()] == ["check the source"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["check the source"]
        assert store.deleted_notes() == []  # stored again: not listed as deleted as well


async def test_undoing_a_plain_highlight_says_only_that(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "h", "u")
        await pilot.pause()
        assert str(screen.query_one("#status-info").content) == "undo: highlight removed"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == ""


async def test_undoing_a_notes_edit_keeps_the_edited_words_as_a_draft(
    make_app, store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"first thought", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", "ctrl+a", *" and a second one", "ctrl+s")
        await pilot.pause()
        notes = [a.note for a in store.annotations(screen.record.id)]
        assert len(notes) == 1 and notes[0] != "first thought", notes
        edited = notes[0]
        await pilot.press("u")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["first thought"]
        said = str(screen.query_one("#status-info").content)
        assert said == (
            "undo: note back to its earlier words · n brings your edit back"
            " (reader notes --deleted keeps them)"
        ), said
        await pilot.press("n")  # the edited words are offered again, not lost
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == edited
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == [edited]
        assert store.deleted_notes() == []  # the edit's words stored: no deleted copy left


async def test_a_draft_of_a_deleted_highlights_note_comes_back_on_its_passage(
    make_app, store: Store
) -> None:
    """Found by a fresh-eyes test: a note's edit kept as a draft (escape), then its highlight
    deleted (`x`): `n` on the same sentence opened an empty editor, the words typed were
    reachable nowhere in the reader, though opening the article said `n` brings them back."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"stored", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", *" and more words", "escape")  # the edit kept as a draft
        await pilot.pause()
        await pilot.press("x", "y")  # it has a note: x asks first
        await pilot.pause()
        assert store.annotations(screen.record.id) == []
        await pilot.press("n")  # on the same sentence
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "stored and more words"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["stored and more words"]
        assert screen.note_drafts == {}


async def test_a_new_notes_draft_comes_back_after_its_sentence_is_highlighted(
    make_app, store: Store
) -> None:
    """Found by a fresh-eyes test: `n`, some words, escape (kept as a draft), then `h` on the
    same sentence and `n` again: the editor of the new highlight opened empty, and the words
    were reachable nowhere in the reader."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "n", *"typed words", "escape", "h")
        await pilot.pause()
        (highlight,) = store.annotations(screen.record.id)
        assert highlight.note == ""
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text == "typed words"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["typed words"]
        assert screen.note_drafts == {}


async def test_undoing_a_note_written_on_a_highlight_says_the_note_is_removed(
    make_app, store: Store
) -> None:
    """Found by a new user: `h`, `n`, a note, ctrl+s, then `u` said "undo: note as it was":
    which note, as it was when? It takes back the new note; the highlight stays."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "h", "n", *"a new thought", "ctrl+s")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == ["a new thought"]
        await pilot.press("u")
        await pilot.pause()
        assert [a.note for a in store.annotations(screen.record.id)] == [""]
        said = str(screen.query_one("#status-info").content)
        assert said == (
            "undo: new note removed · n brings the words back"
            " (reader notes --deleted keeps them)"
        ), said
        await pilot.press("u")
        await pilot.pause()
        assert str(screen.query_one("#status-info").content) == "undo: highlight removed"


async def test_undone_words_are_no_unsaved_draft(make_app, store: Store) -> None:
    """Found by a new user: after `u` on a note's edit, every quit was refused for "1 unsaved
    note", every `reader notes` and every opening named it. The undone words stay for `n` in
    this window only; typed on in an editor, they are a draft like any other."""
    from reader.drafts import DraftBox
    from reader.ui.quit_check import unsaved_notice

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        box = DraftBox(app.store_path)
        await pilot.press("j", "n", *"first thought", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", "ctrl+a", *" and a second one", "ctrl+s", "u")
        await pilot.pause()
        assert unsaved_notice(app) is None
        assert box.of_article(screen.record.id) == []  # nothing for the next opening to name
        await pilot.press("n", "escape")  # opened and left as it was: still only undone
        await pilot.pause()
        said = str(screen.query_one("#status-info").content)
        assert said == (
            "undone words: n on this passage offers them; reader notes --deleted keeps them"
        ), said
        assert unsaved_notice(app) is None and box.of_article(screen.record.id) == []
        await pilot.press("n", *" more", "escape")  # typed on: now an unsaved draft
        await pilot.pause()
        assert [d.text.endswith(" more") for d in box.of_article(screen.record.id)] == [True]
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # refused, and said in the status line, not only a toast
        said = str(screen.query_one("#status-info").content)
        assert said == "not quit yet: 1 unsaved note waits as a draft · quit again to leave"


async def test_undone_words_outlive_the_window(make_app, store: Store) -> None:
    """Found by the app review: `u` on a new note kept its words only in the article window;
    escape to the library threw them away. They go to the deleted notes with the undo, and
    `reader notes --restore` brings them back; an undone edit's words too, beside the note."""
    from reader.ui.screens.library import LibraryScreen

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        article = screen.record.id
        await pilot.press("j", "n", *"check the source", "ctrl+s", "u")
        await pilot.pause()
        await pilot.press("j", "j", "n", *"first thought", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", "ctrl+a", *"and more ", "ctrl+s")
        await pilot.pause()
        edited = [a.note for a in store.annotations(article)]
        assert len(edited) == 1 and "and more" in edited[0], edited
        await pilot.press("u")
        await pilot.pause()
        assert [a.note for a in store.annotations(article)] == ["first thought"]
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    kept = store.deleted_notes()
    assert sorted(d.annotation.note for d in kept) == sorted(["check the source", edited[0]])
    for number in [d.number for d in kept]:
        store.restore_deleted(number)
    notes = sorted(a.note for a in store.annotations(article))
    # the new note on its passage; the edit's words joined to the note they were written on
    assert len(notes) == 2 and "check the source" in notes, notes
    assert any("first thought" in n and "and more" in n for n in notes), notes
