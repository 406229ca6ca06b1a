"""Two windows on one library. The library screen follows another window's changes (a new user
saw "3 articles · 0 matches" for minutes while the library held 5), and an article put back by
a save in the window that still shows it keeps its analysis (quotes and speakers counts, the
export's speaker line) and the reading position. The real app, real SQLite connections."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.errors import ReaderError
from reader.export import article_notes, library_markdown
from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens import library
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library import LibraryScreen
from tests.ui.conftest import toast_texts, wait_for_analysis


def doc(title: str) -> Document:
    return Document(title=title, source=f"/news/{title.lower()}.txt", text=f"{title}\n\nWords.\n")


async def test_the_library_shows_what_another_window_deleted_and_brought_back(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "LOOK_AGAIN_EVERY", 0.05, raising=False)  # sooner
    for title in ("Harbour", "Council", "Budget"):
        store.save_article(doc(title))
    other = Store.open(db_path)  # window A
    try:
        app = ReaderApp(store=store, start_in_library=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            await pilot.press(*"City")
            await pilot.pause()
            assert screen.shown == []
            other.save_article(doc("City"))  # a save in A puts an article (back) in
            other.delete_article(other.list_articles()[-1].id)
            for _ in range(100):  # until the timer has looked (never a fixed wait)
                await pilot.pause(0.05)
                if screen.shown:
                    break
            assert [a.title for a in screen.shown] == ["City"]
            assert len(screen._articles) == 3
            assert screen.filter_input.value == "City"  # what was typed stays
    finally:
        other.close()


@pytest.mark.usefixtures("sample_analysed")
async def test_an_article_put_back_by_a_highlight_keeps_its_analysis_and_position(
    make_app: Any, store: Store, db_path: Path, sample_doc: Document
) -> None:
    app = make_app()
    async with app.run_test(size=(110, 30), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        quotes = len(screen.analysis.quotes)
        screen.view.cursor_to_offset(sample_doc.text.index("In public remarks ahead"))
        await pilot.pause()
        screen.save_position()  # stored before the delete, as the position tick does
        other = Store.open(db_path)
        try:
            other.delete_article(screen.record.id)
        finally:
            other.close()
        await pilot.press("h")
        await pilot.pause()
        assert any("back in the library" in t for t in await toast_texts(pilot))
        position = screen.view.reading_position
    (summary,) = store.list_articles()
    assert (summary.quotes, summary.highlights) == (quotes, 1)
    exported = library_markdown([article_notes(store, summary.id)])
    assert "*Contains a quote by Antony Blinken.*" in exported
    restored = store.get_article(summary.id)
    assert restored is not None and restored.position == position > 0


async def test_a_failed_look_is_tried_again_and_a_deleted_row_keeps_the_cursors_place(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's two: a look whose read failed (busy) counted the change as seen, so it was
    skipped until a later write; and another window deleting the row under the cursor sent
    the cursor to the top."""
    for title in ("Harbour", "Council", "Budget", "Ferry"):
        store.save_article(doc(title))
    other = Store.open(db_path)  # window A
    try:
        app = ReaderApp(store=store, start_in_library=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            screen.look_again()  # the first look: nothing changed since the library was read
            await pilot.press("down", "down")
            await pilot.pause()
            doomed = screen.selected_id()
            assert doomed is not None and screen.table.cursor_row == 2
            below = screen.shown[3].id
            other.delete_article(doomed)  # A deletes the row under B's cursor
            real = store.list_articles
            calls: list[int] = []

            def busy_once() -> Any:
                calls.append(1)
                if len(calls) == 1:
                    raise ReaderError("The library is busy (another program is writing to it).")
                return real()

            monkeypatch.setattr(store, "list_articles", busy_once)
            screen.look_again()  # the read fails: the change is not seen yet
            assert len(screen.shown) == 4
            screen.look_again()  # no write since: read again all the same
            await pilot.pause()
            assert doomed not in [a.id for a in screen.shown]
            assert screen.table.cursor_row == 2 and screen.selected_id() == below
    finally:
        other.close()
