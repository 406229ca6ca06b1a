"""ConfirmDialog: y/n/enter/escape; the message is plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Static

from reader.ui.screens.confirm import ConfirmDialog

CSS = Path(__file__).parents[2] / "reader" / "ui" / "library.tcss"


class ConfirmApp(App[None]):
    CSS_PATH = str(CSS)

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message
        self.results: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(ConfirmDialog(self.message), self.results.append)


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["y"], True),
        (["n"], False),
        (["escape"], False),
        (["enter"], False),
        (["tab", "enter"], True),
    ],
)
async def test_confirm_keys(keys: list[str], expected: bool) -> None:
    app = ConfirmApp("Delete “x”?")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.results == [expected]


async def test_message_is_not_markup() -> None:
    app = ConfirmApp("Delete “[b]x[/b] [link=y]z[/link]”?")
    async with app.run_test() as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#confirm-message", Static).render())
        assert shown == "Delete “[b]x[/b] [link=y]z[/link]”?"
