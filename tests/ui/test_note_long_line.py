"""A note holding one very long line (400 KB pasted with no newline) still echoes each key: the
editor stops wrapping it, so drawing a row no longer splits the whole line into all its rows.
The work is counted (characters rich's Text.divide is handed per key), never timed."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual import events
from textual.widgets import Static, TextArea

from reader.ui.screens.note_editor import WRAP_LIMIT
from tests.ui.test_note_editor import EditorApp


async def divided_per_key(monkeypatch: pytest.MonkeyPatch, pasted: str) -> tuple[int, str]:
    """Paste `pasted` into a new note, type five letters: the characters divided into wrapped
    rows while they were drawn, and the editor's text after."""
    divided = [0]
    divide = Text.divide

    def counting(self: Text, offsets):  # type: ignore[no-untyped-def]
        divided[0] += len(self)
        return divide(self, offsets)

    app = EditorApp("A passage.")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        app.post_message(events.Paste(pasted))  # as the driver delivers a bracketed paste
        await pilot.pause()
        monkeypatch.setattr(Text, "divide", counting)
        for key in "abcde":
            await pilot.press(key)
            await pilot.pause()
        monkeypatch.setattr(Text, "divide", divide)
        return divided[0] // 5, area.text


async def test_a_long_line_is_not_rewrapped_for_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    pasted = "word " * 20_000  # 100 KB, one line
    per_key, text = await divided_per_key(monkeypatch, pasted)
    assert text == pasted + "abcde"  # the text is the person's, untouched
    # A pass or two over the line per key (placing the cursor); wrapped, every one of the
    # editor's ten rows split all of it into its rows again (10x the line per key).
    assert per_key <= 4 * len(pasted), per_key


async def test_wrapping_is_off_only_while_a_line_is_that_long() -> None:
    app = EditorApp("A passage.", note="short\n" + "x" * (WRAP_LIMIT + 1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        hint = app.screen.query_one("#note-hint", Static)
        assert not area.soft_wrap
        assert "unwrapped" in str(hint.render())
        area.move_cursor(area.document.end)
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert area.soft_wrap
        assert "unwrapped" not in str(hint.render())
        assert area.text == "short\n" + "x" * (WRAP_LIMIT - 1)
