"""Two windows on one article: when window B saves a newer text of it (opening its changed
file from the library, or ctrl+o), window A, still showing the old text, must neither draw the
notes re-anchored to the new text over its old words nor write notes against its old text: it
keeps what it shows, says so, and its note keys do nothing until it is reopened. The real app,
a real file, two real SQLite connections."""

from __future__ import annotations

from pathlib import Path

from reader.sources import load_source
from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import toast_texts, wait_for_analysis
from tests.ui.reading import analysed_without_quotes

TEXT = (
    "Council Vote\n\n"
    "SPRINGFIELD — The city council voted 7-2 on Tuesday to approve a transit budget.\n\n"
    "Councilman Tom Becker voted against it.\n"
)


async def test_a_newer_text_saved_in_another_window_is_said_and_not_drawn_over_the_old(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "council.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = store.save_article(load_source(str(path)))
    analysed_without_quotes(store, record.text)
    name = "Tom Becker"
    start = record.text.index(name)
    store.add_annotation(record.id, record.text, start, start + len(name), note="Who?")
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        (shown,) = screen.annotations
        assert screen.record.text[shown.start:shown.end] == name
        path.write_text("Breaking: the budget passed.\n\n" + TEXT, encoding="utf-8")
        other = Store.open(db_path)  # window B opens the changed file: a new version
        try:
            other.save_article(load_source(str(path)), opened=True)
        finally:
            other.close()
        screen.refresh_annotations()  # the look the 3-second timer takes
        await pilot.pause()
        (kept,) = screen.annotations
        assert screen.record.text[kept.start:kept.end] == name  # not the new text's offsets
        assert any("changed in another window" in t for t in await toast_texts(pilot))
        assert screen.check_action("note", ()) is False
        assert screen.check_action("highlight", ()) is False
        await pilot.press("h")  # nothing is written against the old text
        await pilot.pause()
        # ... and the key says why, in the status line (it did nothing, silently).
        info = str(screen.query_one("#status-info").content)
        assert "another window saved a newer text" in info, info
        # Leaving the article takes its lasting toast away (it stayed over the library).
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen)
        assert not any("changed in another window" in t for t in await toast_texts(pilot))
    (stored,) = store.annotations(record.id)
    assert stored.note == "Who?"
    assert stored.text_hash != record.hash  # re-anchored by B, untouched by A
