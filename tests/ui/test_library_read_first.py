"""The library's default order, "Last read", newest first: an article read a while ago comes
before the many just filed unread by `reader add`; and whether an article was read is kept as
such, not guessed from two timestamps (a migration carries the old guess over once)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from textual.widgets import DataTable

from reader.sources import Document
from reader.store import Store
from reader.store.db import migrations
from reader.ui.screens.library import LibraryScreen
from tests.ui.test_library import LibraryApp


async def test_an_article_read_comes_before_those_filed_after_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "library.db") as store:
        store.save_article(Document("Read", "/r.txt", "Read earlier.\n"), opened=True)
        for n in range(5):
            store.save_article(Document(f"Filed {n}", f"/f{n}.txt", f"Filed {n}.\n"))
        app = LibraryApp(store)
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            assert screen.sort_key == "last_opened"
            table = screen.query_one(DataTable)
            titles = [str(table.get_row_at(r)[0]) for r in range(table.row_count)]
        assert titles[0] == "Read", titles
        assert titles[1:] == [f"Filed {n}" for n in reversed(range(5))]
        assert store.list_articles()[0].title == "Read"  # `reader library` lists so too


def test_read_is_a_flag_not_two_stamps_that_differ(tmp_path: Path) -> None:
    with Store.open(tmp_path / "library.db") as store:
        read = store.save_article(Document("Read", "/r.txt", "Read.\n"), opened=True)
        store.db.execute("UPDATE articles SET last_opened = added WHERE id = ?", [read.id])
        [summary] = store.list_articles()
        assert summary.opened  # read in the microsecond it was added: still read


def test_upgrade_keeps_which_articles_were_read(db_path: Path) -> None:
    old = Database(db_path)
    migrations.apply(old, stop_before="0009_article_opened")
    for title, stamp, position in (("Read", "2026-01-02", 0), ("Filed", "2026-01-01", 0),
                                   ("Scrolled", "2026-01-01", 40)):
        old.execute(
            "INSERT INTO articles (hash, title, source, kind, text, added, last_opened, "
            "position) VALUES (?, ?, '', 'text', ?, '2026-01-01', ?, ?)",
            [title, title, title * 20, stamp, position],
        )
    old.close()
    with Store.open(db_path) as store:
        opened = {s.title: s.opened for s in store.list_articles()}
    assert opened == {"Read": True, "Filed": False, "Scrolled": True}
