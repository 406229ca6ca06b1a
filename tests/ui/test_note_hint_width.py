"""Found by a new user at 80 columns: the note editor's hint for a long line was cut
("long line unwrapped: scroll"). It fits the editor at 80 columns whole."""

from __future__ import annotations

from textual.widgets import Static

from reader.ui.screens.note_editor import WRAP_LIMIT
from tests.ui.conftest import screen_lines
from tests.ui.test_note_editor import EditorApp


async def test_the_long_line_hint_is_whole_at_80_columns() -> None:
    app = EditorApp("A passage.", note="short\n" + "x" * (WRAP_LIMIT + 1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hint = str(app.screen.query_one("#note-hint", Static).render())
        assert "unwrapped" in hint
        assert any(hint in line for line in screen_lines(app)), (hint, screen_lines(app))
