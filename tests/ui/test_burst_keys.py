"""Keys that reach the reader in one burst (typed fast on a busy machine, or sent by a terminal
multiplexer) act in the order typed: `j j h n` highlights the sentence two below and opens the
note there, as the same keys typed one at a time do. `n` opens the editor as soon as the screen
reads it, and the keys before it act only when they come back to the app (where bindings run),
so j, j and h were dropped (the editor was on top) and the note went to the note before
(found in tmux: 'jjhn' then words appended them to the previous note)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual import events

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from tests.ui.conftest import wait_for_analysis

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def _burst(app: Any, keys: str) -> None:
    """The keys as the terminal driver posts them: all at once, before any is handled."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def _note_span(make_app: Any, store: Store, burst: bool) -> tuple[int, int, str]:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("j", "h", "n", "a", "ctrl+s")  # a note on the first sentence
        await pilot.pause()
        if burst:
            _burst(app, "jjhnxy")
            for _ in range(5):
                await pilot.pause()
        else:
            await pilot.press(*"jjhnxy")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "xy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        first, *rest = store.annotations(screen.record.id)
        store.delete_article(screen.record.id)
    assert first.note == "a"
    (ann,) = rest
    return ann.start, ann.end, ann.note


async def test_a_burst_of_keys_before_n_acts_as_the_keys_typed_one_at_a_time(
    make_app: Any, store: Store, sample_doc: Document, analysed: Callable[..., None]
) -> None:
    one_at_a_time = await _note_span(make_app, store, burst=False)
    assert one_at_a_time[2] == "xy"
    analysed(sample_doc)  # deleted with its article: the session's analysis again, not spaCy
    assert await _note_span(make_app, store, burst=True) == one_at_a_time
