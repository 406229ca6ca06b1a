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
