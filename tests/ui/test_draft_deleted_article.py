"""A draft typed in an article that was then deleted from the library never attaches to the
article that gets its id next (SQLite gives a new row the largest id + 1, so deleting the newest
article frees its id, and its highlights' ids, for the next one). The real app driven by the
Pilot on a real SQLite file and a real draft file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.notes_tab import type_note
from tests.ui.reading import analysed_without_quotes, reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")

OTHER = (
    "Harbour reopens\n\n"
    "The harbour reopened on Tuesday after the storm. “Ships can come in again,” said the "
    "port director, Lena Berg.\n\nFishermen were relieved.\n"
)


async def test_a_deleted_articles_draft_is_not_offered_in_the_next_article_with_its_id(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    async with reading(
        make_app, Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text),
    ) as (app, pilot):
        await type_note(pilot, ("j", "h", "n"), "secret about the first", "escape")
        first = app.screen.record.id
    (kept,) = DraftBox(store.path).of_article(first)
    assert kept.text == "secret about the first"
    store.delete_article(first)  # what the library's ctrl+d does

    analysed_without_quotes(store, OTHER)  # about the drafts, not the quotes
    async with reading(
        make_app, Document(title="Harbour reopens", source="/tmp/x/b.txt", text=OTHER),
        notifications=True,
    ) as (app, pilot):
        assert app.screen.record.id == first  # the id is reused: the case at stake
        assert not any("kept from before" in t for t in await toast_texts(pilot))
        await pilot.press("j", "h", "n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == ""  # not the other article's words
        await pilot.press(*"harbour note", "ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(first)
    assert ann.note == "harbour note"
    # The deleted article's words are still in the draft file, never dropped.
    assert any(d.text == "secret about the first" for d in DraftBox(store.path)._read().values())


async def test_a_draft_follows_its_article_deleted_and_added_again(
    make_app: Any, store: Store, sample_doc: Document, analysed: Callable[..., None]
) -> None:
    """Deleted by mistake and opened again from its file: the article came back with a new
    stamp (and perhaps a new id), so its draft stayed in the draft file, never offered."""
    doc = Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text)
    async with reading(make_app, doc) as (app, pilot):
        await type_note(pilot, ("j", "h", "n"), "typed before the delete", "escape")
        first = app.screen.record.id
    store.delete_article(first)
    assert store.get_article(first) is None
    analysed(doc)  # the delete dropped its cached analysis: the session's, not spaCy again

    app = make_app(doc)  # opened again from the same file
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        again = app.screen.record
        assert any("kept from before" in t for t in await toast_texts(pilot))
        await pilot.press("j", "h", "n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "typed before the delete"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(again.id)
    assert ann.note == "typed before the delete"
    assert DraftBox(store.path)._read() == {}  # stored, so no longer a draft


async def test_an_edit_of_a_deleted_highlight_follows_the_changed_file_as_a_new_note(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """The draft of a note's edit, its article deleted, the file changed and opened again:
    the highlight went with the article (its id may be another's now), so the words wait as
    a new note's draft on the passage, wherever the passage moved."""
    doc = Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text)
    async with reading(make_app, doc) as (app, pilot):
        await type_note(pilot, ("j", "h", "n"), "stored", "ctrl+s")
        (ann,) = store.annotations(app.screen.record.id)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" and edited", "escape")
        await pilot.pause()
        first = app.screen.record.id
    (kept,) = DraftBox(store.path).of_article(first)
    assert kept.key == f"ann:{ann.id}" and kept.text == "stored and edited"
    store.delete_article(first)

    changed = Document(title=doc.title, source=doc.source, text="A line put first.\n\n" + doc.text)
    analysed_without_quotes(store, changed.text)
    async with reading(make_app, changed, notifications=True) as (app, pilot):
        record = app.screen.record
        assert any("kept from before" in t for t in await toast_texts(pilot))
        shift = len("A line put first.\n\n")
        (moved,) = DraftBox(store.path).of_article(record.id, record.added)
    assert moved.text == "stored and edited"
    assert moved.span == (ann.start + shift, ann.end + shift, ann.color)
    assert record.text[moved.span[0]:moved.span[1]] == ann.exact
    assert len(DraftBox(store.path)._read()) == 1  # moved, not copied


async def test_a_new_notes_draft_stays_in_the_file_when_its_article_gets_its_id_back(
    make_app: Any, store: Store, sample_doc: Document, analysed: Callable[..., None]
) -> None:
    """The newest article deleted and added again gets the same id (SQLite reuses it), so the
    moved draft has the same entry as before: dropping the old entry after writing the moved
    one dropped both, and the draft lived only in the window (a crash lost it)."""
    doc = Document(title=sample_doc.title, source="/tmp/x/b.txt", text=sample_doc.text)
    async with reading(make_app, doc) as (app, pilot):
        await type_note(pilot, ("j", "n"), "typed on no highlight", "escape")
        first = app.screen.record.id
    store.delete_article(first)
    analysed(doc)  # the delete dropped its cached analysis: the session's, not spaCy again

    async with reading(make_app, doc, notifications=True) as (app, pilot):
        assert app.screen.record.id == first  # the id came back
        assert any("kept from before" in t for t in await toast_texts(pilot))
        kept = DraftBox(store.path)._read()
        assert [d.text for d in kept.values()] == ["typed on no highlight"]
