"""The legend at 80×24: all of it on screen for the sample, and scrollable by key when an
article has more speakers than fit."""

from __future__ import annotations

from typing import Any

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Quote, Speaker
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.app import ReaderApp
from reader.ui.screens.legend import LegendScreen
from tests.ui.conftest import screen_lines, wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def shown(app: Any) -> str:
    return "\n".join(screen_lines(app))


async def test_the_whole_legend_fits_80x24_for_the_sample(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        names = [sp.name for sp in app.screen.analysis.speakers]
        analysis = app.screen.analysis
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        text = shown(app)
        for name in names:
            assert name in text
        for must in ("PERSON", "Entities: by type", "5  orange", "escape"):
            assert must in text, must
        # every quote of the sample has its speaker: no colour to explain for unattributed ones
        assert all(q.speaker for q in analysis.quotes)
        assert "Unattributed" not in text
        assert app.screen.query_one("#legend-body").max_scroll_y == 0


async def test_a_long_legend_scrolls_by_key(store: Store) -> None:
    names = [f"Speaker Number {n} With A Long Name" for n in range(16)]
    text = "\n\n".join(f"“Line {n},” said {name}." for n, name in enumerate(names)) + "\n"
    quotes, speakers, entities = [], [], []
    for n, name in enumerate(names):
        start = text.index(f"“Line {n},”")
        end = text.index("”", start) + 1
        quotes.append(Quote(n, start, end, text[start:end], speaker=name))
        speakers.append(Speaker(name, [name], quotes=[n], words=2, share=1 / len(names)))
        mention = text.index(name, end)
        entities.append(Entity(mention, mention + len(name), name, "PERSON"))
    analysis = Analysis(quotes=quotes, speakers=speakers, entities=entities)
    from reader.analysis.nlp import model_id

    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    app = ReaderApp(store=store, document=Document(title="Many", source="/m.txt", text=text))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("l")
        await pilot.pause()
        body = app.screen.query_one("#legend-body")
        assert body.max_scroll_y > 0 and body.has_focus
        assert "5  orange" not in shown(app)
        # end and home scroll with an animation: wait for it to finish, not for one frame
        # (under load, one frame was not enough for home and the test failed once).
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert "5  orange" in shown(app)
        await pilot.press("home")
        await pilot.wait_for_scheduled_animations()
        assert "Quotes: one colour per speaker" in shown(app)


def test_a_long_name_is_cut_only_where_its_column_ends() -> None:
    """A new user saw "A spokesperson for the Spri…" beside some 40 empty columns: the names
    are cut to the column the layout gives them, not to a fixed 28 cells."""
    from textual.color import Color

    from reader.ui.screens.legend import Legend, legend_content

    long = "A spokesperson for the Springfield Transit Authority"
    legend = Legend(speakers=[(name, Color(200, 0, 0), Color(60, 0, 0)) for name in (
        "Elena Ruiz", long, "Regional Planning Commission")])
    lines = legend_content(legend, 70).plain.splitlines()  # one column, as at 80×24
    assert any(line.endswith(long) for line in lines), lines
    assert all(len(line) <= 70 for line in lines)
    # Narrower than the name: cut, with the ellipsis, inside the width.
    narrow = legend_content(legend, 40).plain.splitlines()
    assert all(len(line) <= 40 for line in narrow) and any("…" in line for line in narrow)
