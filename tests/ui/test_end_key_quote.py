"""Found by a new user: after G, on an article whose last sentence holds two quotes of one
speaker ("“…,” Ver said, “…”"), the status line said "quote 1 of 2" while the end of the text
is in the second, and the first ] went back to the first quote (seemingly nothing). After G the
cursor is at the text's last quote: the status line, the panel and ] / [ agree. The real app on
a real SQLite file, with the article's analysis as the engine stores it."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import Analysis, Speaker
from reader.sources import Document
from reader.store import Store
from tests.ui.reading import reading_analysed, said_quotes
from tests.ui.reading import status_info as _info

TEXT = ("“Markets fell,” Ann Lee said on Monday.\n\nTraders waited for news.\n\n"
        "“It is not a crisis,” Roger Ver said, “and it will pass.”\n")
ANALYSIS = Analysis(
    quotes=said_quotes(TEXT, (("“Markets fell,”", "Ann Lee"),
                              ("“It is not a crisis,”", "Roger Ver"),
                              ("“and it will pass.”", "Roger Ver"))),
    speakers=[Speaker("Roger Ver", quotes=[1, 2], words=10, share=0.8, kind="person"),
              Speaker("Ann Lee", quotes=[0], words=2, share=0.2, kind="person")])


async def test_after_G_the_cursor_is_at_the_last_quote(make_app: Any, store: Store) -> None:
    doc = Document(title="Markets", source="/news/markets.txt", text=TEXT)
    async with reading_analysed(make_app, store, doc, ANALYSIS) as (app, pilot):
        screen = app.screen
        await pilot.press("G")
        await pilot.pause()
        assert _info(app) == "Roger Ver · quote 2 of 2"
        assert screen.current_quote == 2
        assert screen.speaker_panel.highlighted_option.id == "quote-2"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert (screen.current_quote, _info(app)) == (1, "Roger Ver · quote 1 of 2")
        await pilot.press("G", "right_square_bracket")  # past the last quote: round to the first
        await pilot.pause()
        assert screen.current_quote == 0
        assert _info(app) == "wrapped to the first quote · Ann Lee · quote 1 of 1"
