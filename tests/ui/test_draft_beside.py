"""Found by a new user with two windows: each had left a draft on the same passage (escape),
and each window's Notes tab showed only its own card until `n`. The other window's live draft
is a card of its own beside this window's; enter on it joins the two (each's words once) as
this window's draft, and storing the note takes it from that window. Window B is a real
process running now; window A the real app on a real SQLite file and draft file."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reader.drafts import DraftBox
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.reading import reading

pytestmark = pytest.mark.usefixtures("sample_analysed")


def _cards(panel: NotesPanel) -> list[str]:
    options = panel.option_list
    return [options.get_option_at_index(i).prompt.plain  # type: ignore[union-attr]
            for i in range(options.option_count)]


async def test_another_window_s_draft_on_the_same_passage_is_a_card_of_its_own(
    make_app: Any, store: Store
) -> None:
    window_b = subprocess.Popen(["sleep", "120"])
    try:
        async with reading(make_app) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("j", "n", *"words of A", "escape")
            await pilot.pause()
            (mine,) = screen.note_drafts.values()
            written = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
            DraftBox(store.path).keep(replace(mine, text="words of B", updated=written,
                                              owner=f"{window_b.pid}:b"))
            await pilot.press("t", "t")  # the Notes tab, which looks at the draft file
            await pilot.pause()
            screen.refresh_drafts()  # the look made every 3 s
            await pilot.pause()
            panel = screen.query_one(NotesPanel)
            cards = _cards(panel)
            assert len(cards) == 2, cards
            (other,) = [i for i, c in enumerate(cards) if "Other window’s draft" in c]
            assert "words of B" in cards[other]
            assert "words of A" in cards[1 - other] and "Draft ·" in cards[1 - other]
            panel.option_list.focus()
            panel.option_list.highlighted = other
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor)
            await pilot.press("escape")  # kept: the two joined are this window's draft now
            await pilot.pause()
            screen.refresh_drafts()  # B's entry, still in the file, is not a card again
            await pilot.pause()
            (card,) = _cards(panel)
            assert card.lstrip().startswith("Draft ·"), card
            panel.option_list.focus()
            panel.option_list.highlighted = 0
            await pilot.press("enter")
            await pilot.pause()
            editor = app.screen
            assert isinstance(editor, NoteEditor)
            assert editor.text.count("words of A") == 1 and editor.text.count("words of B") == 1
            await pilot.press("ctrl+s")
            await pilot.pause()
        (note,) = [a.note for a in store.annotations(1)]
        assert note.count("words of A") == 1 and note.count("words of B") == 1
        assert DraftBox(store.path)._read() == {}  # taken from window B too
    finally:
        window_b.kill()
        window_b.wait()


async def test_the_card_beside_stays_as_a_closed_window_s_once_that_window_closes(
    make_app: Any, store: Store
) -> None:
    """Its words were shown nowhere until the article was opened again: the card vanished,
    and the status line did not say the window had closed. x on it then discards only its
    words, never this window's draft on the passage."""
    window_b = subprocess.Popen(["sleep", "120"])
    try:
        async with reading(make_app) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("j", "n", *"words of A", "escape", "t", "t")
            await pilot.pause()
            (mine,) = screen.note_drafts.values()
            written = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
            DraftBox(store.path).keep(replace(mine, text="words of B", updated=written,
                                              owner=f"{window_b.pid}:b"))
            screen.refresh_drafts()
            await pilot.pause()
            panel = screen.query_one(NotesPanel)
            assert sum("Other window’s draft" in c for c in _cards(panel)) == 1, _cards(panel)
            window_b.kill()
            window_b.wait()
            screen.refresh_drafts()
            await pilot.pause()
            cards = _cards(panel)
            (closed,) = [i for i, c in enumerate(cards) if "Closed window’s draft" in c]
            assert "words of B" in cards[closed] and len(cards) == 2, cards
            assert "other window closed" in str(screen.query_one("#status-info").content)
            panel.option_list.focus()
            panel.option_list.highlighted = closed
            await pilot.press("x")
            await pilot.pause()
            (card,) = _cards(panel)
            assert "words of A" in card, card
        assert [d.text for d in DraftBox(store.path)._read().values()] == ["words of A"]
    finally:
        window_b.kill()
        window_b.wait()


async def test_a_taken_over_draft_discarded_leaves_the_other_window_its_entry(
    make_app: Any, store: Store
) -> None:
    """Enter on another window's live card, escape, then x: the discard dropped that window's
    entry too, and its editor, still open, took the entry's going as proof that its words were
    stored elsewhere. Nothing was stored: that window keeps its draft."""
    window_b = subprocess.Popen(["sleep", "120"])
    try:
        async with reading(make_app) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("j", "n", *"words of B", "escape")
            await pilot.pause()
            (mine,) = screen.note_drafts.values()
            written = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
            theirs = replace(mine, updated=written, owner=f"{window_b.pid}:b")
            box = DraftBox(store.path)
            box.drop(mine.article, mine.key, mine.owner)
            box.keep(theirs)
            del screen._note_drafts  # read again, as a window opened now reads it
            screen.show_draft_cards()
            await pilot.press("t", "t")
            await pilot.pause()
            panel = screen.query_one(NotesPanel)
            (card,) = _cards(panel)
            assert "Other window’s draft" in card, card
            panel.option_list.focus()
            panel.option_list.highlighted = 0
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, NoteEditor)
            await pilot.press("escape")
            await pilot.pause()
            panel.option_list.focus()
            panel.option_list.highlighted = 0
            await pilot.press("x")
            await pilot.pause()
            assert "discarded" in str(screen.query_one("#status-info").content)
        assert [d.owner for d in DraftBox(store.path)._read().values()] == [theirs.owner]
    finally:
        window_b.kill()
        window_b.wait()
