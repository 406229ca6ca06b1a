"""Drawing only the visible part of a very long unwrapped line in the note editor.

Textual's TextArea renders a line whole and then crops it to the view: for each key, each
cursor blink, each scroll, every character is measured and styled. For a one-line note of
880,000 characters with wide (CJK) letters that took several seconds a key, the screen frozen.
Here the line's cell offsets are measured once per version of the line (kept by each editor,
one entry a row: a note of many long lines is not measured again every frame), and only the
characters in view are styled and rendered: the same cells, at a cost set by the view's width.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import TextArea

from reader.ui.textual_private import WrappedDocument, draws_cursor, has_cursor, theme_of

#: Lines at least this long are drawn in part (shorter ones cost little drawn whole).
LONG_LINE = 10_000


def measurable(line: str) -> bool:
    """A line drawn in part: long, and each character's cells its own (no tab, whose width
    depends on where it falls; no joiner or emoji selector, which rich measures by cluster)."""
    return len(line) >= LONG_LINE and not any(c in line for c in "\t\u200d\ufe0f")


class CellStarts:
    """The cell each character of a line starts at (and the cell after its end), one entry per
    row, checked by identity: a line is measured once per version, however often it is drawn.
    (A cache of the last four lines missed every frame once five long lines were in view.)"""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[str, Sequence[int]]] = {}
        #: Lines measured (for the tests: work counted, not timed).
        self.measured = 0

    def of(self, line: str, row: int) -> Sequence[int]:
        kept = self._kept.get(row)
        if kept is not None and kept[0] is line:
            return kept[1]
        self.measured += 1
        if line.isascii() and line.isprintable():  # one cell each
            starts: Sequence[int] = range(len(line) + 1)
        else:
            starts = list(accumulate(map(get_character_cell_size, line), initial=0))
        self._kept[row] = (line, starts)
        return starts

    def width(self, line: str, row: int, tab_width: int) -> int:
        """The cells the line takes (a long line without tabs from its measured offsets)."""
        if not measurable(line):
            self._kept.pop(row, None)
            return cell_len(line.expandtabs(tab_width))
        return self.of(line, row)[-1]

    def keep_rows(self, rows: int) -> None:
        """Forget the rows past the document's end (lines deleted)."""
        for row in [r for r in self._kept if r >= rows]:
            del self._kept[row]


class QuickWrapped(WrappedDocument):
    """TextArea's wrapped document, with a long line's sections cut by slicing (Textual made a
    rich Text of the line, filtering control codes, several times a key) and the cursor's cell
    found in the line's measured offsets instead of measuring the line up to it each time."""

    #: The measures of the editor that owns it (set by `quick`).
    cells: CellStarts

    def get_sections(self, line_index: int) -> list[str]:
        line = self.document[line_index]
        offsets = self._wrap_offsets[line_index]
        if len(line) < LONG_LINE:
            return super().get_sections(line_index)
        bounds = [0, *offsets, len(line)]
        return [line[a:b] for a, b in pairwise(bounds)]

    def location_to_offset(self, location: tuple[int, int]) -> Offset:
        row, column = location
        if not 0 <= row < self.document.line_count or self.get_offsets(row):
            return super().location_to_offset(location)
        line = self.document[row]
        if not measurable(line):
            return super().location_to_offset(location)
        starts = self.cells.of(line, row)
        return Offset(starts[max(0, min(column, len(line)))], self._line_index_to_offsets[row][0])


def quick(document: WrappedDocument, cells: CellStarts) -> WrappedDocument:
    """The same wrapped document, made a QuickWrapped reading the editor's `cells`."""
    if type(document) is WrappedDocument:
        document.__class__ = QuickWrapped
    if isinstance(document, QuickWrapped):
        document.cells = cells
    return document


def render_long_line(area: TextArea, y: int, cells: CellStarts) -> Strip | None:
    """Row `y` of an unwrapped text area when it shows a `measurable` line; None to let
    TextArea draw it."""
    if area.soft_wrap or area.show_line_numbers:
        return None
    scroll_x, scroll_y = area.scroll_offset
    index = y + scroll_y
    if index >= area.document.line_count:
        return None
    line = area.document.get_line(index)
    if not measurable(line):
        return None
    theme = theme_of(area)
    base = theme.base_style if theme and theme.base_style is not None else area.rich_style
    view = area.scrollable_content_region.width
    starts = cells.of(line, index)  # and the cell after the end, where the cursor rests
    first = max(0, bisect_right(starts, scroll_x) - 1)
    last = min(len(line) + 1, bisect_left(starts, scroll_x + view) + 1)
    shown = line[first:last] + (" " if last > len(line) else "")
    piece = Text(shown, end="", no_wrap=True)
    (top_row, top_col), (bottom_row, bottom_col) = sorted(area.selection)
    cursor_row, cursor_col = area.selection.end
    line_style = None
    if theme and area.highlight_cursor_line and has_cursor(area) and cursor_row == index:
        line_style = theme.cursor_line_style
        if line_style:
            piece.stylize(line_style)
    selecting = area.selection.start != area.selection.end
    if theme and theme.selection_style and selecting and top_row <= index <= bottom_row:
        start = top_col if index == top_row else 0
        end = bottom_col if index == bottom_row else len(line)
        piece.stylize(theme.selection_style, max(0, start - first), max(0, end - first))
    cursor_here = cursor_row == index and first <= cursor_col < last
    if cursor_here and draws_cursor(area) and theme and theme.cursor_style:
        piece.stylize(theme.cursor_style, cursor_col - first, cursor_col - first + 1)
    strip = Strip(piece.render(area.app.console))
    offset = scroll_x - starts[first]  # a wide character cut by the view's left edge
    strip = strip.crop(offset, offset + view).extend_cell_length(view, line_style or base)
    return strip.apply_style(base)
