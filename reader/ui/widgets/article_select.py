"""The reading cursor and the selection in the article view: moving by sentence, word and
paragraph, selecting with the keys or a mouse drag.

A mixin of ArticleView, kept apart so each file has one job.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual import events

from reader.ui.widgets.marks import HighlightMark, QuoteMark


class SelectionMixin:
    """The cursor, the selection's anchor and head, and the mouse drag."""

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
        """The quote under the cursor: the one holding the span jumped to (the quote itself,
        or a search match in it), else one overlapping the cursor sentence."""
        if self._focus is not None and self.selection_span is None:
            start, end = self._focus
            for quote in self._quote_list:
                if quote.start <= start and end <= quote.end:
                    return quote
        return self._mark_near(self._quote_list)  # type: ignore[return-value]

    def highlight_at_cursor(self) -> HighlightMark | None:
        return self._mark_near(self._highlight_list)  # type: ignore[return-value]

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

    def action_select(self) -> None:
        """Start a selection of one word at the cursor, w b, j k, } { then moving its free end:
        the search match under the cursor (what was typed, or a name chosen in Entities),
        else the first word of the quote or note passage jumped to (`]` selected the whole
        quote, so a reader could not select a few words of it from its start), else the cursor
        sentence's first word."""
        if self._anchor is None or self.selection_span is None:
            self._anchor, self._head = self._selection_start()
            self._selection_changed()

    def _selection_start(self) -> tuple[int, int]:
        for span in (self._current_match, self._focus):
            if span is not None and self._nav.sentence_at(span[0]) == self._cursor:
                return self._first_word(*span) if self._is_passage(span) else span
        return self._first_word(*self._cursor)

    def _is_passage(self, span: tuple[int, int]) -> bool:
        """Whether the span is a quote's or a note's passage (not a match or a name)."""
        marks = (*self._quote_list, *self._highlight_list)
        return span != self._current_match and any((m.start, m.end) == span for m in marks)

    def _first_word(self, start: int, end: int) -> tuple[int, int]:
        """The first word within [start, end); the span itself when it holds none."""
        for word_start, word_end in self._nav.spans_around(start, "word"):
            if start <= word_start and word_end <= end:
                return (word_start, word_end)
        return (start, end)

    def action_swap_ends(self) -> None:
        """The other end of the selection becomes the free one (vim's o): a selection grows
        or shrinks at either end."""
        if self._anchor is not None:
            self._anchor, self._head = self._head, self._anchor
            self._cursor_to_head()
            self._scroll_cursor_into_view()
            self.refresh_bindings()

    def action_word(self, step: int) -> None:
        if self._anchor is None:
            self.action_select()
            if step > 0:
                return  # w starts on the cursor's word, as v does
        self._move_head(step, "word")
        self._cursor_to_head()
        self._scroll_cursor_into_view()

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("clear_selection", "swap_ends"):
            return self._anchor is not None  # otherwise the key bubbles up (escape, o)
        return True

    async def on_mouse_down(self, event: events.MouseDown) -> None:
        self._restore = None
        if event.button != 1 or self._layout is None:
            return
        offset = self._event_offset(event)
        if offset is None:
            return
        self.focus()
        self._focus = None
        self._anchor = self._head = self._pressed = offset
        self._dragging = True
        self.capture_mouse()
        self._set_cursor(self._nav.sentence_at(offset))
        self._selection_changed()

    async def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        point = event.get_content_offset_capture(self)
        height = self.scrollable_content_region.height
        if point.y < 0 or point.y >= height:  # dragging past an edge scrolls
            self._scroll_to_line(round(self.scroll_y) + (-1 if point.y < 0 else 1))
        offset = self.offset_at(point.x, max(0, min(point.y, height - 1)))
        self._drag_to(offset)

    def _drag_to(self, offset: int) -> None:
        """A drag selects both characters it starts and ends on, in either direction (as a
        terminal's own selection does); a click without a drag selects nothing."""
        pressed = self._pressed
        if offset == pressed:
            anchor, head = pressed, pressed
        elif offset > pressed:
            anchor, head = pressed, min(len(self._text), offset + 1)
        else:
            anchor, head = min(len(self._text), pressed + 1), offset
        if (anchor, head) != (self._anchor, self._head):
            self._anchor, self._head = anchor, head
            self._selection_changed()

    async def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.release_mouse()
        offset = self._event_offset(event, capture=True)
        if offset is not None:
            self._drag_to(offset)
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
            if (span is None) != (self._posted_selection is None):
                self.refresh_bindings()  # the footer shows o and esc while selecting
            self._posted_selection = span
            self._changed()
            self.post_message(self.SelectionChanged(span))

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

