"""Pilot tests of the annotation keys (h 1-5 n x u), the Notes tab and the reading position,
against a real SQLite file in tmp_path (the copy keys y and Y: test_app_copy.py)."""

from __future__ import annotations

from typing import Any

import pytest

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis
from tests.ui.notes_tab import type_note

from .conftest import toast_texts

# About the keys once the article is analysed: the sample's analysis comes from the cache.
pytestmark = pytest.mark.usefixtures("sample_analysed")


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_h_highlights_the_current_sentence_and_the_notes_tab_lists_it(
    make_app, store: Store, sample_doc: Document
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("j", "j")
        start, end = screen.view.cursor_span
        await pilot.press("h")
        await pilot.pause()
        saved = store.annotations(screen.record.id)
        assert [(a.start, a.end, a.exact) for a in saved] == [
            (start, end, sample_doc.text[start:end])
        ]
        assert screen.view.highlight_at_cursor() is not None
        from reader.ui.widgets.notes_panel import NotesPanel

        items = screen.query_one(NotesPanel).items
        assert [i.ann_id for i in items] == [saved[0].id]


async def test_a_selection_is_highlighted_and_digits_set_its_colour(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        first = screen.view.cursor_span
        await pilot.press("v", "j", "j")
        span = screen.view.selection_span
        assert span is not None and span[0] == first[0] and span[1] > first[1]
        await pilot.press("h")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
        assert (ann.start, ann.end, ann.color) == (span[0], span[1], 1)
        assert screen.view.selection_span is None
        await pilot.press("k", "k")  # back inside the highlight
        await pilot.press("3")
        assert store.annotations(screen.record.id)[0].color == 3
        await pilot.press("u")
        assert store.annotations(screen.record.id)[0].color == 1


async def test_n_adds_and_edits_a_note_and_u_undoes_the_edit(make_app, store: Store) -> None:
    from reader.ui.screens.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("n")  # no highlight yet: one is created first
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Key claim")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        (ann,) = store.annotations(screen.record.id)
        assert ann.note == "Key claim"
        assert any("Note saved" in t for t in await toast_texts(pilot))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "Key claim"
        await pilot.press(*" (disputed)", "ctrl+s")
        await pilot.pause()
        assert store.annotations(screen.record.id)[0].note == "Key claim (disputed)"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"lost", "escape")  # cancel changes nothing
        await pilot.pause()
        assert store.annotations(screen.record.id)[0].note == "Key claim (disputed)"
        await pilot.press("u")
        assert store.annotations(screen.record.id)[0].note == "Key claim"
        await pilot.press("u")  # the highlight, saved together with its first note
        assert store.annotations(screen.record.id) == []


async def test_x_on_a_note_asks_first_then_deletes_it_and_u_restores_both(
    make_app, store: Store
) -> None:
    """A new user lost a note to one key, with no question; u said only "highlight restored"
    though the note came back too."""
    from reader.ui.screens.confirm import ConfirmDialog

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await type_note(pilot, ("h", "n"), "keep me", "ctrl+s")
        (before,) = store.annotations(screen.record.id)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "keep me" in app.screen.message
        assert "after you quit, reader notes --deleted still has it" in app.screen.message
        await pilot.press("n")  # kept
        await pilot.pause()
        assert app.screen is screen
        assert store.annotations(screen.record.id) == [before]
        await pilot.press("x", "y")
        await pilot.pause()
        assert store.annotations(screen.record.id) == []
        assert screen.view.highlight_at_cursor() is None
        assert "highlight and its note deleted" in info(screen)
        await pilot.press("u")
        (after,) = store.annotations(screen.record.id)
        assert (after.id, after.start, after.end, after.note) == (
            before.id,
            before.start,
            before.end,
            "keep me",
        )
        assert screen.view.highlight_at_cursor() is not None
        assert info(screen) == "undo: highlight and its note restored"


async def test_x_on_a_bare_highlight_deletes_it_at_once_and_help_names_the_note(
    make_app, store: Store
) -> None:
    from reader.ui.screens.help import collect_bindings

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("h", "x")
        await pilot.pause()
        assert app.screen is screen
        assert store.annotations(screen.record.id) == []
        await pilot.press("u")
        assert info(screen) == "undo: highlight restored"
        rows = [row for _, rows in collect_bindings(screen) for row in rows]
        assert ("x", "Delete highlight (and its note)") in rows


async def test_choosing_a_note_in_the_notes_tab_jumps_to_it(make_app, store: Store) -> None:
    from reader.ui.widgets.notes_panel import NotesPanel

    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("h")
        await pilot.press("G")  # bottom of the article
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        late = max(store.annotations(screen.record.id), key=lambda a: a.start)
        await pilot.press("g")
        await pilot.pause()
        assert screen.view.top_offset == 0
        await pilot.press("t", "t")
        panel = screen.query_one(NotesPanel)
        options = panel.option_list
        options.focus()
        options.highlighted = options.get_option_index(str(late.id))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.cursor_span[0] <= late.start < screen.view.cursor_span[1]
        assert screen.view.top_offset > 0


async def test_reading_position_is_saved_on_quit_and_restored(make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        article_id = screen.record.id
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        offset = screen.view.top_offset
        assert offset > 0
        await pilot.press("ctrl+q")
    assert store.get_article(article_id).position == offset

    from reader.ui.app import ReaderApp

    again = ReaderApp(store=store, article_id=article_id)
    async with again.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        assert article(again).view.top_offset == offset


async def test_notes_whose_passage_is_gone_are_listed_as_orphans(
    make_app, store: Store, sample_doc: Document
) -> None:
    from reader.ui.widgets.notes_panel import NotesPanel

    source = "/articles/blinken.txt"  # a file: the same source read again keeps its notes
    original = Document(title=sample_doc.title, source=source, text=sample_doc.text)
    record = store.save_article(original)
    sentence_end = sample_doc.text.index("\n")
    store.add_annotation(record.id, sample_doc.text, 0, sentence_end, note="about the visit")
    changed = Document(
        title=sample_doc.title, source=source, text=sample_doc.text[sentence_end:].lstrip()
    )
    app = make_app(changed)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        items = screen.query_one(NotesPanel).items
        assert [(i.note, i.orphaned) for i in items] == [("about the visit", True)]
        assert "not found" in str(screen.query_one("#status-info").content)


async def test_an_orphan_shows_the_words_it_was_written_about(
    make_app, store: Store, sample_doc: Document
) -> None:
    """Found by a new user: a note whose passage changed a word, then went, listed the changed
    words ("cheaper"), which it was never written about; its export already cites the written
    ones."""
    from reader.ui.widgets.notes_panel import NotesPanel

    source = "/articles/blinken.txt"
    text = sample_doc.text
    end = text.index("\n")
    first = text[:end]
    store.save_article(Document(title=sample_doc.title, source=source, text=text))
    record = store.save_article(Document(title=sample_doc.title, source=source, text=text))
    store.add_annotation(record.id, text, 0, end, note="about the visit")
    word = next(w for w in first.split() if len(w) > 5 and w.isalpha())
    edited = text.replace(word, "Zanzibar", 1)
    store.save_article(Document(title=sample_doc.title, source=source, text=edited))
    gone = Document(title=sample_doc.title, source=source, text=edited[end:].lstrip())
    app = make_app(gone)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        (item,) = article(app).query_one(NotesPanel).items
        assert item.orphaned
        assert item.passage == first, item.passage


async def test_escape_goes_to_the_library_and_reopening_restores_the_position(
    make_app, store: Store
) -> None:
    from reader.ui.screens.library import LibraryScreen

    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("pagedown", "pagedown", "pagedown")
        offset = screen.view.top_offset
        assert offset > 0
        await pilot.press("escape", "escape")  # the first says the second leaves
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert store.get_article(screen.record.id).position == offset
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        reopened = article(app)
        assert reopened is not screen
        assert reopened.view.top_offset == offset


async def test_h_on_a_highlighted_passage_adds_no_duplicate(make_app, store: Store) -> None:
    """The QA run: G k h h, then v w h — one highlight, and x removes it from the screen."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("G", "k", "h")
        await pilot.pause()
        (first,) = store.annotations(screen.record.id)
        await pilot.press("h")
        await pilot.pause()
        assert "already highlighted" in info(screen)
        assert store.annotations(screen.record.id) == [first]
        await pilot.press("v", "j", "w")  # the sentence and the next word: extends the highlight
        selected = screen.view.selection_span
        assert selected is not None and selected[0] == first.start < first.end < selected[1]
        await pilot.press("h")
        await pilot.pause()
        (grown,) = store.annotations(screen.record.id)
        assert (grown.id, grown.start, grown.end) == (first.id, first.start, selected[1])
        assert screen.view.selection_span is None
        await pilot.press("x")
        assert store.annotations(screen.record.id) == []
        assert screen.view.highlight_at_cursor() is None


async def test_h_over_part_of_a_highlight_extends_it_and_u_undoes(
    make_app, store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("j", "j")
        second = screen.view.cursor_span
        await type_note(pilot, ("h", "n"), "the reply", "ctrl+s")
        (before,) = store.annotations(screen.record.id)
        await pilot.press("k")
        first = screen.view.cursor_span
        await pilot.press("v", "j", "j", "h")  # the sentence before and the highlighted one
        await pilot.pause()
        (merged,) = store.annotations(screen.record.id)
        assert (merged.id, merged.start, merged.end) == (before.id, first[0], second[1])
        assert (merged.note, merged.color) == ("the reply", before.color)
        assert "extended" in info(screen)
        await pilot.press("u")
        assert store.annotations(screen.record.id) == [before]


async def test_x_removes_every_stacked_copy_of_a_highlight(
    make_app, store: Store, sample_doc: Document
) -> None:
    """Databases written before duplicates were refused may hold several on one span."""
    record = store.save_article(sample_doc)
    end = sample_doc.text.index("\n")
    copies = [store.add_annotation(record.id, sample_doc.text, 0, end) for _ in range(2)]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("g", "x")
        assert store.annotations(record.id) == []
        assert screen.view.highlight_at_cursor() is None
        await pilot.press("u")
        assert store.annotations(record.id) == copies


async def test_x_on_stacked_highlights_with_notes_counts_every_note(
    make_app, store: Store, sample_doc: Document
) -> None:
    """The question named only the first note and said "its note" though x deletes all."""
    from reader.ui.screens.confirm import ConfirmDialog

    record = store.save_article(sample_doc)
    end = sample_doc.text.index("\n")
    for note in ("first thought", "second thought"):
        store.add_annotation(record.id, sample_doc.text, 0, end, note=note)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("g", "x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        message = app.screen.message
        assert "2 notes" in message and "1 more" in message and "its note “" not in message
        await pilot.press("y")
        await pilot.pause()
        assert store.annotations(record.id) == []
        assert "its 2 notes deleted" in info(screen)


async def test_cancelling_a_new_note_leaves_no_highlight(make_app, store: Store) -> None:

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await type_note(pilot, ("n",), "abc", "escape")
        assert store.annotations(screen.record.id) == []
        await pilot.press("n")  # the draft comes back; emptied and saved, it is no note either
        await pilot.pause()
        assert app.screen.text == "abc"
        await pilot.press("backspace", "backspace", "backspace", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert store.annotations(screen.record.id) == []
        assert screen.view.highlight_at_cursor() is None
        await pilot.press("v", "j", "n")  # a selection: kept while the note is being written
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view.selection_span is not None
        assert store.annotations(screen.record.id) == []
        await pilot.press("u")
        assert "nothing to undo" in info(screen)


async def test_cancelling_the_note_of_a_highlight_keeps_it_unchanged(
    make_app, store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("h")
        await pilot.pause()
        (before,) = store.annotations(screen.record.id)
        for keys in (["escape"], ["ctrl+s"], [*"abc", "escape"]):
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            assert store.annotations(screen.record.id) == [before]
