"""Found by a new user: "State" (from "Secretary of State") was listed under Organisations in
the Entities tab, and marked as one in the text. The end of a title names no body."""

from __future__ import annotations

from reader.sources import Document
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

TEXT = (
    "Talks resume\n\n"
    "Secretary of State Antony Blinken arrived in Geneva on Monday. “We are close to a deal,” "
    "Blinken said. The Secretary of the Treasury stayed in Washington, and Microsoft said "
    "nothing.\n"
)


async def test_the_end_of_a_title_is_not_an_organisation(make_app, analysed) -> None:
    analysed(TEXT)
    app = make_app(Document(title="Talks", source="/talks.txt", text=TEXT))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("t")  # the Entities tab
        await pilot.pause()
        panel = screen.entities_panel
        names = {(g.label, g.text) for g in panel._groups.values()}
        assert ("ORG", "Microsoft") in names, names  # a body named is listed
        assert not {text for label, text in names if label == "ORG"} & {"State", "Treasury"}
        assert screen.analysis is not None
        kept = {e.text for e in screen.analysis.entities}  # the text's entity layer
        assert "State" not in kept and "Treasury" not in kept, kept
        assert "Antony Blinken" in kept
