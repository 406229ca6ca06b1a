"""Snapshots of the main states on the sample article, analysed by the real (pinned) model.

Regenerate with `pytest tests/ui/test_snapshots.py --snapshot-update` after a deliberate change,
and look at the SVGs (tests/ui/__snapshots__/) before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.colour_systems import run_in, screenshots_in
from tests.ui.conftest import wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def after_analysis(*keys: str, theme: str | None = None) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        if theme:
            pilot.app.theme = theme
        await wait_for_analysis(pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


SCENARIOS = {
    "highlighted": ((120, 36), after_analysis()),
    # The cursor on a quote's sentence (]), in tmux's default 256 colours and in truecolor.
    "quote_cursor_120x40": ((120, 40), after_analysis("right_square_bracket")),
    "quote_cursor_120x40_256": ((120, 40), after_analysis("right_square_bracket")),
    "small_80x24_256": ((80, 24), after_analysis()),
    # ] ] to Gantz's first quote, s to his second.
    "speakers_tab_quote_chosen": (
        (120, 36), after_analysis("right_square_bracket", "right_square_bracket", "s")
    ),
    "entities_tab": ((120, 36), after_analysis("t")),
    "help": ((120, 50), after_analysis("question_mark")),
    "legend": ((120, 40), after_analysis("l")),
    "small_80x24": ((80, 24), after_analysis()),
    "light_theme": ((120, 36), after_analysis(theme="textual-light")),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_snapshot(scenario: str, make_app, snap_compare, monkeypatch) -> None:
    """Scenarios ending in _256 run as in a 256-colour terminal and are drawn in its colours."""
    size, run_before = SCENARIOS[scenario]
    if scenario.endswith("_256"):
        run_in(monkeypatch, "256")
        app = screenshots_in(make_app(), "256")
    else:
        app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=run_before)
