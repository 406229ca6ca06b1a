"""Found by a new user: `h` over a passage its highlights already covered said "highlight
extended" though not one more word was highlighted."""

from __future__ import annotations

from typing import Any

from reader.sources import Document
from reader.ui.screens.article import ArticleScreen

TEXT = ("The port opened at dawn. The ships came in at noon. The crews went home at dusk.\n\n"
        "Nothing else happened that day.\n")


def info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def test_h_over_highlights_that_cover_the_passage_says_so(make_app: Any) -> None:
    app = make_app(Document("Port", "port.txt", TEXT, name="port.txt"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("g", "h", "j", "h")  # the first two sentences, one by one
        await pilot.pause()
        assert info(screen).startswith("highlighted 6 words")
        await pilot.press("k", "v", "j", "j", "h")  # both again: joined, nothing new covered
        await pilot.pause()
        assert info(screen).startswith("already highlighted · its 2 highlights joined"), info(
            screen)
        await pilot.press("g", "v", "j", "j", "j", "h")  # the third sentence too: a real extension
        await pilot.pause()
        assert info(screen).startswith("highlight extended to"), info(screen)
