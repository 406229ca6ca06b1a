"""The reading position saved every few seconds while another program (`reader notes --import`,
`reader add`) holds the library's write lock: no toast saying the database is locked, no wait
for the lock (the screen frozen a second each time), and the position saved once it is free.
A real second SQLite connection holds the lock."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

import reader.ui.screens.article as article_module
from reader.store import Store
from tests.ui.conftest import toast_texts, wait_for_analysis


async def test_a_locked_library_delays_the_periodic_position_save_quietly(
    make_app, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_module, "POSITION_SAVE_INTERVAL", 0.2)
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program's write, seconds long
        try:
            await pilot.press("pagedown", "pagedown")
            offset = screen.view.top_offset
            assert offset > 0
            started = time.monotonic()
            await pilot.pause(1.0)  # five ticks
            took = time.monotonic() - started
            assert not [t for t in await toast_texts(pilot) if "locked" in t]
            # each tick waited INTERACTIVE_TIMEOUT (1 s) for the lock: five ticks took 5 s
            assert took < 2.5, took
        finally:
            other.execute("ROLLBACK")
            other.close()
        await pilot.pause(0.6)
        assert store.get_article(screen.record.id).position == offset
