"""Two windows on one library offering the same draft (a killed window's, or one moved to an
article deleted and added again): whichever stores it first, the other never loses it nor
stores it a second time. The real app driven by the Pilot on a real SQLite file and draft file;
the other window's moves are made as it makes them (the store and the draft file)."""

from __future__ import annotations

import json
from typing import Any

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis

TYPED = "typed before the delete"


async def _draft_then_delete(make_app: Any, store: Store, doc: Document) -> None:
    app = make_app(doc)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*TYPED, "escape")
        await pilot.pause()
        first = app.screen.record.id
    store.delete_article(first)


async def test_a_moved_draft_stored_in_one_window_is_not_stored_again_from_the_other(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    doc = Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text)
    await _draft_then_delete(make_app, store, doc)
    app = make_app(doc)  # this window, and another one, open the article added again
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (moved,) = screen.note_drafts.values()
        assert moved.text == TYPED and moved.span is not None
        # The other window stores the draft it was offered too (its n, then ctrl+s): the
        # highlight with the note, and the draft's entry dropped from the file.
        start, end, colour = moved.span
        store.highlight(screen.record.id, screen.record.text, start, end, colour, note=TYPED)
        DraftBox(store.path).drop(moved.article, moved.key, moved.owner)
        await pilot.press("j", "n")  # this window has not seen that highlight yet
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
    assert ann.note == TYPED  # once, not the same words twice
    assert DraftBox(store.path)._read() == {}


async def test_a_draft_from_before_engine_21_is_offered_and_kept(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """Draft files written before the article's hash and source were kept (engine 20, and the
    oldest without the article's stamp or an owner either) are still read, offered on the
    article and stored by ctrl+s; an entry whose article was deleted is never dropped."""
    record = store.save_article(sample_doc)
    start = record.text.index("Blinken")
    end = record.text.index(".", start) + 1
    box = DraftBox(store.path)
    box.path.parent.mkdir(parents=True, exist_ok=True)
    old = {
        "article": record.id, "key": f"span:{start}:{end}", "text": "written by engine 20",
        "passage": record.text[start:end], "seen": None, "span": [start, end, 2],
        "updated": "2026-01-01T00:00:00+00:00", "prefix": "", "suffix": "",
        "owner": "a-window", "article_added": record.added,
    }
    oldest = {
        "article": 99, "key": "span:0:4", "text": "of an article deleted long ago",
        "passage": "Some", "span": [0, 4, 1], "updated": "2025-01-01T00:00:00+00:00",
    }
    box.path.write_text(json.dumps({"version": 1, "drafts": [old, oldest]}), "utf-8")
    app = make_app(sample_doc)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        assert any("kept from before" in t for t in await toast_texts(pilot))
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.cursor_to_offset(start)
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "written by engine 20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(record.id)
    assert ann.note == "written by engine 20"
    assert [d.text for d in DraftBox(store.path)._read().values()] == [
        "of an article deleted long ago"
    ]
