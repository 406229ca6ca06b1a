"""ctrl+o on a URL that never answers, in the real app: the footer offers escape while it is
fetched, and escape stops it at once, with a toast, nothing opened and nothing saved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input

from reader.sources import Document
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.library import LibraryScreen
from tests.slow_server import slow_server
from tests.ui.conftest import screen_lines, toasts


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    store.save_article(Document(title="First story", source="one.txt", text="One said “a”."))
    yield store
    store.close()


async def test_escape_cancels_a_fetch_that_never_answers(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader import fetch

    monkeypatch.setenv("READER_FETCH_TIMEOUT", "600")  # only escape can end it in this test
    app = ReaderApp(store=store, start_in_library=True)
    with slow_server("silent") as (url, requested):
        async with app.run_test(size=(120, 30), notifications=True) as pilot:
            await pilot.pause()
            library = app.screen
            assert isinstance(library, LibraryScreen)
            await pilot.press("ctrl+o")
            await pilot.pause()
            app.screen.query_one(Input).value = url
            await pilot.press("enter")
            await asyncio.to_thread(requested.wait, 30)
            await pilot.pause()
            assert app.screen is library
            footer = screen_lines(app)[-1]
            assert "esc Cancel fetch" in footer, footer

            await pilot.press("escape")
            await pilot.pause()
            shown = [t.text for t in await toasts(pilot)]
            assert any("fetch cancelled" in t for t in shown), shown
            assert "Cancel fetch" not in screen_lines(app)[-1]
            assert "opening" not in "\n".join(screen_lines(app))
            # The fetch itself returned (its sockets shut), not only the worker forgotten.
            for _ in range(200):
                if not fetch._running:
                    break
                await asyncio.sleep(0.05)
            assert not fetch._running
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is library
    assert [a.title for a in store.list_articles()] == ["First story"]
