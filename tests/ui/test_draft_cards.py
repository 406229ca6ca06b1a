"""Unsaved notes are visible: a draft (the editor left with escape, or a window killed while
typing) is a card of its own in the Notes tab, marked as a draft, and choosing it opens the
editor with its words. It is never a stored note: not in the notes copied as Markdown. The real
app driven by the Pilot on a real SQLite file and a real draft file."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.export import notes_markdown
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import DRAFT_LABEL, ORPHANS_HEADING, NotesPanel
from tests.ui.conftest import toast_texts, until_look
from tests.ui.notes_tab import (
    choose_card,
    shown_card_ids,
    shown_cards,
    stored_note_and_unsaved_edit,
    type_note,
)
from tests.ui.reading import analysed_without_quotes, reading

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_a_new_notes_draft_is_a_card_that_opens_the_editor(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        await type_note(pilot, ("j", "n"), "left with escape", "escape")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(NotesPanel)
        ((option_id, card),) = shown_cards(panel)
        assert option_id is not None and option_id.startswith("draft:span:")
        assert card.startswith(DRAFT_LABEL.strip()) or DRAFT_LABEL in card
        assert "left with escape" in card
        # Not a stored note: nothing in the library, nothing copied as Markdown.
        assert store.annotations(screen.record.id) == []
        assert "left with escape" not in notes_markdown("t", "s", screen.annotations, [])

        await pilot.press("down", "down", "down")  # the cursor elsewhere: the card finds it
        await choose_card(pilot, panel, option_id)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "left with escape"
        assert editor.heading == "Unsaved note (not stored yet)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
        assert ann.note == "left with escape"
        # Stored: the draft's card gives way to the note's.
        assert shown_card_ids(panel) == [str(ann.id)]
    assert DraftBox(store.path)._read() == {}


async def test_a_notes_unsaved_edit_is_a_card_beside_the_note(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        screen, panel, ann = await stored_note_and_unsaved_edit(pilot, store)
        cards = shown_cards(panel)
        assert [option for option, _ in cards] == [str(ann.id), f"draft:ann:{ann.id}"]
        assert "stored words" in cards[0][1] and DRAFT_LABEL not in cards[0][1]
        assert DRAFT_LABEL in cards[1][1] and "stored words and more" in cards[1][1]

        await pilot.press("down", "down", "down")
        await choose_card(pilot, panel, f"draft:ann:{ann.id}")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "stored words and more"
        assert editor.heading == "Unsaved edit (not stored yet)"  # the note itself is stored
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
        assert ann.note == "stored words and more"
        assert shown_card_ids(panel) == [str(ann.id)]


async def test_a_draft_kept_from_an_earlier_run_is_listed_on_opening(
    make_app: Any, store: Store
) -> None:
    async with reading(make_app) as (app, pilot):
        await type_note(pilot, ("j", "n"), "from last time", "escape")
    async with reading(make_app) as (app, pilot):
        panel = app.screen.query_one(NotesPanel)
        (card,) = [text for option, text in shown_cards(panel) if option and "draft:" in option]
        assert "from last time" in card
        assert not panel.query_one("#notes-empty").display


async def test_a_draft_whose_passage_is_gone_is_listed_with_the_orphans(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """The article's file changed and the passage is no longer in it: no editor can open on
    it, so the card is listed under 'Not found in this version' and enter shows the words."""
    doc = Document(title=sample_doc.title, source="/tmp/x/a.txt", text=sample_doc.text)
    async with reading(make_app, doc) as (app, pilot):
        await pilot.press("j", "n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        passage = editor.passage
        await pilot.press(*"words on a cut passage", "escape")
        await pilot.pause()
    cut = Document(title=doc.title, source=doc.source, text=doc.text.replace(passage, ""))
    analysed_without_quotes(store, cut.text)  # about the draft's card, not the quotes
    async with reading(make_app, cut, notifications=True) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(NotesPanel)
        cards = shown_cards(panel)
        assert cards[0][1] == ORPHANS_HEADING
        option_id, card = cards[1]
        assert option_id is not None and option_id.startswith("draft:gone:")
        assert DRAFT_LABEL in card and "words on a cut passage" in card
        await choose_card(pilot, panel, option_id)
        assert app.screen is screen  # no editor: the passage is not in this text
        toasts = [t for t in await toast_texts(pilot) if "no editor opens it" in t]
        assert toasts and "words on a cut passage" in toasts[-1]
    assert [d.text for d in DraftBox(store.path)._read().values()] == ["words on a cut passage"]


async def test_a_new_notes_card_on_a_highlight_with_its_own_draft_opens_its_own_words(
    make_app: Any, store: Store
) -> None:
    """Two unsaved notes on one passage: a highlight's unsaved edit, and a new note's words
    (another window's, say). Each card opens its own words: the new note's card opened the
    highlight's, every time, and its own words could not be reached."""
    from reader.drafts import Draft

    async with reading(make_app) as (app, pilot):
        await type_note(pilot, ("j", "h", "n"), "the highlight's words", "escape")
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (ann,) = screen.annotations
        key = f"span:{ann.start}:{ann.end}"
        screen.keep_draft(Draft(
            article=screen.record.id, key=key, text="a new note's words",
            passage=ann.exact, span=(ann.start, ann.end, 1),
        ))
        screen.show_draft_cards()
        await pilot.pause()
        panel = screen.query_one(NotesPanel)
        assert f"draft:{key}" in shown_card_ids(panel)
        await choose_card(pilot, panel, f"draft:{key}")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "a new note's words"


async def test_a_draft_another_window_stored_is_no_longer_listed(
    make_app: Any, store: Store
) -> None:
    """Found by a new user: a draft another window stored (its entry dropped from the draft
    file) was still listed here as a draft until the article was opened again. The Notes
    tab's showing, and a look every few seconds, drop it."""
    from reader.drafts import Draft

    async with reading(make_app) as (app, pilot):  # the other window, where it was typed
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        record = screen.record
        start, end = screen.view.cursor_span
    other = Draft(
        article=record.id, key=f"span:{start}:{end}", text="the other window's words",
        passage=record.text[start:end], span=(start, end, 1), owner="window-a",
        article_added=record.added,
    )
    second = replace(other, key=f"span:{end}:{end + 1}", text="and more of its words",
                     passage=record.text[end:end + 1], span=(end, end + 1, 1))
    box = DraftBox(store.path)
    box.keep(other)
    box.keep(second)
    async with reading(make_app) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        panel = screen.query_one(NotesPanel)
        cards = " ".join(card for _, card in shown_cards(panel))
        assert "the other window's words" in cards and "and more of its words" in cards
        box.drop(other.article, other.key, other.owner)  # the other window stores one ...
        await until_look(pilot, lambda: "the other window's words" not in " ".join(
            card for _, card in shown_cards(panel)))
        cards = " ".join(card for _, card in shown_cards(panel))
        assert "the other window's words" not in cards and "and more of its words" in cards
        box.drop(second.article, second.key, second.owner)  # ... and the other
        await pilot.press("t", "t")  # the Notes tab shown (Speakers, Entities, Notes)
        await pilot.pause()
        assert not any("and more of its words" in card for _, card in shown_cards(panel))


LONG_NOTE = ("Check the figures against the ministry's own report, the one from March, and ask "
             "the press office why the numbers differ from what was said in the briefing.")


async def test_a_draft_changed_at_the_end_of_a_long_note_shows_the_change(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """Found by a new user: the draft of an edit at the end of a long note had a card just like
    the note's (the change was past the card's lines). The draft's card shows its words from
    near the change."""
    record = store.save_article(sample_doc)
    end = sample_doc.text.index("\n")
    store.add_annotation(record.id, sample_doc.text, 0, end, note=LONG_NOTE)
    async with reading(make_app, size=(80, 24)) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("g", "n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+end", *" Ring Ana", "escape")
        await pilot.pause()
        panel = screen.query_one(NotesPanel)
        cards = {key: " ".join(card.split()) for key, card in shown_cards(panel)}
        (note,) = [card for key, card in cards.items() if not key.startswith("draft:")]
        (draft,) = [card for key, card in cards.items() if key.startswith("draft:")]
        assert "Ring Ana" not in note
        assert "Ring Ana" in draft and "…" in draft
