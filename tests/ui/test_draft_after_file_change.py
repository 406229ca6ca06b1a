"""A note's draft kept while the article's file changed comes back on its passage, found by
its words and context as a note's is, not at its old character offsets; one whose passage is
gone is kept and offered as text. The real app driven by the Pilot on a real SQLite file and
a real draft file; the fresh-eyes tester's steps on the sample."""

from __future__ import annotations

import time
from typing import Any

import pytest

from reader.drafts import Draft, DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.reading import analysed_without_quotes, reading

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")

SOURCE = "/tmp/x/a.txt"
SECOND = "Gantz and party colleague Eizenkot"


async def _draft_on_second_sentence(make_app: Any, sample_doc: Document, typed: str) -> None:
    async with reading(
        make_app, Document(title=sample_doc.title, source=SOURCE, text=sample_doc.text),
    ) as (app, pilot):
        await pilot.press("j", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.passage.startswith(SECOND)
        await pilot.press(*typed, "escape")
        await pilot.pause()


async def test_a_draft_comes_back_on_its_passage_after_a_paragraph_was_inserted(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    await _draft_on_second_sentence(make_app, sample_doc, "draft two")
    edited = "Inserted paragraph.\n\n" + sample_doc.text
    analysed_without_quotes(store, edited)  # about the draft, not the quotes
    sentence = sample_doc.text[sample_doc.text.index(SECOND) :].split("\n")[0]
    async with reading(
        make_app, Document(title=sample_doc.title, source=SOURCE, text=edited),
        notifications=True,
    ) as (app, pilot):
        assert any(f"on “{SECOND[:20]}" in t for t in await toast_texts(pilot))
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (draft,) = screen.note_drafts.values()
        assert edited[draft.span[0] : draft.span[1]] == sentence  # type: ignore[index]
        await pilot.press("g", "j", "j", "n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.passage == sentence
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
    assert (ann.exact, ann.note) == (sentence, "draft two")
    assert ann.start == edited.index(sentence)
    assert DraftBox(store.path).of_article(ann.article_id) == []


async def test_a_draft_whose_passage_is_gone_is_kept_and_offered_as_text(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    await _draft_on_second_sentence(make_app, sample_doc, "my words on it")
    sentence = sample_doc.text[sample_doc.text.index(SECOND) :].split("\n")[0]
    edited = sample_doc.text.replace(sentence + "\n", "")
    analysed_without_quotes(store, edited)
    for _ in range(2):  # offered on every opening, never dropped
        async with reading(
            make_app, Document(title=sample_doc.title, source=SOURCE, text=edited),
            notifications=True,
        ) as (app, pilot):
            assert any("“my words on it”" in t for t in await toast_texts(pilot))
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            assert screen.note_drafts == {}  # not placed at its old offsets
            record_id = screen.record.id
        (kept,) = DraftBox(store.path).of_article(record_id)
        assert (kept.text, kept.passage) == ("my words on it", sentence)


async def test_a_draft_of_a_note_whose_passage_is_gone_is_offered_as_text(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """Found by a fresh-eyes test: more words typed in a stored note and kept as a draft, then
    the passage removed from the file: the note is an orphan (n cannot reach it), and opening
    the article said `n` on its passage brings the words back; they were reachable nowhere."""
    async with reading(
        make_app, Document(title=sample_doc.title, source=SOURCE, text=sample_doc.text),
    ) as (app, pilot):
        await pilot.press("j", "n", *"stored", "ctrl+s")
        await pilot.pause()
        await pilot.press("n", *" and my later words", "escape")
        await pilot.pause()
    sentence = sample_doc.text[sample_doc.text.index(SECOND) :].split("\n")[0]
    edited = sample_doc.text.replace(sentence + "\n", "")
    analysed_without_quotes(store, edited)
    async with reading(
        make_app, Document(title=sample_doc.title, source=SOURCE, text=edited),
        notifications=True,
    ) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (ann,) = screen.annotations
        assert ann.orphaned and ann.note == "stored"
        shown = await toast_texts(pilot)
        assert any("“stored and my later words”" in t for t in shown), shown
        assert not any("n on that passage brings it back" in t for t in shown), shown
    (kept,) = DraftBox(store.path).of_article(ann.article_id)
    assert kept.text == "stored and my later words"


async def test_a_huge_draft_whose_passage_is_gone_is_offered_without_a_freeze(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """Found by a fresh-eyes test: the toast quoted the whole draft, and a toast of a 3 MB
    paste took Textual over 20 s to lay out, the reader frozen on opening the article."""
    record = store.save_article(sample_doc)
    huge = "pasted words " * 250_000
    DraftBox(store.path).keep(Draft(
        record.id, "span:5:20", huge, "a sentence no longer there", span=(5, 20, 1),
        prefix="nothing like", suffix="this text",
    ))
    app = make_app()
    started = time.perf_counter()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        shown = [t for t in await toast_texts(pilot) if "pasted words" in t]
        took = time.perf_counter() - started
    assert len(shown) == 1 and len(shown[0]) < 2_000, [len(t) for t in shown]
    assert took < 15, f"opening took {took:.0f} s"
    (kept,) = DraftBox(store.path).of_article(record.id)
    assert kept.text == huge
