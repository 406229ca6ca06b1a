"""The article pane: a Line-API view of the text with quote/entity/highlight layers.

Only visible lines are drawn (``render_line``). Wrapping lives in ``reader.ui.layout``,
computed per paragraph, lazily, and cached per width, so a whole book opens at once.
Every mark is a (start, end) pair of ``str`` offsets into the text as given; the view
maps them to cells. The text is drawn from plain strings (never markup) with control
chars shown as inert symbols.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from reader.ui.headings import Heading, find_headings
from reader.ui.layout import WrapLayout
from reader.ui.navigation import Navigator
from reader.ui.text_units import split_units
from reader.ui.widgets.article_render import RenderMixin
from reader.ui.widgets.article_scroll import EXACT_RESTORE_BELOW, MAX_TEXT_WIDTH, ScrollMixin
from reader.ui.widgets.article_search import SearchMixin
from reader.ui.widgets.article_select import SelectionMixin
from reader.ui.widgets.marks import (
    CURRENT_MATCH,
    FOCUSED,
    MATCH,
    EntityMark,
    HighlightMark,
    Layer,
    QuoteMark,
)

__all__ = [
    "CURRENT_MATCH",
    "EXACT_RESTORE_BELOW",
    "FOCUSED",
    "MATCH",
    "MAX_TEXT_WIDTH",
    "ArticleView",
    "EntityMark",
    "HighlightMark",
    "QuoteMark",
]

_start_of = attrgetter("start")


class ArticleView(RenderMixin, SelectionMixin, SearchMixin, ScrollMixin, ScrollView,
                  can_focus=True):
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
        Binding("right_parenthesis", "chapter(1)", "Next chapter", id="article.next_chapter",
                key_display=")", show=False),
        Binding("left_parenthesis", "chapter(-1)", "Prev chapter", id="article.prev_chapter",
                key_display="(", show=False),
        Binding("right_square_bracket", "quote(1)", "Next quote", id="article.next_quote",
                key_display="]"),
        # Off the footer (] is there; ? lists both), so every key shown at 120 columns keeps its
        # label: "l Legend" was cut to a bare "l".
        Binding("left_square_bracket", "quote(-1)", "Prev quote", id="article.prev_quote",
                key_display="[", show=False),
        Binding("v", "select", "Select", id="article.select"),
        Binding("w", "word(1)", "Extend word", id="article.word_forward", show=False),
        Binding("b", "word(-1)", "Back word", id="article.word_back", show=False),
        Binding("o", "swap_ends", "Other end", id="article.swap_ends"),
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

    class HeadingReached(Message):
        """`)` or `(` moved to a heading (number `index` of `count`)."""

        def __init__(self, title: str, index: int, count: int, wrapped: bool) -> None:
            super().__init__()
            self.title = title
            self.index = index
            self.count = count
            self.wrapped = wrapped

    class SelectionChanged(Message):
        """The selection changed (None: no selection)."""

        def __init__(self, span: tuple[int, int] | None) -> None:
            super().__init__()
            self.span = span

    class Painted(Message):
        """The text's first lines were drawn: the frame that shows them is being written out.

        Posted once, from the first render that had text, straight to the screen (so it is
        handled before the frame's settling repaints), so work the first frame does not need
        (the store, the side panel, the analysis) can wait until the text is on screen;
        `call_after_refresh` in the screen's on_mount may run before that frame."""

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
        self._quotes = Layer()
        self._quote_list: list[QuoteMark] = []
        self._entities = Layer()
        self._highlights = Layer()
        self._highlight_list: list[HighlightMark] = []
        self._matches: list[tuple[int, int]] = []
        self._match_layer = Layer()
        self._match_index = -1
        #: The match the search last moved to (drawn apart from the others).
        self._current_match: tuple[int, int] | None = None
        self._match_wrapped = False
        #: The query marked, and whether every match of it is (not only textsearch.MOST).
        self._query = ""
        self._all_matches = True
        self._folded: str | None = None
        self._focus: tuple[int, int] | None = None
        #: The span escape last let go of (clear_focus).
        self._let_go: tuple[int, int] | None = None
        self._cursor: tuple[int, int] = (0, 0)
        self._anchor: int | None = None
        self._head = 0
        self._dragging = False
        self._headings: list[Heading] | None = None
        #: Where a mouse drag began.
        self._pressed = 0
        self._posted_selection: tuple[int, int] | None = None
        self._nav = Navigator("", self._units)
        self._pending_offset: int | None = None
        #: A span to bring into view once laid out (`_bring_into_view` before the layout).
        self._pending_span: tuple[int, int] | None = None
        #: A restored reading position, kept in place (through the late footer, the lazy
        #: layout) until the reader moves.
        self._restore: int | None = None
        self._refine_timer: Timer | None = None
        self._text_width = 0
        self._margin = 0
        self._painted = False
        if text:
            self.set_text(text)

    # -- public API ------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def units(self) -> tuple[list[int], list[int], list[int]]:
        """The text's paragraphs as laid out (split_units), which copies reuse."""
        return self._units

    def set_text(self, text: str) -> None:
        """Show a new text: marks, search and selection are cleared; back to the top."""
        self._text = text
        self._units = split_units(text)
        self._headings = None
        self._nav = Navigator(text, self._units)
        self._layouts.clear()
        self._layout = None
        self._quotes = Layer()
        self._quote_list = []
        self._entities = Layer()
        self._highlights = Layer()
        self._highlight_list = []
        self._matches = []
        self._match_layer = Layer()
        self._match_index = -1
        self._current_match = None
        self._query, self._all_matches = "", True
        self._folded = None
        self._restore = None
        self._focus = None
        self._anchor = None
        self._posted_selection = None
        first = self._nav.sentence_at(self._units[0][0]) if self._units[0] else (0, 0)
        self._cursor = first
        self._pending_offset = 0
        self._pending_span = None
        self._relayout()
        self._changed()

    def set_quotes(self, marks: Sequence[QuoteMark]) -> None:
        self._quote_list = sorted(marks, key=lambda m: (m.start, m.end))
        self._quotes = Layer((m.start, m.end, m) for m in self._quote_list)
        self._changed()

    def set_entities(self, marks: Sequence[EntityMark]) -> None:
        self._entities = Layer((m.start, m.end, m) for m in marks)
        self._changed()

    def add_entities(self, marks: Sequence[EntityMark]) -> None:
        """Add entities found further on, without rebuilding the earlier ones (a book streams
        in over thousands of entities; rebuilding them all at every step stalls the keys)."""
        items = [(m.start, m.end, m) for m in marks if m.end > m.start]
        if not items:
            return
        if not self._entities.extend(items):
            self._entities = Layer([*self._entities.marks, *items])
        self._changed()

    def set_highlights(self, marks: Sequence[HighlightMark]) -> None:
        self._highlight_list = sorted(marks, key=lambda m: (m.start, m.end))
        self._highlights = Layer((m.start, m.end, m) for m in self._highlight_list)
        self._changed()

    @property
    def quotes(self) -> list[QuoteMark]:
        return list(self._quote_list)

    def focus_span(self, start: int, end: int) -> None:
        """Mark the span, put the cursor there and, unless it is already well in view,
        scroll it to the top third of the pane."""
        self._restore = None
        self._focus, self._let_go = (start, end), None
        self._set_cursor(self._nav.sentence_at(start))
        self._bring_into_view(start, end)
        self._changed()

    def clear_focus(self) -> None:
        """Let go of the mark (escape); `]` then goes on past it, not back onto it."""
        self._let_go = self._focus
        self._focus = None
        self._changed()

    @property
    def focused_span(self) -> tuple[int, int] | None:
        """The quote or note last jumped to, drawn marked until the cursor leaves it."""
        return self._focus

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
            self._at_last_quote()
        else:
            self.cursor_to_offset(self._units[0][0])
            self._scroll_to_line(0)

    def _at_last_quote(self) -> None:
        """After G the cursor is at the end: on the text's last quote when the last sentence
        holds it. That sentence may hold two ("…,” he said. “…”): the status line named the
        first and ] went back to it, while the end of the text is the second's; now the
        status, the panel and ] / [ agree (] wraps to the first quote, [ is the one before)."""
        quotes = self._quote_list
        if not quotes or quotes[-1].end <= self._cursor[0]:
            return
        last = quotes[-1]
        self._focus = (last.start, last.end)
        self._changed()
        self.post_message(self.QuoteFocused(last.quote_id, False))

    @property
    def headings(self) -> list[Heading]:
        """The text's headings and chapters, found once per text."""
        if self._headings is None:
            self._headings = find_headings(self._text, self._units[0], self._units[1])
        return self._headings

    def go_to_heading(self, heading: Heading) -> None:
        """The heading on the first line, the cursor on it."""
        self._restore = None
        self._focus = None
        self._set_cursor(self._nav.sentence_at(heading.start))
        if self._layout is not None:
            self._scroll_to_line(self._layout.offset_to_point(heading.start)[0])
        else:
            self._pending_offset = heading.start

    def action_chapter(self, step: int) -> None:
        """Next heading, or the start of this one (then the one before), round the ends."""
        headings = self.headings
        if not headings:
            self.app.bell()
            return
        starts = [h.start for h in headings]
        here = self._cursor[0]
        index = bisect_right(starts, here) if step > 0 else bisect_left(starts, here) - 1
        wrapped = not 0 <= index < len(headings)
        index %= len(headings)
        self.go_to_heading(headings[index])
        self.post_message(self.HeadingReached(headings[index].title, index, len(headings),
                                              wrapped))

    def action_quote(self, step: int) -> None:
        quotes = self._quote_list
        if not quotes:
            self.app.bell()
            return
        here = self._focus[0] if self._focus else self._cursor[0]
        if step > 0:
            index = bisect_right(quotes, here, key=_start_of)
            let_go = self._let_go is not None and self._let_go[0] <= here < self._let_go[1]
            if self._focus is None and index > 0 and quotes[index - 1].end > here and not let_go:
                index -= 1  # the cursor is inside a quote not marked yet (not one let go of)
        else:
            index = bisect_left(quotes, here, key=_start_of) - 1
        wrapped = not 0 <= index < len(quotes)
        quote = quotes[index % len(quotes)]
        self.focus_span(quote.start, quote.end)
        self.post_message(self.QuoteFocused(quote.quote_id, wrapped))

    # -- mouse -----------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if not self._painted and self._layout is not None and crop.area:
            self._painted = True
            self.screen.post_message(self.Painted())  # handled after this frame is displayed
        return lines

    def on_key(self, event: events.Key) -> None:
        self._restore = None  # the reader moves on from a restored position

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._restore = None

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._restore = None

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def on_mount(self) -> None:
        super().on_mount()
        self._relayout()

    def watch_show_quotes(self) -> None:
        self._changed()

    def watch_show_entities(self) -> None:
        self._changed()

