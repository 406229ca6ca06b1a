"""Found by a new user: `y` copied the quote under the cursor, not the `v` selection, when the
selection ended inside a quote, and copied the highlight under the cursor even with a
selection made in it. An active selection always wins, as it does for `h` (and yank in vim)."""

from __future__ import annotations

from typing import Any

import pytest

from reader.sources import Document
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import toast_texts
from tests.ui.reading import reading

pytestmark = pytest.mark.usefixtures("sample_analysed")


@pytest.fixture(autouse=True)
def terminal_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The terminal's clipboard (OSC 52): what was copied is app.clipboard."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


async def test_y_copies_a_selection_that_ends_inside_a_quote(
    make_app: Any, sample_doc: Document
) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        quote = next(q for q in sorted(screen.analysis.quotes, key=lambda q: q.start)
                     if q.speaker and q.start > 40)
        start, end = quote.start - 30, quote.start + 12
        screen.view.focus()
        screen.view.select_span(start, end)
        await pilot.press("y")
        await pilot.pause()
        words = " ".join(sample_doc.text[start:end].split())
        assert words in " ".join(app.clipboard.split())
        assert f"— {quote.speaker}" not in app.clipboard
        assert (await toast_texts(pilot))[-1].startswith("Copied the selection (")


async def test_y_copies_a_selection_made_inside_a_highlight(
    make_app: Any, sample_doc: Document
) -> None:
    async with reading(make_app, notifications=True) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.focus()
        await pilot.press("j", "h")  # a highlight on the second sentence
        await pilot.pause()
        (ann,) = screen.annotations
        start = ann.start + ann.exact.index(" ") + 1
        words = sample_doc.text[start : start + 15]
        screen.view.select_span(start, start + len(words))
        await pilot.press("y")
        await pilot.pause()
        _heading, block, _date = app.clipboard.rstrip().split("\n\n")
        assert block == "> " + words
        assert (await toast_texts(pilot))[-1].startswith("Copied the selection (")
