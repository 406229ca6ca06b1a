"""Found by a new user at 80 columns: a long message in the status line lost its end ("wrapped
to a 911 emergency dispatch operator’s first quote · a 911 emer…"). A message too long for one
line wraps to a second; a short one keeps the line to one row. The real app on a real SQLite
file, with the article's analysis as the engine stores it."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from tests.ui.conftest import screen_lines, wait_for_analysis

WHO = "a 911 emergency dispatch operator"
TEXT = (f"“Are you OK?” {WHO} asked.\n\nFran did not know what to make of it.\n\n"
        f"“Is anyone being attacked in your house?” {WHO} asked again.\n")


def _analysis() -> Analysis:
    quotes = []
    for i, passage in enumerate(("“Are you OK?”", "“Is anyone being attacked in your house?”")):
        start = TEXT.index(passage)
        quotes.append(Quote(i, start, start + len(passage), passage, WHO, cue="asked",
                            rule="explicit", confidence=1.0))
    return Analysis(quotes=quotes, speakers=[
        Speaker(WHO, quotes=[0, 1], words=11, share=1.0, kind="unnamed")])


async def test_a_long_message_wraps_to_a_second_line(make_app: Any, store: Store) -> None:
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, _analysis())
    app = make_app(Document(title="The call", source="/news/call.txt", text=TEXT))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        screen.view.focus()
        await pilot.press("s", "s", "s")  # the first, the second, then round to the first
        await pilot.pause()
        message = str(screen.query_one("#status-info").content)
        assert message == (f"wrapped to {WHO}’s first quote · {WHO} · quote 1 of 2")
        assert screen.query_one("#status").size.height == 2
        rows = screen_lines(app)[-3:-1]  # the status line's two rows, above the footer
        # every word of it on screen, nothing cut (the position, "7%", ends the first row)
        shown = " ".join(w for w in " ".join(rows).split() if not w.endswith("%"))
        assert shown == message
        await pilot.press("j")  # the next key ends the message: one line again
        await pilot.pause()
        assert screen.query_one("#status").size.height == 1
