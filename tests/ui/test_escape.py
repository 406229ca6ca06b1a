"""Escape goes back one level (search, panel, what h just used up, then the library), and
escape in the note editor keeps what was typed as a draft."""

from __future__ import annotations

from typing import Any

import pytest

from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis
from tests.ui.notes_tab import type_note

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def test_escape_from_the_panel_returns_to_the_text_not_the_library(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        screen.speaker_panel.focus()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.view.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_escape_right_after_h_used_the_selection_stays_in_the_article(
    make_app, store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("v", "j", "h")
        await pilot.pause()
        assert len(store.annotations(screen.record.id)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "escape again" in str(screen.query_one("#status-info").content)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_escape_in_the_note_editor_keeps_the_text_as_a_draft(
    make_app, store: Store
) -> None:
    from reader.ui.screens.note_editor import NoteEditor

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await type_note(pilot, ("n",), "my thought", "escape")
        assert app.screen is screen
        assert store.annotations(screen.record.id) == []  # nothing stored on escape
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "my thought"
        await pilot.press("escape")  # unchanged from the draft: still kept
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.text == "my thought"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (ann,) = store.annotations(screen.record.id)
        assert ann.note == "my thought"


async def test_escape_after_h_on_the_cursor_sentence_or_a_quote_jump_stays_in_the_article(
    make_app, store: Store
) -> None:
    """Found by a fresh-eyes test: `G k h` then escape (meaning to let go before typing a
    colour digit) left for the library, and the digit went into its filter; so did escape
    right after `]` with the quote drawn marked."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("G", "k", "h")
        await pilot.pause()
        assert len(store.annotations(screen.record.id)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("g", "]")
        await pilot.pause()
        assert screen.view.focused_span is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.view.focused_span is None
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_escape_from_the_panel_with_a_quote_marked_counts_the_escapes_left(make_app) -> None:
    """Found by a new user: after a jump to a quote, escape from the panel said "escape
    again for the library", but the next escape only let go of the marked quote and said the
    same again, so the user took the article for the library and typed into it."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("g", "]")
        await pilot.pause()
        assert screen.view.focused_span is not None
        screen.speaker_panel.focus()
        await pilot.pause()
        info = screen.query_one("#status-info")
        await pilot.press("escape")
        await pilot.pause()
        first = str(info.content)
        assert "escape again for the library" not in first and "then the library" in first
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.view.focused_span is None
        assert "escape again for the library" in str(info.content)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


def _info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def test_escape_after_the_search_bar_closed_says_so_before_leaving(make_app) -> None:
    """A new user closed the search with escape, pressed it once more and was in the library
    (the article opened as `reader FILE` opens it), typing into its filter."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        await pilot.press("slash", *"the", "escape")  # the search cancelled: its bar closed
        await pilot.pause()
        assert not screen.search_bar.display and screen.view.focused_span is None
        await pilot.press("escape")  # nothing left to close
        await pilot.pause()
        assert app.screen is screen
        assert _info(screen) == "escape again for the library"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)


async def test_a_lone_escape_warns_and_another_key_starts_over(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        screen.view.focus()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert _info(screen) == "escape again for the library"
        await pilot.press("j", "escape")  # a key between: the escape warns again
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
