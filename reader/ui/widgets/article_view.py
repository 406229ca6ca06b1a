"""The article pane: a Line-API view of the text with quote/entity/highlight layers.

Only visible lines are drawn (``render_line``). Wrapping lives in ``reader.ui.layout``,
computed per paragraph, lazily, and cached per width, so a whole book opens at once.
Every mark is a (start, end) pair of ``str`` offsets into the text as given; the view
maps them to cells. The text is drawn from plain strings (never markup) with control
chars shown as inert symbols.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter, le
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from reader.ui import palette
from reader.ui.layout import WrapLayout, char_display, is_simple, split_units
from reader.ui.navigation import Navigator
from reader.ui.textsearch import find_all, fold_quotes

MAX_TEXT_WIDTH = 88
"""Readable line length in cells; wider panes get margins."""

#: Texts shorter than this are laid out in full when a reading position is restored.
EXACT_RESTORE_BELOW = 200_000

#: Values of the top layer of marks: a search match, the span jumped to, the current match.
MATCH, FOCUSED, CURRENT_MATCH = 1, 2, 3


@dataclass(frozen=True, slots=True)
class QuoteMark:
    start: int
    end: int
    quote_id: int
    slot: int | None  # speaker colour slot; None = unattributed


@dataclass(frozen=True, slots=True)
class EntityMark:
    start: int
    end: int
    label: str  # spaCy label


@dataclass(frozen=True, slots=True)
class HighlightMark:
    start: int
    end: int
    ann_id: int
    color: int  # 1-5


_by_start = itemgetter(0)
_start_of = attrgetter("start")


class _Layer:
    """Marks flattened into sorted, non-overlapping runs for fast per-line lookup.

    Where marks overlap, the one starting last (the innermost) wins.
    """

    __slots__ = ("ends", "marks", "starts", "values")

    def __init__(self, marks: Iterable[tuple[int, int, object]] = ()) -> None:
        items = [m for m in marks if m[1] > m[0]]
        items.sort(key=_by_start)  # near-linear: marks usually come in text order
        self.marks = items
        starts = [m[0] for m in items]
        ends = [m[1] for m in items]
        if all(map(le, ends, starts[1:])):  # the common case: no overlaps
            self.starts, self.ends, self.values = starts, ends, [m[2] for m in items]
            return
        self.starts = []
        self.ends = []
        self.values = []
        items.sort(key=lambda m: (m[0], -m[1]))
        points = sorted({p for start, end, _ in items for p in (start, end)})
        active: list[tuple[int, int, object]] = []
        index = 0
        for left, right in pairwise(points):
            while index < len(items) and items[index][0] <= left:
                active.append(items[index])
                index += 1
            active = [m for m in active if m[1] > left]
            if active:
                self._push(left, right, max(active, key=_by_start)[2])

    def extend(self, marks: list[tuple[int, int, object]]) -> bool:
        """Append marks that all come after the existing ones and do not overlap (a streamed
        analysis reaching further into the text); False when a full rebuild is needed."""
        simple = len(self.marks) == len(self.starts)
        last = self.ends[-1] if self.ends else 0
        if not simple or not marks or marks[0][0] < last:
            return False
        if not all(a[1] <= b[0] for a, b in pairwise(marks)) or any(e <= s for s, e, _ in marks):
            return False
        self.marks.extend(marks)
        self.starts.extend(m[0] for m in marks)
        self.ends.extend(m[1] for m in marks)
        self.values.extend(m[2] for m in marks)
        return True

    def _push(self, start: int, end: int, value: object) -> None:
        if self.ends and self.ends[-1] == start and self.values[-1] is value:
            self.ends[-1] = end
            return
        self.starts.append(start)
        self.ends.append(end)
        self.values.append(value)

    def runs(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """Runs overlapping [start, end), clipped to it."""
        found = []
        index = bisect_right(self.ends, start)
        while index < len(self.starts) and self.starts[index] < end:
            found.append((max(start, self.starts[index]), min(end, self.ends[index]),
                          self.values[index]))
            index += 1
        return found

    def at(self, offset: int) -> object | None:
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.ends[index]:
            return self.values[index]
        return None


class ArticleView(ScrollView, can_focus=True):
    """The article text, wrapped to a readable width, with its layers of marks."""

    ALLOW_SELECT = False  # the view does its own (offset-exact) mouse selection
    HELP_TITLE = "Article: moving and selecting"

    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        background: $background;
        color: $foreground;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Next sentence", id="article.next_sentence", show=False),
        Binding("k,up", "cursor(-1)", "Prev sentence", id="article.prev_sentence", show=False),
        Binding("pagedown,space", "page(1)", "Page down", id="article.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="article.page_up", show=False),
        Binding("home,g", "edge(0)", "Top", id="article.top", show=False),
        Binding("end,G", "edge(1)", "Bottom", id="article.bottom", show=False),
        Binding("right_curly_bracket,ctrl+down", "paragraph(1)", "Next paragraph",
                id="article.next_paragraph", show=False),
        Binding("left_curly_bracket,ctrl+up", "paragraph(-1)", "Prev paragraph",
                id="article.prev_paragraph", show=False),
        Binding("right_square_bracket", "quote(1)", "Next quote", id="article.next_quote",
                key_display="]"),
        Binding("left_square_bracket", "quote(-1)", "Prev quote", id="article.prev_quote",
                key_display="["),
        Binding("v", "select", "Select", id="article.select"),
        Binding("w", "word(1)", "Extend word", id="article.word_forward", show=False),
        Binding("b", "word(-1)", "Back word", id="article.word_back", show=False),
        Binding("escape", "clear_selection", "Cancel selection", id="article.cancel_selection"),
    ]

    show_quotes: reactive[bool] = reactive(True)
    show_entities: reactive[bool] = reactive(True)

    class CursorMoved(Message):
        """The reading cursor moved to the sentence (start, end)."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    class SelectionChanged(Message):
        """The selection changed (None: no selection)."""

        def __init__(self, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.span = span

    class QuoteFocused(Message):
        """A quote was reached with ]/[ navigation."""

        def __init__(self, quote_id: int, wrapped: bool = False) -> None:
            super().__init__()
            self.quote_id = quote_id
            #: The step went round the end of the text (last to first, or first to last).
            self.wrapped = wrapped

    def __init__(
        self,
        text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = ""
        self._units: tuple[list[int], list[int], list[int]] = ([], [], [])
        self._layouts: LRUCache[int, WrapLayout] = LRUCache(4)
        self._layout: WrapLayout | None = None
        self._strips: LRUCache[tuple[int, int, int, int], Strip] = LRUCache(1024)
        self._styles: dict[tuple[object, ...], Style] = {}
        self._style_key: tuple[object, ...] | None = None
        self._gen = 0
        self._quotes = _Layer()
        self._quote_list: list[QuoteMark] = []
        self._entities = _Layer()
        self._highlights = _Layer()
        self._highlight_list: list[HighlightMark] = []
        self._matches: list[tuple[int, int]] = []
        self._match_layer = _Layer()
        self._match_index = -1
        #: The match the search last moved to (drawn apart from the others).
        self._current_match: tuple[int, int] | None = None
        self._match_wrapped = False
        self._folded: str | None = None
        self._focus: tuple[int, int] | None = None
        self._cursor: tuple[int, int] = (0, 0)
        self._anchor: int | None = None
        self._head = 0
        self._dragging = False
        self._posted_selection: tuple[int, int] | None = None
        self._nav = Navigator("", self._units)
        self._pending_offset: int | None = None
        #: A restored reading position, kept in place (through the late footer, the lazy
        #: layout) until the reader moves.
        self._restore: int | None = None
        self._refine_timer: Timer | None = None
        self._text_width = 0
        self._margin = 0
        if text:
            self.set_text(text)

    # -- public API ------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Show a new text: marks, search and selection are cleared; back to the top."""
        self._text = text
        self._units = split_units(text)
        self._nav = Navigator(text, self._units)
        self._layouts.clear()
        self._layout = None
        self._quotes = _Layer()
        self._quote_list = []
        self._entities = _Layer()
        self._highlights = _Layer()
        self._highlight_list = []
        self._matches = []
        self._match_layer = _Layer()
        self._match_index = -1
        self._current_match = None
        self._folded = None
        self._restore = None
        self._focus = None
        self._anchor = None
        self._posted_selection = None
        first = self._nav.sentence_at(self._units[0][0]) if self._units[0] else (0, 0)
        self._cursor = first
        self._pending_offset = 0
        self._relayout()
        self._changed()

    def set_quotes(self, marks: Sequence[QuoteMark]) -> None:
        self._quote_list = sorted(marks, key=lambda m: (m.start, m.end))
        self._quotes = _Layer((m.start, m.end, m) for m in self._quote_list)
        self._changed()

    def set_entities(self, marks: Sequence[EntityMark]) -> None:
        self._entities = _Layer((m.start, m.end, m) for m in marks)
        self._changed()

    def add_entities(self, marks: Sequence[EntityMark]) -> None:
        """Add entities found further on, without rebuilding the earlier ones (a book streams
        in over thousands of entities; rebuilding them all at every step stalls the keys)."""
        items = [(m.start, m.end, m) for m in marks if m.end > m.start]
        if not items:
            return
        if not self._entities.extend(items):
            self._entities = _Layer([*self._entities.marks, *items])
        self._changed()

    def set_highlights(self, marks: Sequence[HighlightMark]) -> None:
        self._highlight_list = sorted(marks, key=lambda m: (m.start, m.end))
        self._highlights = _Layer((m.start, m.end, m) for m in self._highlight_list)
        self._changed()

    @property
    def quotes(self) -> list[QuoteMark]:
        return list(self._quote_list)

    def set_search(self, query: str) -> int:
        """Mark every literal match (any case, any quotation marks); returns how many.
        "" clears the search and its marks."""
        self._match_index = -1
        self._current_match = None
        if self._folded is None and query:
            self._folded = fold_quotes(self._text)
        self._matches = find_all(self._folded, query) if query and self._folded else []
        self._match_layer = _Layer((s, e, True) for s, e in self._matches)
        self._changed()
        return len(self._matches)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def match_index(self) -> int:
        """Index of the current match (-1 before next_match)."""
        return self._match_index

    @property
    def current_match(self) -> tuple[int, int] | None:
        return self._current_match

    @property
    def match_wrapped(self) -> bool:
        """The last next_match went round the end of the text."""
        return self._match_wrapped

    def next_match(self, forward: bool = True, start: int | None = None) -> tuple[int, int] | None:
        """Go to the next (or previous) match and make it the current one, wrapping around.

        From the current match while the cursor is still on it, else from `start` or the
        cursor (so after moving away, the search goes on from where you are).
        """
        if not self._matches:
            return None
        self._restore = None
        count = len(self._matches)
        current = self._current_match
        on_current = current is not None and self._nav.sentence_at(current[0]) == self._cursor
        if start is None and on_current:
            index = self._match_index + (1 if forward else -1)
        else:
            here = self._cursor[0] if start is None else start
            index = bisect_left(self._matches, here, key=_by_start) - (0 if forward else 1)
        self._match_wrapped = not 0 <= index < count
        index %= count
        self._match_index = index
        span = self._current_match = self._matches[index]
        self._focus = None
        self._set_cursor(self._nav.sentence_at(span[0]))
        self._bring_into_view(*span)
        self._changed()
        return span

    def focus_span(self, start: int, end: int) -> None:
        """Mark the span, put the cursor there and, unless it is already well in view,
        scroll it to the top third of the pane."""
        self._restore = None
        self._focus = (start, end)
        self._set_cursor(self._nav.sentence_at(start))
        self._bring_into_view(start, end)
        self._changed()

    def _bring_into_view(self, start: int, end: int) -> None:
        """Scroll a span to the top third of the pane, unless it is already in easy view."""
        layout = self._layout
        if layout is None:
            self._pending_offset = start
            return
        line, _ = layout.offset_to_point(start)
        last, _ = layout.offset_to_point(max(start, end - 1))
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        comfortable = top <= line < top + (height * 3) // 4 and last < top + height
        if not comfortable:  # already in easy view: do not make the page jump
            self._scroll_to_line(max(0, line - height // 3))

    def clear_focus(self) -> None:
        self._focus = None
        self._changed()

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the first visible line contains offset (restoring a position)."""
        if self._layout is None:
            self._pending_offset = offset
            return
        line, _ = self._layout.offset_to_point(offset)
        self._scroll_to_line(line)

    def restore_position(self, offset: int) -> None:
        """Back where the reader left (see `reading_position`): `offset` on the first line,
        the cursor on the sentence starting there, or on the first starting after it."""
        self._restore = offset
        if self._layout is not None:
            self._relayout()
        else:
            self._pending_offset = offset
        span = self._nav.sentence_at(offset)
        if span[0] < offset:
            span = self._nav.neighbour(span, 1) or span
        self._focus = None
        self._set_cursor(span)

    @property
    def reading_position(self) -> int:
        """The one offset to keep for `restore_position`: the first visible line, or, when the
        cursor is on screen on a later sentence than the first one shown, the cursor's."""
        if (
            self._layout is not None
            and self._cursor_visible()
            and self._cursor != self._first_visible_sentence()
        ):
            return self._cursor[0]
        return self.top_offset

    @property
    def top_offset(self) -> int:
        """Offset at the start of the first visible line: the reading position."""
        if self._layout is None:
            return self._pending_offset or 0
        return self._layout.point_to_offset(round(self.scroll_y), 0)

    @property
    def cursor_span(self) -> tuple[int, int]:
        return self._cursor

    def move_cursor(self, sentences: int) -> None:
        """Move the reading cursor by whole sentences; keeps it on screen.

        While selecting, the selection's free end moves and the cursor follows it.
        """
        if not self._units[0] or not sentences:
            return
        self._focus = None
        step = 1 if sentences > 0 else -1
        if self._anchor is not None:
            for _ in range(abs(sentences)):
                self._move_head(step, "sentence")
            self._cursor_to_head()
            self._scroll_cursor_into_view()
            return
        if not self._cursor_visible():
            self._set_cursor(self._first_visible_sentence())
            sentences -= step
        span = self._cursor
        for _ in range(abs(sentences)):
            following = self._nav.neighbour(span, step)
            if following is None:
                break
            span = following
        self._set_cursor(span)
        self._scroll_cursor_into_view()

    def cursor_to_offset(self, offset: int) -> None:
        self._restore = None
        self._focus = None
        self._set_cursor(self._nav.sentence_at(offset))
        self._scroll_cursor_into_view()

    @property
    def selection_span(self) -> tuple[int, int] | None:
        if self._anchor is None or self._anchor == self._head:
            return None
        return (min(self._anchor, self._head), max(self._anchor, self._head))

    def select_span(self, start: int, end: int) -> None:
        """Select [start, end) (as if dragged with the mouse)."""
        self._anchor, self._head = start, end
        self._selection_changed()

    def clear_selection(self) -> None:
        if self._anchor is None:
            return
        self._anchor = None
        self._selection_changed()

    def quote_at_cursor(self) -> QuoteMark | None:
        """The quote under the cursor (or overlapping the cursor sentence)."""
        if self._focus is not None and self.selection_span is None:
            for quote in self._quote_list:
                if (quote.start, quote.end) == self._focus:
                    return quote
        return self._mark_near(self._quote_list)  # type: ignore[return-value]

    def highlight_at_cursor(self) -> HighlightMark | None:
        return self._mark_near(self._highlight_list)  # type: ignore[return-value]

    def offset_at(self, x: int, y: int) -> int:
        """Text offset drawn at a widget-relative cell (mouse mapping)."""
        if self._layout is None:
            return 0
        line = y + round(self.scroll_y)
        return self._layout.point_to_offset(line, x - self._margin)

    def point_of(self, offset: int) -> tuple[int, int]:
        """Widget-relative (x, y) cell of an offset at the current scroll position."""
        if self._layout is None:
            return (0, 0)
        line, cell = self._layout.offset_to_point(offset)
        return (cell + self._margin, line - round(self.scroll_y))

    @property
    def layout_complete(self) -> bool:
        return self._layout is not None and self._layout.complete

    def finish_layout(self) -> None:
        """Lay out the whole text now (tests, exact scrollbar)."""
        if self._layout is not None:
            anchor = self.top_offset
            self._layout.refine_all()
            self._update_virtual_size()
            self.scroll_to_offset(anchor)

    # -- actions ---------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        self.move_cursor(step)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self._scroll_to_line(round(self.scroll_y) + direction * height)
        if not self._cursor_visible():
            self._set_cursor(self._first_visible_sentence())

    def action_edge(self, bottom: int) -> None:
        if not self._units[0]:
            return
        if bottom:
            self.cursor_to_offset(self._units[1][-1] - 1)
            self._scroll_to_line(self.virtual_size.height)
        else:
            self.cursor_to_offset(self._units[0][0])
            self._scroll_to_line(0)

    def action_paragraph(self, step: int) -> None:
        starts, ends, _ = self._units
        if not starts:
            return
        self._focus = None
        if self._anchor is not None:
            # extend the selection to the paragraph's end (or start)
            unit = max(0, bisect_right(starts, self._head - (1 if step > 0 else 0)) - 1)
            if step > 0:
                head = ends[unit] if self._head < ends[unit] else ends[min(unit + 1,
                                                                            len(ends) - 1)]
            else:
                head = starts[unit] if self._head > starts[unit] else starts[max(unit - 1, 0)]
            self._head = head
            self._selection_changed()
            self._cursor_to_head()
            self._scroll_cursor_into_view()
            return
        unit = max(0, bisect_right(starts, self._cursor[0]) - 1)
        if step < 0 and self._cursor[0] > starts[unit]:
            target = unit
        else:
            target = max(0, min(len(starts) - 1, unit + step))
        self._set_cursor(self._nav.first_sentence(target))
        self._scroll_cursor_into_view()

    def action_quote(self, step: int) -> None:
        quotes = self._quote_list
        if not quotes:
            self.app.bell()
            return
        here = self._focus[0] if self._focus else self._cursor[0]
        if step > 0:
            index = bisect_right(quotes, here, key=_start_of)
            if self._focus is None and index > 0 and quotes[index - 1].end > here:
                index -= 1  # the cursor is inside a quote not focused yet
        else:
            index = bisect_left(quotes, here, key=_start_of) - 1
        wrapped = not 0 <= index < len(quotes)
        quote = quotes[index % len(quotes)]
        self.focus_span(quote.start, quote.end)
        self.post_message(self.QuoteFocused(quote.quote_id, wrapped))

    def action_select(self) -> None:
        if self._anchor is None or self.selection_span is None:
            self._anchor, self._head = self._cursor
            self._selection_changed()

    def action_word(self, step: int) -> None:
        if self._anchor is None:
            self._anchor, self._head = self._cursor
        self._move_head(step, "word")
        self._cursor_to_head()
        self._scroll_cursor_into_view()

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_selection":
            return self._anchor is not None  # otherwise escape bubbles up (back to library)
        return True

    # -- mouse -----------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        self._restore = None  # the reader moves on from a restored position

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._restore = None

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._restore = None

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        self._restore = None
        if event.button != 1 or self._layout is None:
            return
        offset = self._event_offset(event)
        if offset is None:
            return
        self.focus()
        self._focus = None
        self._anchor = self._head = offset
        self._dragging = True
        self.capture_mouse()
        self._set_cursor(self._nav.sentence_at(offset))
        self._selection_changed()

    async def _on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        point = event.get_content_offset_capture(self)
        height = self.scrollable_content_region.height
        if point.y < 0 or point.y >= height:  # dragging past an edge scrolls
            self._scroll_to_line(round(self.scroll_y) + (-1 if point.y < 0 else 1))
        offset = self.offset_at(point.x, max(0, min(point.y, height - 1)))
        if offset != self._head:
            self._head = offset
            self._selection_changed()

    async def _on_mouse_up(self, event: events.MouseUp) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.release_mouse()
        offset = self._event_offset(event, capture=True)
        if offset is not None:
            self._head = offset
        if self._anchor == self._head:
            self._anchor = None
        self._selection_changed()

    def _event_offset(self, event: events.MouseEvent, capture: bool = False) -> int | None:
        if capture:
            point = event.get_content_offset_capture(self)
        else:
            found = event.get_content_offset(self)
            if found is None:
                return None
            point = found
        return self.offset_at(point.x, point.y)

    # -- layout and scrolling --------------------------------------------------------
    def _relayout(self) -> None:
        """Pick the layout for the current width, keeping the reading position."""
        pane = self.scrollable_content_region.width
        if pane <= 0:
            return
        text_width = max(10, min(MAX_TEXT_WIDTH, pane - 2))
        margin = max(0, (pane - text_width) // 2)
        anchor = self._pending_offset if self._pending_offset is not None else (
            self.top_offset if self._layout is not None else 0)
        if self._restore is not None:
            anchor = self._restore
        self._pending_offset = None
        self._text_width, self._margin = text_width, margin
        layout = self._layouts.get(text_width)
        if layout is None or layout.text is not self._text:
            layout = WrapLayout(self._text, text_width, self._units)
            self._layouts[text_width] = layout
        self._layout = layout
        self._strips.clear()
        if self._restore is not None and len(self._text) < EXACT_RESTORE_BELOW:
            # Near the end the scroll stops short of the offset: where exactly depends on the
            # height of the whole text, which is otherwise estimated until laid out.
            layout.refine_all()
        line, _ = layout.offset_to_point(anchor)
        layout.refine_lines(line, line + self.scrollable_content_region.height + 1)
        self._update_virtual_size()
        self._scroll_to_line(layout.offset_to_point(anchor)[0])
        if not layout.complete and self._refine_timer is None and self.is_mounted:
            self._refine_timer = self.set_interval(0.02, self._refine_tick)

    def _refine_tick(self) -> None:
        """Lay out more of the text in the background, in short slices."""
        layout = self._layout
        if layout is None or layout.complete:
            if self._refine_timer is not None:
                self._refine_timer.stop()
                self._refine_timer = None
            return
        top = round(self.scroll_y)
        top_unit = layout.unit_at_line(top)
        anchor = self.top_offset if self._restore is None else self._restore
        changed, first = layout.refine_some(0.008)
        if changed:
            self._update_virtual_size()
            if first <= top_unit or self._restore is not None:
                self._scroll_to_line(layout.offset_to_point(anchor)[0])

    def _update_virtual_size(self) -> None:
        if self._layout is None:
            return
        height = self._layout.line_count + 1
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _scroll_to_line(self, line: int) -> None:
        height = self.scrollable_content_region.height
        target = line
        for _ in range(3):  # laying out what comes into view may change the line count
            maximum = max(0, self.virtual_size.height - height)
            line = max(0, min(target, maximum))
            if self._layout is None or not self._layout.refine_lines(line, line + height + 1):
                break
            self._update_virtual_size()
        self.scroll_to(y=line, animate=False, force=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if self._layout is not None:
            line = round(new_value)
            if self._layout.refine_lines(line, line + self.scrollable_content_region.height + 1):
                self._update_virtual_size()
        super().watch_scroll_y(old_value, new_value)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def on_mount(self) -> None:
        super().on_mount()
        self._relayout()

    def watch_show_quotes(self) -> None:
        self._changed()

    def watch_show_entities(self) -> None:
        self._changed()

    # -- cursor and selection internals ----------------------------------------------
    def _move_head(self, step: int, unit: str) -> None:
        """Move the selection's free end by one sentence or word, across the anchor too."""
        assert self._anchor is not None
        head, anchor = self._head, self._anchor
        spans = self._nav.spans_around(head, unit)
        if step > 0:
            if head >= anchor:
                stops = [e for _, e in spans if e > head]
            else:
                stops = [s for s, _ in spans if s > head]
                stops = [s if s < anchor else anchor for s in stops]
                if stops and stops[0] >= anchor:
                    stops = [e for _, e in spans if e > anchor]
        else:
            if head > anchor:
                stops = [e for _, e in spans if e < head and e > anchor]
                if not stops:
                    stops = [s for s, _ in spans if s < anchor]
                    stops = stops[-1:]
            else:
                stops = [s for s, _ in spans if s < head]
            stops = stops[::-1]
        if stops:
            self._head = stops[0]
        self._selection_changed()

    def _cursor_to_head(self) -> None:
        """While selecting, the cursor is the sentence holding the selection's free end."""
        if self._anchor is None:
            return
        inside = self._head - 1 if self._head > self._anchor else self._head
        self._set_cursor(self._nav.sentence_at(max(0, inside)))

    def _set_cursor(self, span: tuple[int, int]) -> None:
        if span != self._cursor:
            self._cursor = span
            self._changed()
            self.post_message(self.CursorMoved(*span))

    def _selection_changed(self) -> None:
        span = self.selection_span
        if span != self._posted_selection:
            self._posted_selection = span
            self._changed()
            self.post_message(self.SelectionChanged(span))

    def _cursor_visible(self) -> bool:
        if self._layout is None:
            return True
        top = round(self.scroll_y)
        bottom = top + self.scrollable_content_region.height
        first, _ = self._layout.offset_to_point(self._cursor[0])
        last, _ = self._layout.offset_to_point(max(self._cursor[0], self._cursor[1] - 1))
        return last >= top and first < bottom

    def _first_visible_sentence(self) -> tuple[int, int]:
        span = self._nav.sentence_at(self.top_offset)
        if self._layout is not None:
            line, _ = self._layout.offset_to_point(span[0])
            if line < round(self.scroll_y):
                following = self._nav.neighbour(span, 1)
                if following is not None:
                    first, _ = self._layout.offset_to_point(following[0])
                    if first < round(self.scroll_y) + self.scrollable_content_region.height:
                        span = following
        return span

    def _scroll_cursor_into_view(self) -> None:
        if self._layout is None:
            return
        start, end = self._anchor_head_or_cursor()
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        first, _ = self._layout.offset_to_point(start)
        last, _ = self._layout.offset_to_point(max(start, end - 1))
        if first < top:
            self._scroll_to_line(first)
        elif last >= top + height:
            self._scroll_to_line(min(first, last - height + 1))

    def _anchor_head_or_cursor(self) -> tuple[int, int]:
        if self._anchor is not None:
            return (self._head, self._head + 1)
        return self._cursor

    def _mark_near(self, marks: Sequence[QuoteMark | HighlightMark]) -> object | None:
        start, end = self.selection_span or self._cursor
        for mark in marks:
            if mark.start <= start < mark.end:
                return mark
        for mark in marks:
            if mark.start < end and start < mark.end:
                return mark
        return None

    # -- rendering -------------------------------------------------------------------
    def _changed(self) -> None:
        self._gen += 1
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_key = None
        self._strips.clear()

    def _check_theme(self, base: Style) -> None:
        dark = self.app.current_theme.dark if self.is_attached else True
        key = (base.bgcolor, base.color, dark, self.app.theme if self.is_attached else "")
        if key != self._style_key:
            self._style_key = key
            self._styles.clear()
            self._strips.clear()
            self._dark = dark
            self._background = (Color.from_rich_color(base.bgcolor) if base.bgcolor
                                else palette.DARK_BACKGROUND if dark
                                else palette.LIGHT_BACKGROUND)
            self._foreground = (Color.from_rich_color(base.color) if base.color
                                else Color(224, 224, 224) if dark else Color(20, 20, 20))
            variables = self.app.theme_variables if self.is_attached else {}
            self._theme = {
                name: Color.parse(variables[name])
                for name in ("primary", "accent", "warning", "secondary")
                if name in variables
            }

    def _run_style(self, base: Style, entity: EntityMark | None, quote: QuoteMark | None,
                   highlight: HighlightMark | None, cursor: bool, selected: bool,
                   match: int) -> Style:
        quote_key: object = None
        if quote is not None:
            quote_key = "unattributed" if quote.slot is None else quote.slot
        key = (entity.label if entity else None, quote_key,
               highlight.color if highlight else 0, cursor, selected, match)
        style = self._styles.get(key)
        if style is not None:
            return style
        dark = self._dark
        background = self._background
        foreground = self._foreground
        bg = background
        fg = foreground
        bold = italic = underline = None
        if quote is not None:
            if quote.slot is None:
                bg = palette.unattributed_tint(dark, background, foreground)
                italic = True
            else:
                bg = palette.speaker_tint(quote.slot, dark, background)
        if entity is not None:
            fg = palette.entity_color(entity.label, dark)
            if entity.label == "PERSON":
                bold = True
        if highlight is not None:  # above entities: the highlight's own colours
            bg = palette.highlight_color(highlight.color, dark, background)
            underline = True
            bold = True
            fg = foreground
        if cursor:
            bg = bg.blend(foreground, 0.10)
        if selected:
            primary = self._theme.get("primary", Color(0, 120, 215))
            bg = background.blend(primary, 0.75)
            fg = bg.get_contrast_text(1.0)
        if match:
            # Three looks that never meet, whatever the theme and the speaker tints: a span
            # jumped to (a quote, an entity, a note) in near-inverse video; search matches
            # tinted with the theme's warning colour; the current match in that colour at full
            # strength, underlined.
            warning = self._theme.get("warning", Color(255, 200, 0))
            if match == FOCUSED:
                bg = background.blend(foreground, 0.8)
            elif match == CURRENT_MATCH:
                bg = warning
                underline = True
            else:
                bg = background.blend(warning, 0.45)
            fg = bg.get_contrast_text(1.0)
            bold = True
        fg = palette.readable(fg, bg)
        style = base + Style(color=fg.rich_color, bgcolor=bg.rich_color, bold=bold,
                             italic=italic, underline=underline)
        self._styles[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        if layout is None or width <= 0:
            return Strip.blank(max(0, width), base)
        self._check_theme(base)
        found = layout.line(y + round(self.scroll_y))
        if found is None:
            return Strip.blank(width, base)
        _unit, start, end = found
        key = (start, end, width, self._gen)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_text_line(start, end, width, base)
            self._strips[key] = strip
        return strip

    def _render_text_line(self, start: int, end: int, width: int, base: Style) -> Strip:
        text = self._text
        text_width = self._text_width
        segment_text = text[start:end]
        simple = is_simple(segment_text)
        shown: list[str] = []
        if simple:
            visible_end = start + min(len(segment_text), text_width)
        else:
            col = 0
            for ch in segment_text:
                piece, cells = char_display(ch, col)
                if col + cells > text_width:
                    room = text_width - col
                    if ch == "\t" and room > 0:
                        shown.append(" " * room)
                        col = text_width
                    break
                shown.append(piece)
                col += cells
            visible_end = start + len(shown)
        layers: list[tuple[int, list[tuple[int, int, object]]]] = []
        if self.show_entities:
            layers.append((0, self._entities.runs(start, visible_end)))
        if self.show_quotes:
            layers.append((1, self._quotes.runs(start, visible_end)))
        layers.append((2, self._highlights.runs(start, visible_end)))
        cursor = self._cursor
        layers.append((3, [(max(start, cursor[0]), min(visible_end, cursor[1]), True)]
                       if cursor[0] < visible_end and start < cursor[1] else []))
        selection = self.selection_span
        layers.append((4, [(max(start, selection[0]), min(visible_end, selection[1]), True)]
                       if selection and selection[0] < visible_end and start < selection[1]
                       else []))
        matches = self._match_layer.runs(start, visible_end)
        for span, value in ((self._focus, FOCUSED), (self._current_match, CURRENT_MATCH)):
            if span is not None and span[0] < visible_end and start < span[1]:
                matches = _overlay(matches, (max(start, span[0]), min(visible_end, span[1]),
                                             value))
        layers.append((5, matches))
        cuts = {start, visible_end}
        for _, runs in layers:
            for run_start, run_end, _ in runs:
                cuts.add(run_start)
                cuts.add(run_end)
        points = sorted(c for c in cuts if start <= c <= visible_end)
        segments: list[Segment] = []
        if self._margin:
            segments.append(Segment(" " * self._margin, base))
        values: list[object] = [None] * 6
        pointers = [0] * 6
        used = self._margin
        for left, right in pairwise(points):
            if left >= right:
                continue
            for number, runs in layers:
                value = None
                index = pointers[number]
                while index < len(runs) and runs[index][1] <= left:
                    index += 1
                pointers[number] = index
                if index < len(runs) and runs[index][0] <= left:
                    value = runs[index][2]
                values[number] = value
            style = self._run_style(
                base,
                values[0],  # type: ignore[arg-type]
                values[1],  # type: ignore[arg-type]
                values[2],  # type: ignore[arg-type]
                bool(values[3]),
                bool(values[4]),
                int(values[5]) if values[5] else 0,  # type: ignore[call-overload]
            )
            piece = (text[left:right] if simple
                     else "".join(shown[left - start:right - start]))
            if piece:
                segments.append(Segment(piece, style))
                used += _cells(piece, simple)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, max(width, used))


def _overlay(runs: list[tuple[int, int, object]],
             top: tuple[int, int, object]) -> list[tuple[int, int, object]]:
    """Runs with ``top`` painted over them (sorted, non-overlapping)."""
    start, end, _ = top
    result: list[tuple[int, int, object]] = []
    for run_start, run_end, value in runs:
        if run_end <= start or run_start >= end:
            result.append((run_start, run_end, value))
            continue
        if run_start < start:
            result.append((run_start, start, value))
        if run_end > end:
            result.append((end, run_end, value))
    result.append(top)
    result.sort(key=lambda run: run[0])
    return result


def _cells(piece: str, simple: bool) -> int:
    if simple:
        return len(piece)
    from rich.cells import cell_len

    return cell_len(piece)
