"""A phrase found by the library's search across a tab or a double space: the hit's
context shows it on one line, but the article opened at it searches for the words as the
article has them, so the match is found there (the flattened words found nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store
from reader.ui.app import ReaderApp
from tests.ui.library_search_steps import one_article_library, open_hit, search_library

TEXT = (
    "Harbour news\n\nEveryone in town knew the old \tlighthouse keeper by name, and the "
    "harbour  master too.\n\nNothing else happened.\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = one_article_library(tmp_path, "Harbour", "/news/h.txt", TEXT)
    yield store
    store.close()


def test_a_hit_has_the_words_as_the_article_has_them(store: Store) -> None:
    (hit,) = store.search("old lighthouse")
    assert hit.exact == "old \tlighthouse"
    assert TEXT[hit.offset : hit.offset + len(hit.exact)] == hit.exact
    assert hit.context[hit.match[0] : hit.match[1]] == "old lighthouse"


@pytest.mark.parametrize("words", ["old lighthouse", "harbour master"])
async def test_opening_a_hit_across_whitespace_finds_the_match(store: Store, words: str) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await search_library(pilot, words)
        screen = await open_hit(pilot, 0, turns=20)
        assert screen.search_bar.count_text == "match 1 of 1"
        start, end = screen.last_match
        assert " ".join(TEXT[start:end].split()) == words
