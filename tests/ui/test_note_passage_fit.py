"""Found by a new user at 80x24: the note editor showed the passage cut after its first line,
with no "…" and no word that it went on ("In a post on X, Gantz said he expressed “deep
personal"): the passage's box was sized once, after the first refresh, and in a real terminal
the first editor of a session could be measured before the passage was laid out (one row, the
box's CSS height). The box now follows the passage each time it is laid out."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tests.ui.test_note_editor import EditorApp

PASSAGE = ("In a post on X, Gantz said he expressed “deep personal appreciation” for the Biden "
           "administration’s “commitment to Israel’s security and the efforts to return the "
           "hostages home.")


async def test_the_passage_box_follows_the_passage_when_it_is_laid_out_again() -> None:
    app = EditorApp("Short.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#note-passage-box", VerticalScroll)
        assert box.size.height == 1
        # Laid out again, three rows high (as when the first measure came before the layout).
        screen.query_one("#note-passage", Static).update(Content(PASSAGE))
        for _ in range(4):
            await pilot.pause()
        assert box.size.height == 3  # the whole passage, within the cap of 15% of 24 rows
        assert box.max_scroll_y == 0
