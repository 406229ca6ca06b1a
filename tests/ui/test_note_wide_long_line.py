"""A one-line note of wide letters (CJK), hundreds of KB long: each key is still echoed. Textual's
TextArea measured and drew the whole line several times a key (880,000 characters: seconds per
key, the screen frozen); the editor now measures a line once per version and draws the part in
view. The work is counted (characters measured per key), and what is drawn is compared with
what Textual's own TextArea draws for the same text, cursor and scroll."""

from __future__ import annotations

import pytest
import rich.cells
from textual.app import App, ComposeResult
from textual.widgets import TextArea

import reader.ui.widgets.long_line as long_line
from reader.ui.widgets.note_area import NoteArea
from tests.ui.test_note_editor import EditorApp

WIDE = "word 漢字 " * 12_500  # 100,000 characters, one line, a third of them two cells wide


async def test_a_key_in_a_long_wide_line_measures_it_about_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measured = [0]
    cell_len = rich.cells._cell_len
    cell_size = long_line.get_character_cell_size

    def counting_len(text: str, unicode_version: str) -> int:
        measured[0] += len(text)
        return cell_len(text, unicode_version)

    def counting_size(character: str) -> int:
        measured[0] += 1
        return cell_size(character)

    app = EditorApp("A passage.", note=WIDE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert not area.soft_wrap
        monkeypatch.setattr(rich.cells, "_cell_len", counting_len)
        monkeypatch.setattr(long_line, "get_character_cell_size", counting_size)
        for key in "abcde":
            await pilot.press(key)
            await pilot.pause()
        monkeypatch.undo()
        assert area.text == WIDE + "abcde"
    # Textual's own drawing measured the line some ten to twenty times a key.
    assert measured[0] // 5 <= 3 * len(WIDE), measured[0] // 5


class TwoAreas(App[None]):
    """Textual's TextArea and the note editor's, side by side, on the same text."""

    def compose(self) -> ComposeResult:
        yield TextArea(WIDE, soft_wrap=False, id="plain")
        yield NoteArea(WIDE, soft_wrap=False, id="note")


@pytest.mark.parametrize("column", [0, 7, 50_001, len(WIDE)])
@pytest.mark.parametrize("select", [False, True])
async def test_a_long_line_is_drawn_as_textual_draws_it(column: int, select: bool) -> None:
    app = TwoAreas()
    async with app.run_test(size=(60, 20)) as pilot:
        areas = [app.query_one("#plain", TextArea), app.query_one("#note", NoteArea)]
        drawn = []
        for area in areas:  # each in turn has the focus (the cursor is drawn)
            area.styles.height = 5
            area.cursor_blink = False
            area.focus()
            area.move_cursor((0, max(0, column - 30)))
            area.move_cursor((0, column), select=select)
            await pilot.pause()
            width = area.scrollable_content_region.width
            # Textual draws the whole line and the screen keeps what fits: the view's cells
            drawn.append([area.render_line(y).crop(0, width) for y in range(3)])
        plain, note = drawn
        assert areas[0].scroll_offset == areas[1].scroll_offset
        assert [strip.text for strip in note] == [strip.text for strip in plain]
        assert [list(strip) for strip in note] == [list(strip) for strip in plain]


async def test_six_long_lines_in_view_are_not_measured_again_as_the_cursor_moves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Six long lines on screen: moving the cursor measures none of them again (a cache of
    the last four lines missed at every frame: every line measured for each key)."""
    line = "word 漢字 " * 2_000  # 16,000 characters
    measured = [0]
    cell_size = long_line.get_character_cell_size

    def counting_size(character: str) -> int:
        measured[0] += 1
        return cell_size(character)

    app = EditorApp("A passage.", note="\n".join([line] * 6))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert not area.soft_wrap
        monkeypatch.setattr(long_line, "get_character_cell_size", counting_size)
        for key in ("down", "down", "right", "up", "end"):
            await pilot.press(key)
            await pilot.pause()
        monkeypatch.undo()
    assert measured[0] == 0, measured[0] // len(line)
