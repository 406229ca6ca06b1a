"""`y` and `Y` sign a quote with the library's name for its speaker ("Dana Whitfield", as
People lists her), not the shorter name one article gives her ("Whitfield"); the passage
itself stays as the article wrote it. The real app on a real store."""

from __future__ import annotations

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.analysis.nlp import model_id
from reader.sources import Document
from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import wait_for_analysis

FIRST = "“Our crews need answers,” Dana Whitfield said.\n"
SECOND = ("The group met on Monday.\n\n“We will watch every dollar,” Whitfield said.\n\n"
          "“Every one,” Whitfield added.\n")


def _cache(store: Store, text: str, name: str) -> None:
    quotes = []
    start = text.find("“")
    while start >= 0:
        end = text.index("”", start) + 1
        quotes.append(Quote(len(quotes), start, end, text[start:end], name, cue="said",
                            rule="explicit"))
        start = text.find("“", end)
    speaker = Speaker(name, quotes=list(range(len(quotes))), words=4, kind="person")
    record = store.save_article(Document(title=name, source=f"/n/{name}.txt", text=text))
    store.cache_analysis(record.hash, model_id(None), ENGINE_VERSION,
                         Analysis(quotes=quotes, speakers=[speaker]))


async def test_y_and_Y_sign_with_the_library_name(
    make_app, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)  # the terminal's clipboard (OSC 52)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    _cache(store, FIRST, "Dana Whitfield")
    _cache(store, SECOND, "Whitfield")
    record = next(a for a in store.list_articles() if a.title == "Whitfield")
    line = SECOND.index("“")
    store.add_annotation(record.id, SECOND, line, SECOND.index("\n", line), note="hers")
    app = make_app(Document(title="Whitfield", source="/n/Whitfield.txt", text=SECOND))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.view.cursor_to_offset(line + 3)  # on the highlight
        await pilot.press("y")
        await pilot.pause()
        assert "Contains a quote by Dana Whitfield." in app.clipboard, app.clipboard
        assert "” Whitfield said." in app.clipboard  # the article's words as written
        await pilot.press("Y")
        await pilot.pause()
        assert "Contains a quote by Dana Whitfield." in app.clipboard, app.clipboard
        screen.view.cursor_to_offset(SECOND.rindex("“") + 3)  # on the quote alone
        await pilot.press("y")
        await pilot.pause()
        assert "> — Dana Whitfield" in app.clipboard, app.clipboard
