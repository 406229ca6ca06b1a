"""Draft files written before engine 21 (no article hash nor source; the oldest without the
article's stamp or an owner either) are still read, offered and stored, and never dropped; one
of an article deleted and added again follows it by its passage and the text around it. The
real app driven by the Pilot on a real SQLite file and a real draft file."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.reading import reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


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
    async with reading(make_app, sample_doc, notifications=True) as (app, pilot):
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


async def test_an_engine_20_draft_follows_its_article_deleted_and_added_again(
    make_app: Any, store: Store, sample_doc: Document, analysed: Callable[..., None]
) -> None:
    """No hash nor source to follow: the passage with the text kept around it finds it."""
    record = store.save_article(sample_doc)
    start = record.text.index("Blinken")
    end = record.text.index(".", start) + 1
    from reader.anchoring import selector_for

    sel = selector_for(record.text, start, end)
    box = DraftBox(store.path)
    box.path.parent.mkdir(parents=True, exist_ok=True)
    old = {
        "article": record.id, "key": f"span:{start}:{end}", "text": "kept by engine 20",
        "passage": sel.exact, "span": [start, end, 2], "updated": "2026-01-01T00:00:00+00:00",
        "prefix": sel.prefix, "suffix": sel.suffix, "owner": "a-window",
        "article_added": record.added,
    }
    box.path.write_text(json.dumps({"version": 1, "drafts": [old]}), "utf-8")
    store.delete_article(record.id)
    store.save_article(Document(title="In between", source="/tmp/o.txt", text="Other.\n"))
    analysed(sample_doc)  # the delete dropped its cached analysis: the session's again
    app = make_app(sample_doc)  # added again: a new id and stamp
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen) and screen.record.id != record.id
        assert any("kept from before" in t for t in await toast_texts(pilot))
        screen.view.cursor_to_offset(start)
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "kept by engine 20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
    assert ann.note == "kept by engine 20"
    assert DraftBox(store.path)._read() == {}
