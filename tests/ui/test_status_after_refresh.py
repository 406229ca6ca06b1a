"""A fresh look at the stored notes (another window saved one) keeps what the status line
says, such as "wrapped to the first quote", when what it would say of the notes is what it
already said. The real app on a real SQLite file, the other window a second connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

pytestmark = pytest.mark.usefixtures("sample_analysed")

SOURCE = "/tmp/x/refresh.txt"
GONE = "A closing line that the new version of the article no longer has."


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def test_a_notes_refresh_keeps_the_wrapped_status(
    make_app: Any, store: Store, sample_doc: Document, db_path: Path
) -> None:
    before = f"{sample_doc.text.rstrip()}\n\n{GONE}\n"
    record = store.save_article(Document(sample_doc.title, SOURCE, before))
    start = before.index(GONE)
    store.add_annotation(record.id, before, start, start + len(GONE), note="gone")
    app = make_app(Document(sample_doc.title, SOURCE, sample_doc.text))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert [a.orphaned for a in screen.annotations] == [True]
        await pilot.press("G", "right_square_bracket")  # past the last quote: the first
        await pilot.pause()
        assert info(screen).startswith("wrapped to the first quote · "), info(screen)
        other = Store.open(db_path)  # window A highlights a sentence
        try:
            other.add_annotation(record.id, sample_doc.text, 0, 20)
        finally:
            other.close()
        screen.refresh_annotations()  # the look the timer takes
        await pilot.pause()
        assert len(screen.annotations) == 2  # the look did show A's highlight
        assert info(screen).startswith("wrapped to the first quote · "), info(screen)
