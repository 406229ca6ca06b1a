"""The article's first frame comes before the store: the text first, sqlite-utils after.

What the first frame needs from the library (where the article was left) is peeked at with
the standard library; the store opens, and the document is saved, right after the frame.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.analysis.model import ENGINE_VERSION
from reader.sources import load_source
from reader.store import Store, text_hash
from reader.store.peek import peek
from reader.ui.launch import build_app
from tests.terminal import run_on_terminal

TEXT = "A headline\n\n" + "\n\n".join(f"Paragraph {i} says something about it." for i in range(80))

FIRST_FRAME = """
import asyncio, sys
from reader.sources import load_source
from reader.ui.launch import build_app
from reader.ui.widgets.article_view import ArticleView

first_frame = []
render_line = ArticleView.render_line

def watched(self, y):
    if not first_frame:
        first_frame.append(sorted(m for m in ("sqlite_utils", "reader.store.store")
                                  if m in sys.modules))
    return render_line(self, y)

ArticleView.render_line = watched

async def main(path, db):
    app = build_app(path, db_path=db, document=load_source(path))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.screen.record.id:
                break
        print("saved", app.screen.record.id)
    app.close_own_store()

asyncio.run(main(sys.argv[1], sys.argv[2]))
print("first frame with", ",".join(first_frame[0]) or "nothing")
"""


def test_first_frame_is_drawn_before_the_store_is_imported(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(article), str(db)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "first frame with nothing" in result.stdout
    assert "saved 1" in result.stdout
    with Store.open(db) as store:
        assert [a.title for a in store.list_articles()] == ["A headline"]


async def test_reopened_article_starts_where_it_was_left_and_keeps_its_notes(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    where = TEXT.index("Paragraph 60")
    with Store.open(db) as store:
        record = store.save_article(load_source(str(article)))
        store.set_position(record.id, where)
        store.add_annotation(record.id, TEXT, where, where + 12, color=2)
    seen = peek(db, text_hash(TEXT), "any model", ENGINE_VERSION)
    assert seen is not None and seen.article == (record.id, where) and not seen.cached

    app = build_app(str(article), db_path=str(db), document=load_source(str(article)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        # The provisional record, before the store is open, already has the position.
        assert screen.record.position == where
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.annotations:
                break
        assert screen.record.id == record.id
        assert [(a.start, a.color) for a in screen.annotations] == [(where, 2)]
        assert screen.view.reading_position == where
        await app.workers.wait_for_complete()
    app.close_own_store()


def test_peek_leaves_a_missing_library_uncreated(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    assert peek(db, "x", "m", "e") is None
    assert not db.exists()


def test_not_sqlite_with_a_source_exits_2_after_the_text_and_is_untouched(
    tmp_path: Path,
) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"this is not a database\n" * 10)
    before = db.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run_on_terminal(["--db", str(db), str(article)], timeout=60)
    assert result.returncode == 2
    # The terminal's own output (the text was drawn) shares the stream; the message is one
    # line, after the app has left the screen.
    message = result.stderr.strip().rsplit("\x1b[?1006l", 1)[-1]
    assert message.startswith("reader: ") and "not an SQLite database" in message
    assert len(message.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


async def test_a_terminal_too_small_to_draw_a_line_still_saves_the_article(tmp_path: Path) -> None:
    """The work after the first frame waits for the text to be drawn, or PAINT_WAIT at most:
    in one row (the status line's) no line of the text is ever drawn."""
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "lib.db"
    app = build_app(str(article), db_path=str(db), document=load_source(str(article)))
    async with app.run_test(size=(40, 1)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.screen.record.id and app.screen.side.built:
                break
        assert app.screen.record.id == 1
        assert app.screen.side.built
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
    app.close_own_store()
    with Store.open(db) as store:
        assert [a.title for a in store.list_articles()] == ["A headline"]
