"""Pilot tests of the article screen against what an article or the engine may throw at it:
article data that looks like markup, an analysis that fails. The real app, the real store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Quote, Speaker
from reader.sanitize import inert, is_unsafe
from reader.sources import Document
from reader.store import Store, text_hash
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.legend import LegendScreen
from tests.ui.conftest import wait_for_analysis

from .conftest import toast_texts, toasts


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


HOSTILE = [
    "[bold red]Bold[/bold red] claims",
    "[@click=app.quit]Click me[/]",
    "[link=https://example.com]link[/link]",
    "Escape \x1b[31mred\x1b[0m and bell \x07",
    "OSC \x1b]52;c;aGVsbG8=\x07 title",
    "Bidi \u202eevil\u202c name",
]


@pytest.mark.parametrize("hostile", HOSTILE)
async def test_article_data_is_never_markup_in_the_header_panels_and_toasts(
    store: Store, hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Title, source, speaker names, roles, quotes and entities reach the screen as text."""
    from reader.analysis.nlp import model_id
    from reader.ui.app import ReaderApp

    text = f"{hostile}\n\n“{hostile} indeed,” said {hostile}.\n"
    q_start = text.index("“")
    q_end = text.index("”") + 1
    analysis = Analysis(
        quotes=[Quote(0, q_start, q_end, text[q_start:q_end], speaker=hostile)],
        speakers=[Speaker(hostile, [hostile], role=hostile, quotes=[0], words=3, share=1.0)],
        entities=[Entity(0, len(hostile), hostile, "PERSON")],
    )
    store.cache_analysis(text_hash(text), model_id(None), ENGINE_VERSION, analysis)
    doc = Document(title=hostile, source=hostile, text=text)
    app = ReaderApp(store=store, document=doc)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        assert screen.analysis_complete
        title = str(screen.query_one("#header-title").content)
        visible = inert(hostile.split("\x1b")[0], newlines=False).strip()
        assert visible in title
        assert "\x1b" not in title and "\x07" not in title
        header = screen.speaker_panel.get_option("speaker-0").prompt
        assert visible in str(header)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")
        monkeypatch.delenv("DISPLAY", raising=False)  # copy via OSC 52, not a real clipboard
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        await pilot.press("s")
        await pilot.pause()
        # The status line names the speaker of the quote under the cursor: inert too (a bidi
        # override reversed the rest of the line in a bidi-aware terminal).
        info = str(screen.query_one("#status-info").content)
        assert visible in info and not any(is_unsafe(ch) for ch in info), repr(info)
        await pilot.press("y")
        await pilot.pause()
        toast = (await toast_texts(pilot))[-1]
        assert toast.startswith("Copied the quote by ") and visible in toast
        assert "\x1b" not in toast and "\x07" not in toast
        assert app.is_running
        assert isinstance(app.screen, ArticleScreen)


async def test_a_failing_analysis_is_a_notice_not_a_crash(
    make_app, store: Store, tmp_path: Path
) -> None:
    """A --model that looks like a pipeline but cannot load: the worker fails; the text stays."""
    broken = tmp_path / "broken_pipeline"
    broken.mkdir()
    (broken / "meta.json").write_text('{"lang": "en", "name": "broken", "version": "0.0.1"}')
    app = make_app(model=str(broken))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        screen = article(app)
        assert app.is_running
        assert screen.status_text.startswith("analysis failed")
        assert not screen.query_one("#progress").display
        errors = [t for t in await toasts(pilot) if t.severity == "error"]
        assert errors and "Analysis failed:" in errors[-1].text
        await pilot.press("s", "right_square_bracket", "l")  # keys still work, nothing to jump to
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
    assert store.list_articles()[0].quotes in (None, 0)
