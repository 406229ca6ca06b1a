"""Found by a new user: a quote whose speaker joined a longer name ("the Church" in the row of
"Catholic Church") was named and counted alone in the status line ("the Church · quote 1 of 1")
while the speakers panel listed "Catholic Church · 2 quotes", and s never went from one to the
other. The status line and s / S follow the panel. The real app on a real SQLite file, with the
article's analysis as the engine stores it (two names, one speaker's row)."""

from __future__ import annotations

from typing import Any

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store, text_hash
from tests.ui.conftest import wait_for_analysis

TEXT = ("Bishops met in Rome.\n\n“We will act,” the Catholic Church said on Monday.\n\n"
        "Others waited.\n\n“Nothing is hidden,” the Church added.\n")


def _analysis() -> Analysis:
    quotes = []
    for i, (passage, name) in enumerate((("“We will act,”", "Catholic Church"),
                                         ("“Nothing is hidden,”", "the Church"))):
        start = TEXT.index(passage)
        quotes.append(Quote(i, start, start + len(passage), passage, name, cue="said",
                            rule="explicit", confidence=1.0))
    church = Speaker("Catholic Church", aliases=["the Church"], role="the institution",
                     quotes=[0, 1], words=5, share=1.0, kind="org")
    return Analysis(quotes=quotes, speakers=[church])


def _info(app: Any) -> str:
    return str(app.screen.query_one("#status-info").content)


async def test_a_merged_speakers_quotes_are_counted_and_walked_as_the_panels(
    make_app: Any, store: Store
) -> None:
    store.cache_analysis(text_hash(TEXT), model_id(None), ENGINE_VERSION, _analysis())
    app = make_app(Document(title="Rome", source="/news/rome.txt", text=TEXT))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        screen.view.focus()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.current_quote == 1
        assert _info(app) == "Catholic Church · quote 2 of 2"
        await pilot.press("S")  # the same speaker's quote before: the panel's other one
        await pilot.pause()
        assert screen.current_quote == 0
        assert _info(app) == "Catholic Church · quote 1 of 2"
        await pilot.press("s")
        await pilot.pause()
        assert screen.current_quote == 1
        await pilot.press("s")
        await pilot.pause()
        assert screen.current_quote == 0
        assert _info(app).startswith("wrapped to Catholic Church’s first quote")
