"""A speaker card's name and role wrap onto lines of their own rather than lose their end:
at 80×24 "Republican Presidential candidate" read "Republican Presidential…" and "an organizer
at a field office" read "an organizer at a field…" (found by a fresh-eyes test)."""

from __future__ import annotations

from reader.analysis.model import ENGINE_VERSION, Analysis, Quote, Speaker
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from tests.ui.conftest import screen_lines, wait_for_analysis

ROLE = "Republican Presidential candidate and junior senator from Texas"
ORGANIZER = "an organizer at a field office"


def cached_app(store: Store):  # type: ignore[no-untyped-def]
    from reader.analysis.nlp import model_id
    from reader.ui.app import ReaderApp

    text = (
        "“We will win Iowa,” said Ted Cruz, the candidate.\n\n"
        "“You guys are gonna be the most effective messengers,” the organizer told them."
    )
    spans = [(text.index("“We"), text.index("”") + 1)]
    second = text.index("“You")
    spans.append((second, text.index("”", second) + 1))
    quotes = [
        Quote(0, *spans[0], text[slice(*spans[0])], "Ted Cruz", None, None, "explicit", 0.93),
        Quote(1, *spans[1], text[slice(*spans[1])], ORGANIZER, None, None, "unnamed", 0.8),
    ]
    speakers = [
        Speaker("Ted Cruz", ["Cruz"], ROLE, [0], 4, 0.3, kind="person"),
        Speaker(ORGANIZER, [], None, [1], 9, 0.7, kind="unnamed"),
    ]
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION,
                         Analysis(quotes=quotes, speakers=speakers))
    return ReaderApp(store=store, document=Document(title="Iowa", source="/i.txt", text=text))


def panel_text(app) -> str:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    left = screen.speaker_panel.region.x
    return "\n".join(line[left:].strip(" ▏█") for line in screen_lines(app))


async def test_long_names_and_roles_wrap_at_80x24(store: Store) -> None:
    app = cached_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        shown = panel_text(app)
        assert "…" not in shown.split("▌")[0].replace("“", ""), shown  # no card title is cut
        words = " ".join(shown.split())
        assert ROLE in words, shown
        assert f"{ORGANIZER} unnamed source" in words, shown
        # The kind stands on its own line after a wrapped name, not beside its last word.
        assert "office  unnamed source" not in shown, shown
