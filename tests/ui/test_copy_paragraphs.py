"""`y` and `Y` on a highlight across two of the sample's paragraphs (one per line) copy it as
two Markdown paragraphs, a `>` blank `>` line between them. The real app on a real store."""

from __future__ import annotations

import pytest

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")


async def test_y_and_Y_keep_the_paragraph_break(
    make_app, store: Store, sample_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)  # the terminal's clipboard (OSC 52)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    text = sample_doc.text
    first_end = text.index("\n")
    start, end = first_end - len("Jewish state."), first_end + 1 + len("Gantz and party")
    record = store.save_article(sample_doc)
    store.add_annotation(record.id, record.text, start, end, note="two paragraphs")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.cursor_to_offset(start + 2)
        await pilot.press("y")
        await pilot.pause()
        assert "> Jewish state.\n>\n> Gantz and party\n" in app.clipboard
        await pilot.press("Y")
        await pilot.pause()
        assert "> Jewish state.\n>\n> Gantz and party\n" in app.clipboard


async def test_y_reuses_the_paragraphs_the_view_laid_out(
    make_app, store: Store, sample_doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Splitting a whole book into paragraphs takes a tenth of a second per megabyte: a copy
    takes the view's, never splits the text again."""
    from reader.ui import layout, text_units

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    text = sample_doc.text
    first_end = text.index("\n")
    record = store.save_article(sample_doc)
    store.add_annotation(record.id, record.text, first_end - 5, first_end + 6, note="n")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        splits: list[int] = []
        split = layout.split_units
        for module in (layout, text_units):  # the layout's own name for it, and the export's
            monkeypatch.setattr(module, "split_units", lambda t: splits.append(len(t)) or split(t))
        screen.view.cursor_to_offset(first_end - 3)
        await pilot.press("y", "Y")
        await pilot.pause()
        assert ">\n>" in app.clipboard
        assert splits == []
