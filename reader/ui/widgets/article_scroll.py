"""Laying out and scrolling the article view: the wrap layout for the pane's width (refined in
the background for long texts), the reading position kept through resizes and restores.

A mixin of ArticleView, kept apart so each file has one job.
"""

from __future__ import annotations

from textual.geometry import Size

from reader.ui.layout import WrapLayout

MAX_TEXT_WIDTH = 88
"""Readable line length in cells; wider panes get margins."""

#: Texts shorter than this are laid out in full when a reading position is restored.
EXACT_RESTORE_BELOW = 200_000


class ScrollMixin:
    """The view's layout, its scroll position and what is in view."""

    def _bring_into_view(self, start: int, end: int) -> None:
        """Scroll a span to the top third of the pane, unless it is already in easy view."""
        layout = self._layout
        if layout is None:  # laid out later: `_relayout` brings it into view then
            self._pending_offset = start
            self._pending_span = (start, end)
            return
        line, _ = layout.offset_to_point(start)
        last, _ = layout.offset_to_point(max(start, end - 1))
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        comfortable = top <= line < top + (height * 3) // 4 and last < top + height
        if not comfortable:  # already in easy view: do not make the page jump
            self._scroll_to_line(max(0, line - height // 3))

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
        line = layout.offset_to_point(anchor)[0]
        span, self._pending_span = self._pending_span, None
        if span is not None:  # opened at a match: in view with context, as `/` puts it
            third = self.scrollable_content_region.height // 3
            line = max(0, layout.offset_to_point(span[0])[0] - third)
        self._scroll_to_line(line)
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

    def keep_cursor_in_view(self) -> None:
        """Scroll the cursor's sentence into view if it is not (the view was made shorter)."""
        self._scroll_cursor_into_view()

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

