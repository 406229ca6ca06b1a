"""Found by a new user: a long paste arriving as keystrokes (tmux `send-keys -l`) left its end
below the note editor's view until another key was typed, so the paste looked cut off. The
terminal sends it in pieces; each piece is inserted as one edit (``NoteArea``), which scrolled
to the cursor before the lines it added were laid out."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.ui.test_note_burst import _burst, _keys
from tests.ui.test_note_editor import EditorApp

PIECE = ("words of a long paste that goes on " * 20)[:700]


async def test_the_end_of_a_long_paste_is_in_view() -> None:
    app = EditorApp("The passage the reader highlighted.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):  # the pieces a terminal sends a long paste in
            _burst(app, _keys(PIECE))
            await pilot.pause()
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        row = area.wrapped_document.location_to_offset(area.cursor_location).y
        top = area.scroll_offset.y
        assert top <= row < top + area.scrollable_content_region.height, (row, top, area.size)
