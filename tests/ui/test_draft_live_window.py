"""Found by two new users with two windows on one library: window B called window A's live
(unsaved) draft "kept from before", and `x` on its card discarded it as an old one. B now says
it is another window's, with its age, and leaves it to that window. Window A is a real process
running now (its draft is written to the real draft file as A writes it)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reader.draft_owners import live_elsewhere
from reader.drafts import DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.other_window import TYPED, keep_first_line_draft, window_a

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_another_live_window_s_draft_is_named_and_left_alone(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    record = store.save_article(sample_doc)
    with window_a() as owner:
        # Written by A after A started (a draft older than its process is no one's now).
        written = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        keep_first_line_draft(store, record, owner, updated=written)
        app = make_app()
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for_analysis(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            told = " ".join(await toast_texts(pilot))
            assert "kept from before" not in told, told
            assert "Another window" in told and "just now" in told, told
            panel = screen.query_one(NotesPanel)
            await pilot.press("t", "t")  # Speakers, Entities, Notes
            await pilot.pause()
            panel.option_list.focus()
            panel.option_list.highlighted = 0
            card = panel.option_list.get_option_at_index(0).prompt.plain  # type: ignore[union-attr]
            assert card.lstrip().startswith("Other window’s draft"), card
            await pilot.press("x")
            await pilot.pause()
            info = str(screen.query_one("#status-info").content)
            assert "another window’s" in info, info
        (kept,) = DraftBox(store.path)._read().values()  # still window A's
        assert (kept.text, kept.owner) == (TYPED, owner)
    assert not live_elsewhere(owner, "me")  # window A closed: its draft is from before now
