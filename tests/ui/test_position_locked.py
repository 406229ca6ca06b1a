"""The reading position saved every few seconds while another program (`reader notes --import`,
`reader add`) holds the library's write lock: no toast saying the database is locked, no wait
for the lock (the screen frozen a second each time: each save is seen to try with SQLite's busy
timeout at 0, never timed), and the position saved once it is free. A real second SQLite
connection holds the lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reader.ui.screens.article as article_module
from reader.store import Store
from tests.ui.conftest import toast_texts, until, wait_for_analysis


@pytest.mark.usefixtures("sample_analysed")  # about the position: the analysis from the cache
async def test_a_locked_library_delays_the_periodic_position_save_quietly(
    make_app, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_module, "POSITION_SAVE_INTERVAL", 0.2)
    waits: list[int] = []  # SQLite's busy timeout (ms) as each save of the position began
    set_position = store.set_position

    def watched(article_id: int, offset: int) -> None:
        waits.append(store.db.execute("PRAGMA busy_timeout").fetchone()[0])
        set_position(article_id, offset)

    monkeypatch.setattr(store, "set_position", watched)
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
            waits.clear()
            await until(pilot, lambda: len(waits) >= 3, 10, "three ticks")  # some ticks
            assert not [t for t in await toast_texts(pilot) if "locked" in t]
            # Each tick tried at once (before, each waited INTERACTIVE_TIMEOUT, 1 s).
            assert waits and set(waits) == {0}, waits
        finally:
            other.execute("ROLLBACK")
            other.close()
        await until(pilot, lambda: store.get_article(screen.record.id).position == offset, 5,
                    "the position saved once the lock was gone")
        assert store.get_article(screen.record.id).position == offset
