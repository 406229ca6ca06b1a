"""Found by a new user in tmux: keys typed fast after `/` in an article ran as the reader's
commands (`n` opened the note editor and the letters after it went into a note, or onto a
stored note's text), or were dropped or reordered, until the search field had the focus. Every
key after `/` (and after `n`) is now the field's, in order. The real app under the Pilot, the
keys posted as the terminal driver posts a burst: all at once, before any is handled."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual import events

from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")

KEY_NAMES = {" ": "space", "/": "slash"}


def _burst(app: Any, text: str) -> None:
    for char in text:
        app.post_message(events.Key(KEY_NAMES.get(char, char), char))


@asynccontextmanager
async def _reading(make_app: Any) -> AsyncIterator[tuple[Any, Any, ArticleScreen]]:
    """The sample article analysed, the reader's focus on its text: (app, pilot, screen)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.focus()
        await pilot.pause()
        yield app, pilot, screen


async def _settle(pilot: Any) -> None:
    for _ in range(20):
        await pilot.pause()


@pytest.mark.parametrize("typed", ["zzq xyz gin", "y 24/7 a/b", "zzqxyzgin"])
async def test_every_key_after_slash_goes_to_the_query_in_order(
    make_app: Any, typed: str
) -> None:
    async with _reading(make_app) as (app, pilot, screen):
        _burst(app, "/" + typed)
        await _settle(pilot)
        assert app.screen is screen  # no note editor opened by the `n`
        assert screen.search_bar.input.value == typed


async def test_every_key_after_n_goes_to_the_note(make_app: Any) -> None:
    async with _reading(make_app) as (app, pilot, _screen):
        _burst(app, "nabc/de")
        await _settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "abc/de"


def _burst_closing_search(app: Any, query: str, after: str, close: str = "enter") -> None:
    """`/`, the query, enter (or escape) and `after`, all posted before any is handled."""
    _burst(app, "/" + query)
    app.post_message(events.Key(close, {"enter": "\r", "escape": "\x1b"}[close]))
    _burst(app, after)


async def test_a_key_right_after_enter_is_the_readers(make_app: Any) -> None:
    """`/gantz` enter `n` in one burst: the `n` opens the note editor (it went to the hidden
    search field, and no editor opened)."""
    async with _reading(make_app) as (app, pilot, screen):
        _burst_closing_search(app, "gantz", "n")
        await _settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert screen.search_bar.input.value == "gantz"
        assert not screen.search_bar.display


async def test_a_move_right_after_enter_comes_after_the_jump(make_app: Any) -> None:
    """`/gantz` enter `G` in one burst: `G` acts after the jump to the match, so the reader
    ends at the end of the text (the jump landed after `G` and undid it)."""
    async with _reading(make_app) as (app, pilot, screen):
        _burst_closing_search(app, "gantz", "G")
        await _settle(pilot)
        assert app.screen is screen
        assert screen.view.cursor_span[1] >= len(screen.record.text.rstrip())


async def test_a_key_right_after_escape_is_the_readers(make_app: Any) -> None:
    """`/gantz` escape `n` in one burst: the search is cancelled and the `n` opens the note
    editor (escape ran as the bar's binding, in the field's turn, and `n` reached the hidden
    field)."""
    async with _reading(make_app) as (app, pilot, screen):
        _burst_closing_search(app, "gantz", "n", close="escape")
        await _settle(pilot)
        assert isinstance(app.screen, NoteEditor)
        assert screen.search_bar.input.value == "gantz"
        assert not screen.search_bar.display
        assert screen.view.match_count == 0
