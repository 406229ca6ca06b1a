"""Small things a new user found: ctrl+home / ctrl+end did nothing in the note editor; `Y` on
a highlight without a note said "Copied 1 note"; a search with one match said "wrapped to the
first match · match 1 of 1". The real app driven by the Pilot."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.widgets.note_area import NoteArea
from tests.ui.conftest import toast_texts, wait_for_analysis

#: About what follows the analysis: the sample's, from the session's cache (conftest).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def _info(screen: ArticleScreen) -> str:
    return str(screen.query_one("#status-info").content)


async def test_ctrl_home_and_ctrl_end_go_to_the_top_and_end_of_the_note(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"first line", "enter", *"second", "enter", *"third line")
        await pilot.pause()
        area = app.screen.query_one(NoteArea)
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert area.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert area.cursor_location == (2, len("third line"))
        await pilot.press("ctrl+shift+home")
        await pilot.pause()
        assert area.selected_text == "first line\nsecond\nthird line"


async def test_Y_on_a_highlight_without_a_note_says_highlight(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)  # the terminal's clipboard (OSC 52)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("j", "h", "Y")
        await pilot.pause()
        said = " ".join(await toast_texts(pilot)) + _info(app.screen)
        assert "1 highlight as Markdown" in said and "1 note" not in said


async def test_one_match_is_the_only_match_not_wrapped_to(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        screen = app.screen
        await pilot.press("slash", *"non-starter", "enter")
        await pilot.pause()
        await pilot.press("full_stop")
        await pilot.pause()
        assert _info(screen).startswith("the only match · match 1 of 1")
        assert "wrapped" not in _info(screen)
