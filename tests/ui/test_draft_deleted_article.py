"""A draft typed in an article that was then deleted from the library never attaches to the
article that gets its id next (SQLite gives a new row the largest id + 1, so deleting the newest
article frees its id, and its highlights' ids, for the next one). The real app driven by the
Pilot on a real SQLite file and a real draft file."""

from __future__ import annotations

from typing import Any

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis

OTHER = (
    "Harbour reopens\n\n"
    "The harbour reopened on Tuesday after the storm. “Ships can come in again,” said the "
    "port director, Lena Berg.\n\nFishermen were relieved.\n"
)


async def test_a_deleted_articles_draft_is_not_offered_in_the_next_article_with_its_id(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    app = make_app(Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "h", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"secret about the first", "escape")
        await pilot.pause()
        first = app.screen.record.id
    (kept,) = DraftBox(store.path).of_article(first)
    assert kept.text == "secret about the first"
    store.delete_article(first)  # what the library's ctrl+d does

    app = make_app(Document(title="Harbour reopens", source="/tmp/x/b.txt", text=OTHER))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
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
