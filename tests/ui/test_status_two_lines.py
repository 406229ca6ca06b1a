"""Found by a new user at 80 columns: a long message in the status line lost its end ("wrapped
to a 911 emergency dispatch operator’s first quote · a 911 emer…"). A message too long for one
line wraps to a second; a short one keeps the line to one row. The real app on a real SQLite
file, with the article's analysis as the engine stores it."""

from __future__ import annotations

import re
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


LONG = "a senior spokeswoman for the county sheriff’s office in the northern district"
MANY = "".join(f"“Number {i} is in,” {LONG} said.\n\nFran waited for the next one.\n\n"
               for i in range(12))


async def test_the_quote_under_the_cursor_stays_on_one_row_and_in_view(
    make_app: Any, store: Store
) -> None:
    """Moving over quotes with a long speaker name: the status line flipped between two rows
    and one at every j, and the cursor's quote ended below the view. The cursor's context
    keeps one row (cut with an ellipsis); only a message wraps."""
    found = re.finditer(r"“Number \d+ is in,”", MANY)
    quotes = [Quote(i, m.start(), m.end(), m.group(), LONG, cue="said", rule="explicit",
                    confidence=1.0) for i, m in enumerate(found)]
    analysis = Analysis(quotes=quotes, speakers=[
        Speaker(LONG, quotes=list(range(12)), words=48, share=1.0, kind="unnamed")])
    store.cache_analysis(text_hash(MANY), model_id(None), ENGINE_VERSION, analysis)
    app = make_app(Document(title="Many", source="/news/many.txt", text=MANY))
    async with app.run_test(size=(80, 14)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        screen.view.focus()
        heights, hidden, infos = set(), [], []
        for step in range(14):
            await pilot.press("j")
            await pilot.pause()
            heights.add(screen.query_one("#status").size.height)
            infos.append(str(screen.query_one("#status-info").content))
            if LONG in infos[-1]:  # one row, its end cut where it meets the position
                assert "…" in screen_lines(app)[-2]
            if not screen.view._cursor_visible():
                hidden.append(step)
        assert any(LONG in info for info in infos)  # the context was shown, and is long
        assert heights == {1}, heights
        assert hidden == [], hidden
        view = screen.view
        while not view._cursor_visible() or view._layout.offset_to_point(view.cursor_span[1] - 1)[
                0] < round(view.scroll_y) + view.scrollable_content_region.height - 1:
            await pilot.press("j")  # down to the view's last row
            await pilot.pause()
        screen.set_info(f"wrapped to {LONG}’s first quote · {LONG} · quote 1 of 12")
        await pilot.pause()
        assert screen.query_one("#status").size.height == 2
        # The text was made a row shorter: the cursor's sentence still ends in view.
        last_row = view._layout.offset_to_point(view.cursor_span[1] - 1)[0]
        assert last_row < round(view.scroll_y) + view.scrollable_content_region.height
