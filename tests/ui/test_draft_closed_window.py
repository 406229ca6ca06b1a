"""Found by a new user with two windows: window A's "Other window’s draft" card stayed in
window B after A quit (only x took it away). A draft whose window has closed is shown as what
it is, a closed window's draft, which enter restores and x discards; the status line says so
when it happens. Window A is a real process, ended during the test; B the real app."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reader.drafts import Draft, DraftBox
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.notes_panel import NotesPanel
from tests.ui.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")

TYPED = "typed in window A"


def _first_card(panel: NotesPanel) -> str:
    return panel.option_list.get_option_at_index(0).prompt.plain  # type: ignore[union-attr]


async def test_a_closed_window_s_draft_is_named_so_once_it_closes(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    record = store.save_article(sample_doc)
    end = sample_doc.text.index("\n")
    window_a = subprocess.Popen(["sleep", "120"])
    try:
        written = (datetime.now(UTC) + timedelta(seconds=1)).isoformat()
        DraftBox(store.path).keep(Draft(
            record.id, f"span:0:{end}", TYPED, sample_doc.text[:end], span=(0, end, 1),
            owner=f"{window_a.pid}:a", article_added=record.added, updated=written))
        app = make_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for_analysis(pilot)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("t", "t")  # Speakers, Entities, Notes
            await pilot.pause()
            panel = screen.query_one(NotesPanel)
            assert _first_card(panel).lstrip().startswith("Other window’s draft"), _first_card(
                panel)
            window_a.kill()
            window_a.wait()
            screen.refresh_drafts()  # the look made every 3 s
            await pilot.pause()
            card = _first_card(panel)
            assert card.lstrip().startswith("Closed window’s draft"), card
            assert TYPED in card
            info = str(screen.query_one("#status-info").content)
            assert "other window closed" in info, info
            panel.option_list.focus()
            panel.option_list.highlighted = 0
            await pilot.press("x")  # discarded here: no longer anyone's live draft
            await pilot.pause()
            assert "discarded" in str(screen.query_one("#status-info").content)
        assert DraftBox(store.path)._read() == {}
    finally:
        window_a.kill()
        window_a.wait()


async def test_a_draft_left_before_is_a_draft_not_a_closed_window_s(
    make_app: Any, store: Store, sample_doc: Document
) -> None:
    """Every owner names one article screen, so a draft left in an earlier run (or before
    the article was opened again) was called a closed window's, with one window ever open:
    only one this screen showed as another open window's is."""
    record = store.save_article(sample_doc)
    end = sample_doc.text.index("\n")
    earlier = subprocess.Popen(["true"])  # the window the draft was left in, closed since
    earlier.wait()
    DraftBox(store.path).keep(Draft(
        record.id, f"span:0:{end}", TYPED, sample_doc.text[:end], span=(0, end, 1),
        owner=f"{earlier.pid}:a", article_added=record.added))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("t", "t")
        await pilot.pause()
        screen.refresh_drafts()
        await pilot.pause()
        card = _first_card(screen.query_one(NotesPanel))
        assert card.lstrip().startswith("Draft ·") and TYPED in card, card
