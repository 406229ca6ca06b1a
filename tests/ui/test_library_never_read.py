"""Found by a new user: the library's "Last read" gave a time for articles `reader add` had
filed and nobody had opened; it says "never" until one is read."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.library import LibraryScreen
from tests.ui.test_library import LibraryApp


async def test_last_read_says_never_for_an_article_never_opened(tmp_path: Path) -> None:
    with Store.open(tmp_path / "library.db") as store:
        filed = store.save_article(Document(title="Filed", source="/a.txt", text="Filed.\n"))
        store.save_article(Document(title="Read", source="/b.txt", text="Read.\n"), opened=True)
        app = LibraryApp(store)
        async with app.run_test(size=(140, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            table = screen.query_one(DataTable)
            column = [c.label.plain.split(" ")[0:2] for c in table.ordered_columns].index(
                ["Last", "read"])
            rows = {str(table.get_row_at(r)[0]): str(table.get_row_at(r)[column])
                    for r in range(table.row_count)}
            assert rows["Filed"] == "never"
            assert rows["Read"].startswith("today"), rows
        store.mark_opened(filed.id)
        assert all(s.opened for s in store.list_articles())
