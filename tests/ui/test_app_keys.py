"""Pilot tests of the article screen's keys as the reader finds them: help, legend, the command
palette and remapping. The real app, the real store (tmp_path), the sample's cached analysis."""

from __future__ import annotations

from typing import Any

import pytest

from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.legend import LegendScreen
from reader.ui.widgets.search_bar import SearchBar
from tests.ui.conftest import wait_for_analysis

#: For a test of what follows the analysis: the sample's comes from the cache
#: (tests/ui/conftest.py); the tests of the analysis itself let the app run it.
AFTER_ANALYSIS = pytest.mark.usefixtures("sample_analysed")


def article(app: Any) -> ArticleScreen:
    screen = app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


@AFTER_ANALYSIS
async def test_help_lists_every_key_from_the_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").content)
        from textual.binding import BindingsMap

        from reader.ui.widgets.article_view import ArticleView

        for cls in (ArticleScreen, ArticleView):
            for bindings in BindingsMap(cls.BINDINGS).key_to_bindings.values():
                for binding in bindings:
                    if binding.description:
                        assert (binding.tooltip or binding.description) in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


@AFTER_ANALYSIS
async def test_legend_names_each_speaker(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await wait_for_analysis(pilot)
        names = [sp.name for sp in article(app).analysis.speakers]
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        text = str(app.screen.query_one("#legend-keys").content)
        for name in names:
            assert name in text
        assert "PERSON" in text
        assert "Unattributed" not in text  # every quote of the sample is attributed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)


@AFTER_ANALYSIS
async def test_command_palette_runs_reader_actions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Legend")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, LegendScreen)


@AFTER_ANALYSIS
async def test_every_key_has_a_unique_id_and_can_be_remapped(make_app) -> None:
    from textual.binding import BindingsMap

    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.speaker_panel import SpeakerPanel

    ids: dict[str, str] = {}
    for cls in (ArticleScreen, ArticleView, SpeakerPanel, SearchBar, HelpScreen, LegendScreen):
        for bindings in BindingsMap(cls.BINDINGS).key_to_bindings.values():
            for binding in bindings:
                assert binding.id, f"{cls.__name__}: {binding.key} has no id"
                assert binding.description, f"{cls.__name__}: {binding.key} has no description"
                owner = f"{cls.__name__}.{binding.action}"
                assert ids.setdefault(binding.id, owner) == owner, f"{binding.id} used twice"
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for_analysis(pilot)
        app.set_keymap({"reading.legend": "f9"})
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
