"""Another program holding the library's write lock must not freeze the reader for the batch
commands' five seconds on every key (a fresh-eyes test saw 20 s): the reader's own connection
waits at most INTERACTIVE_TIMEOUT, then says the database is locked, and the text is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.sources import load_source
from reader.store.db import BUSY_TIMEOUT, INTERACTIVE_TIMEOUT
from reader.ui.launch import build_app

from .conftest import toast_texts


async def test_the_reader_waits_briefly_for_a_lock_then_says_so(tmp_path: Path) -> None:
    assert INTERACTIVE_TIMEOUT < BUSY_TIMEOUT
    article = tmp_path / "a.txt"
    article.write_text("A first sentence here. A second one there.\n", encoding="utf-8")
    db = tmp_path / "lib.db"
    app = build_app(str(article), db_path=str(db), document=load_source(str(article)))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app._store is not None:
                break
        wait = app.store.db.execute("PRAGMA busy_timeout").fetchone()[0]
        assert wait == int(INTERACTIVE_TIMEOUT * 1000)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("h")
            await pilot.pause()
            assert any("locked" in t for t in await toast_texts(pilot))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        await pilot.press("h")
        await pilot.pause()
        assert len(app.store.annotations(app.screen.record.id)) == 1
        await app.workers.wait_for_complete()
    app.close_own_store()
