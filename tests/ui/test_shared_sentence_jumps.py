"""Found by a new user: when one sentence holds two quotes of two speakers ("“…,” Ann Lee said,
and Roger Ver answered, “…”"), the status line after ] or s named the first quote's speaker
whichever quote the jump landed on. Every jump names the quote it lands on. The real app on a
real SQLite file, with the article's analysis as the engine stores it."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import Analysis, Speaker
from reader.sources import Document
from reader.store import Store
from tests.ui.reading import reading_analysed, said_quotes, status_info

TEXT = ("Traders waited for news on Monday.\n\n"
        "“Markets fell,” Ann Lee said, and Roger Ver answered, “It is not a crisis.”\n\n"
        "“It will pass,” Ver added.\n")
ANALYSIS = Analysis(
    quotes=said_quotes(TEXT, (("“Markets fell,”", "Ann Lee"),
                              ("“It is not a crisis.”", "Roger Ver"),
                              ("“It will pass,”", "Roger Ver"))),
    speakers=[Speaker("Roger Ver", ["Ver"], quotes=[1, 2], words=9, share=0.8, kind="person"),
              Speaker("Ann Lee", quotes=[0], words=2, share=0.2, kind="person")])
DOC = Document(title="Markets", source="/news/markets.txt", text=TEXT)


async def landed(pilot: Any, key: str) -> tuple[int | None, str]:
    """The quote a key's jump lands on, and what the status line says of it."""
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen.current_quote, status_info(pilot.app)


async def test_every_jump_names_the_quote_it_lands_on(make_app: Any, store: Store) -> None:
    async with reading_analysed(make_app, store, DOC, ANALYSIS) as (_app, pilot):
        assert await landed(pilot, "right_square_bracket") == (0, "Ann Lee · quote 1 of 1")
        assert await landed(pilot, "right_square_bracket") == (1, "Roger Ver · quote 1 of 2")
        assert await landed(pilot, "s") == (2, "Roger Ver · quote 2 of 2")  # his next
        # Back to the shared sentence: his quote, not Ann Lee's.
        assert await landed(pilot, "S") == (1, "Roger Ver · quote 1 of 2")
        assert await landed(pilot, "left_square_bracket") == (0, "Ann Lee · quote 1 of 1")


async def test_after_escape_lets_go_of_a_quote_the_next_jump_moves_on(
    make_app: Any, store: Store
) -> None:
    """Found by a new user: `]`, escape ("mark let go"), `]` stayed on the same quote (the
    cursor was inside it and a quote the cursor is in but not marked was taken as the next)."""
    async with reading_analysed(make_app, store, DOC, ANALYSIS) as (_app, pilot):
        assert await landed(pilot, "right_square_bracket") == (0, "Ann Lee · quote 1 of 1")
        await pilot.press("escape")
        await pilot.pause()
        assert await landed(pilot, "right_square_bracket") == (1, "Roger Ver · quote 1 of 2")
