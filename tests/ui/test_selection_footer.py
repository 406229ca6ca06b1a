"""The footer shows that a selection is on (o, esc) from the moment it starts, and stops
showing it when it ends: it used to wait for the first `o`, and keep it after escape."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import screen_lines, wait_for_analysis

# About what follows the analysis: the sample's comes from the cache (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("sample_analysed")


def footer(app: Any) -> str:
    return screen_lines(app)[-1]


async def test_the_footer_shows_selection_mode_while_selecting(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(pilot)
        assert "Cancel selection" not in footer(app)
        await pilot.press("v")
        await pilot.pause()
        assert "o Other end" in footer(app) and "Cancel selection" in footer(app), footer(app)
        await pilot.press("w", "escape")
        await pilot.pause()
        assert "Cancel selection" not in footer(app), footer(app)
        await pilot.press("w")  # w alone starts a selection too
        await pilot.pause()
        assert "Cancel selection" in footer(app), footer(app)


async def test_the_selecting_keys_come_first_at_80_columns(make_app: Any) -> None:
    """Found by a new user: selecting at 80 columns, the footer showed `esc` but not `o`."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_analysis(pilot)
        await pilot.press("v")
        await pilot.pause()
        shown = footer(app)
        assert "o Other end" in shown and "Cancel selection" in shown, shown
        assert "h Highlight" in shown and "n Note" in shown, shown
        await pilot.press("escape")
        await pilot.pause()
        assert "o Other end" not in footer(app), footer(app)
