"""Steps the library-search tests share: a library of one analysed article, a search typed
from the titles, a hit opened, and escape back to the results. Each was written out again in
every test (the `duplicates` report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.analysis.model import ENGINE_VERSION
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.library_search import LibrarySearchScreen
from tests.ui.test_library_people import analysis_of


def one_article_library(
    tmp_path: Path, title: str, source: str, text: str,
    quotes: list[tuple[str, str, str]] | None = None,
) -> Store:
    """A library holding one article, its analysis cached (quotes as analysis_of takes them)."""
    store = Store.open(tmp_path / "library.db")
    record = store.save_article(Document(title=title, source=source, text=text))
    store.cache_analysis(record.hash, model_id(None), ENGINE_VERSION,
                         analysis_of(text, quotes or []))
    return store


async def search_library(pilot: Any, words: str) -> LibrarySearchScreen:
    """/ / and the words, from the library's titles: the search screen with its hits."""
    await pilot.pause()
    await pilot.press("slash", "slash", *words)
    await pilot.pause()
    search = pilot.app.screen
    assert isinstance(search, LibrarySearchScreen)
    return search


async def open_hit(pilot: Any, row: int, turns: int = 10) -> ArticleScreen:
    """Down to the hit in `row` (0 the first) and enter: the article opened at it."""
    await pilot.press("down", *["down"] * row, "enter")
    for _ in range(turns):
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


async def escape_to_results(pilot: Any) -> LibrarySearchScreen:
    """Escape from the article opened at a hit, as many times as it takes (the search's marks,
    the match's mark, then the article): back on the search's results."""
    for _ in range(4):
        if not isinstance(pilot.app.screen, ArticleScreen):
            break
        await pilot.press("escape")
        for _ in range(5):
            await pilot.pause()
    search = pilot.app.screen
    assert isinstance(search, LibrarySearchScreen), search
    return search
