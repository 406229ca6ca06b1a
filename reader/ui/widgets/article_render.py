"""Drawing the article view's lines: each visible line cut into runs where the layers of marks
(entities, quotes, highlights, cursor, selection, matches) change, each run styled once.

A mixin of ArticleView, kept apart so each file has one job.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from operator import attrgetter

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from reader.ui import palette
from reader.ui.layout import char_display, is_simple
from reader.ui.widgets.marks import (
    CURRENT_MATCH,
    FOCUSED,
    EntityMark,
    HighlightMark,
    QuoteMark,
    overlay,
)

_start_of = attrgetter("start")
#: `_emphasis_` as Gutenberg texts and Markdown write it: underscores around words, not in one.
_EMPHASIS = re.compile(r"(?<![\w_])_(?=[^\s_])[^_\n]{1,200}?(?<=[^\s_])_(?![\w_])")
MARKER, EMPHASIS = "marker", "emphasis"
#: Paragraphs longer than this (a whole book in one line) are not searched for emphasis.
MAX_EMPHASIS_PARAGRAPH = 100_000


class RenderMixin:
    """Styles and strips of the article view."""

    _emphasis_text: str | None = None

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
        system = self.app.console.color_system if self.is_attached else None
        key = (base.bgcolor, base.color, dark, self.app.theme if self.is_attached else "", system)
        if key != self._style_key:
            self._style_key = key
            self._styles.clear()
            self._strips.clear()
            self._dark = dark
            self._color_system = system
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
                   match: int, heading: bool = False, emphasis: object = None) -> Style:
        quote_key: object = None
        if quote is not None:
            quote_key = "unattributed" if quote.slot is None else (quote.slot, quote.uncertain)
        key = (entity.label if entity else None, quote_key,
               highlight.color if highlight else 0, cursor, selected, match, heading, emphasis)
        style = self._styles.get(key)
        if style is not None:
            return style
        dark = self._dark
        background = self._background
        foreground = self._foreground
        bg = background
        fg = foreground
        bold = italic = underline = None
        if emphasis is EMPHASIS:
            italic = True
        if heading:  # a chapter or Markdown heading: bold, in the theme's accent
            fg = self._theme.get("accent", foreground)
            bold = True
        if quote is not None:
            if quote.slot is None:
                bg = palette.unattributed_tint(dark, background, foreground)
                italic = True
            elif quote.uncertain:  # a guess: a paler wash, or the speaker's colour on the page
                bg, fg = palette.muted_speaker(
                    quote.slot, dark, background, foreground, self._color_system
                )
            else:
                bg = palette.speaker_tint(quote.slot, dark, background, self._color_system)
        if entity is not None:
            fg = palette.entity_color(entity.label, dark)
            if entity.label == "PERSON":
                bold = True
        if highlight is not None:  # above entities: the highlight's own colours
            bg = palette.highlight_color(highlight.color, dark, background)
            underline = True
            bold = True
            fg = foreground
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
        if selected:  # over a search match too: `v` on a match selects it, and it looks so
            primary = self._theme.get("primary", Color(0, 120, 215))
            bg = background.blend(primary, 0.75)
            fg = bg.get_contrast_text(1.0)
        if cursor and not selected:  # over every layer, in every colour system
            bg = palette.cursor_background(bg, foreground, self._color_system)
        fg = palette.readable(fg, bg)
        if emphasis is MARKER:  # the underscores of _emphasis_ stay, faint
            fg = fg.blend(bg, 0.6)
        style = base + Style(color=fg.rich_color, bgcolor=bg.rich_color, bold=bold,
                             italic=italic, underline=underline)
        self._styles[key] = style
        return style

    def _in_heading(self, offset: int) -> bool:
        headings = self.headings
        index = bisect_right(headings, offset, key=_start_of) - 1
        return index >= 0 and offset < headings[index].end

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
        unit, start, end = found
        key = (start, end, width, self._gen)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_text_line(start, end, width, base, unit)
            self._strips[key] = strip
        return strip

    def _emphasis(self, unit: int) -> list[tuple[int, int, object]]:
        """The paragraph's `_emphasis_` as runs: its underscores (MARKER) and its words (EMPHASIS);
        found once per paragraph, over the text as it is (the marks stay in the text)."""
        if self._emphasis_text is not self._text:  # a new text: forget the old one's
            self._emphasis_cache: dict[int, list[tuple[int, int, object]]] = {}
            self._emphasis_text = self._text
        found = self._emphasis_cache.get(unit)
        if found is None:
            found = []
            starts, ends, _ = self._units
            if 0 <= unit < len(starts) and ends[unit] - starts[unit] <= MAX_EMPHASIS_PARAGRAPH:
                for match in _EMPHASIS.finditer(self._text, starts[unit], ends[unit]):
                    left, right = match.span()
                    found += [(left, left + 1, MARKER), (left + 1, right - 1, EMPHASIS),
                              (right - 1, right, MARKER)]
            self._emphasis_cache[unit] = found
        return found

    def _render_text_line(self, start: int, end: int, width: int, base: Style,
                          unit: int = -1) -> Strip:
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
                matches = overlay(matches, (max(start, span[0]), min(visible_end, span[1]),
                                             value))
        layers.append((5, matches))
        layers.append((6, [(max(start, a), min(visible_end, b), v)
                           for a, b, v in self._emphasis(unit) if a < visible_end and start < b]))
        cuts = {start, visible_end}
        for _, runs in layers:
            for run_start, run_end, _ in runs:
                cuts.add(run_start)
                cuts.add(run_end)
        points = sorted(c for c in cuts if start <= c <= visible_end)
        heading = self._in_heading(start)
        segments: list[Segment] = []
        if self._margin:
            segments.append(Segment(" " * self._margin, base))
        values: list[object] = [None] * 7
        pointers = [0] * 7
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
                heading,
                values[6],  # type: ignore[arg-type]
            )
            piece = (text[left:right] if simple
                     else "".join(shown[left - start:right - start]))
            if piece:
                segments.append(Segment(piece, style))
                used += _cells(piece, simple)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, max(width, used))



def _cells(piece: str, simple: bool) -> int:
    if simple:
        return len(piece)
    from rich.cells import cell_len

    return cell_len(piece)
