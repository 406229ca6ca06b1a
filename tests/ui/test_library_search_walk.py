"""Found by a new user: opened at a library search's hit, `.` and `,` walked fewer matches than
the list showed: the list had SWAT, swatted twice and swatting for `swatting` (words stemmed),
while the article searched the row's own word ("swatted") only; a note's hit searched the
note's words in the text. They walk the matches the list showed for that article, in text
order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store
from reader.ui.app import ReaderApp
from tests.ui.library_search_steps import one_article_library, open_hit, search_library

FILLER = "".join(f"Paragraph {n} is about the weather and nothing else.\n\n" for n in range(30))
TEXT = (
    "Calls to the police\n\n" + FILLER
    + "A SWAT team came. The house had been swatted before.\n\n" + FILLER
    + "Neighbours said it was swatted again, and swatting is a crime.\n\n" + FILLER
)
WORDS = ["SWAT", "swatted", "swatted", "swatting"]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = one_article_library(tmp_path, "Calls", "/news/c.txt", TEXT)
    yield store
    store.close()


def spans() -> list[tuple[int, int]]:
    found, at = [], 0
    for word in WORDS:
        at = TEXT.index(word, at)
        found.append((at, at + len(word)))
        at += len(word)
    return found


async def test_dot_walks_every_match_the_list_showed(store: Store) -> None:
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        search = await search_library(pilot, "swatting")
        listed = sorted((h.offset, h.offset + len(h.exact)) for h in search.hits)
        assert listed == spans(), listed  # the list: SWAT, swatted twice, swatting
        row = next(i for i, h in enumerate(search.hits) if h.offset == spans()[1][0])
        screen = await open_hit(pilot, row, turns=20)
        assert screen.search_bar.count_text == "match 2 of 4"
        walked = []
        for _ in range(4):
            await pilot.press("full_stop")
            await pilot.pause()
            walked.append(screen.last_match)
        assert walked == [*spans()[2:], *spans()[:2]]
        await pilot.press("comma")
        await pilot.pause()
        assert screen.last_match == spans()[0]


async def test_from_a_note_hit_dot_walks_the_texts_matches(store: Store) -> None:
    (record,) = store.list_articles()
    start = TEXT.index("Paragraph 3 ")
    store.add_annotation(record.id, TEXT, start, start + 11, note="swatting worries me")
    app = ReaderApp(store=store, start_in_library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        search = await search_library(pilot, "swatting")
        row = next(i for i, h in enumerate(search.hits) if h.kind == "note")
        screen = await open_hit(pilot, row, turns=20)
        assert screen.search_bar.input.value == "swatting"
        await pilot.press("full_stop")
        await pilot.pause()
        assert screen.last_match == spans()[0]
        assert screen.search_bar.count_text == "match 1 of 4"
