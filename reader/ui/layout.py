"""Wrapping article text into terminal lines, and mapping offsets to cells and back.

Pure Python (no Textual) so it can be tested on its own. The text is never changed:
every position is a Python ``str`` index into the text as given, and wrapping only
decides which index starts each visual line.

The text is split into *units* (a run of text laid out as one block): normally one
source line each, or a whole hard-wrapped paragraph (lines joined by single newlines,
reflowed with the newline shown as a space). Units are separated by 0-2 blank visual
lines: a text without blank lines has one paragraph per line; in a text with blank
lines, single newlines are reflowed (hard-wrapped prose), kept (verse) or shown as
paragraph breaks (long lines), see ``reader.ui.text_units``. Each unit is wrapped lazily, on
demand, per width; until then its line count is an estimate, so a whole book opens
without laying out every paragraph first.
"""

from __future__ import annotations

import re
import time
import unicodedata
from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size

from reader.sanitize import width_disputed
from reader.ui.text_units import split_units

TAB_SIZE = 4
"""Tabs expand to the next multiple of this column (display only)."""

_SIMPLE_TOKENS = re.compile(r"[^ \r\n]+|[ \r\n]+")
_TOKENS = re.compile(r"[^ \t\r\n]+|[ \t\r\n]+")
_BREAK_SPACE = frozenset(" \t\r\n")
_BREAK = re.compile(r"[ \t\r\n]")


def _hidden(ch: str) -> bool:
    """Characters shown as nothing: format controls (bidi, ZWJ), and the ones terminals give
    different widths (variation selectors, skin tones: reader.sanitize's one policy)."""
    return width_disputed(ch) or unicodedata.category(ch) in ("Cf", "Zl", "Zp")


def char_display(ch: str, col: int = 0) -> tuple[str, int]:
    """What a text char looks like on screen: (string to draw, cells).

    Control chars become one visible inert symbol (never an escape code); tabs expand;
    ``\\r`` and format controls draw nothing; ``\\n`` (inside a reflowed paragraph) is a space.
    Each returned string measures exactly the returned cells with ``rich.cells.cell_len``.
    """
    o = ord(ch)
    if 32 <= o < 127:
        return ch, 1
    if ch == "\t":
        n = TAB_SIZE - col % TAB_SIZE
        return " " * n, n
    if ch == "\n":
        return " ", 1
    if ch == "\r":
        return "", 0
    if o < 32:
        return chr(0x2400 + o), 1  # ␀..␟ control pictures
    if o == 127:
        return "\u2421", 1  # ␡
    if o < 0xA0 or 0xD800 <= o < 0xE000:
        return "\ufffd", 1  # C1 controls, lone surrogates
    if _hidden(ch):
        return "", 0
    cells = get_character_cell_size(ch)
    if cells == 0 and unicodedata.category(ch) == "Cn":
        return "\ufffd", 1  # unknown to Python and Rich alike: show a placeholder
    return ch, cells


def char_cells(ch: str, col: int = 0) -> int:
    """Cells one char takes at column ``col``."""
    return char_display(ch, col)[1]


_CANDIDATE_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x2FF),  # Latin-1, Latin Extended, IPA, spacing modifiers
    (0x370, 0x482),  # Greek, Cyrillic
    (0x2010, 0x205E),  # dashes, curly quotes, ellipsis, primes
    (0x20A0, 0x20C0),  # currency
)
_ONE_CELL = frozenset(
    ch
    for low, high in _CANDIDATE_RANGES
    for ch in map(chr, range(low, high + 1))
    if char_display(ch) == (ch, 1)
)
"""Chars drawn as themselves in exactly one cell: the fast path of wrapping."""
_is_one_cell = _ONE_CELL.issuperset
_SIMPLE_UNIT = re.compile(
    "(?:[" + "".join(re.escape(ch) for ch in sorted(_ONE_CELL)) + "]|\r\n|\n)*"
)


def is_simple(segment: str) -> bool:
    """Only one-cell chars drawn as themselves (the common case: no per-char work)."""
    return _is_one_cell(segment)


#: Characters wrapped at a time: a paragraph of a book can be megabytes, and the first
#: screen needs only its first lines (see `WrapLayout`).
WRAP_CHUNK = 8192


def _chunk_end(text: str, pos: int, end: int) -> int:
    """Where the next piece of wrapping work stops: at a break space (never inside a word)."""
    if end - pos <= WRAP_CHUNK:
        return end
    found = _BREAK.search(text, pos + WRAP_CHUNK, end)
    return found.start() if found else end


def _wrap_run(text: str, pos: int, end: int, width: int, col: int, starts: list[int]) -> int:
    """Wrap ``text[pos:end]`` (``pos`` starts a token) from column ``col``, appending line
    starts to ``starts``; returns the column after it."""
    if _SIMPLE_UNIT.fullmatch(text, pos, end):
        for match in _SIMPLE_TOKENS.finditer(text, pos, end):
            tok = match.group()
            first = tok[0]
            if first == " " or first == "\n" or first == "\r":
                col += len(tok) - tok.count("\r")
                continue
            at = match.start()
            w = len(tok)
            if col and col + w > width:
                starts.append(at)
                col = 0
            while w > width:
                at += width
                w -= width
                starts.append(at)
            col += w
        return col
    for match in _TOKENS.finditer(text, pos, end):
        tok = match.group()
        if tok[0] in _BREAK_SPACE:
            for ch in tok:
                col += char_cells(ch, col)
            continue
        at = match.start()
        widths = [char_cells(ch) for ch in tok]
        w = sum(widths)
        if col and col + w > width:
            starts.append(at)
            col = 0
        if col + w <= width:
            col += w
            continue
        for k, cw in enumerate(widths):
            if cw and col and col + cw > width:
                starts.append(at + k)
                col = 0
            col += cw
    return col


def wrap_unit(text: str, start: int, end: int, width: int) -> list[int]:
    """Offsets where each visual line of ``text[start:end]`` starts (greedy word wrap).

    Whitespace that does not fit at the end of a line hangs (drawn as nothing), so a
    line never takes more than ``width`` cells; words longer than the width are split.
    """
    width = max(2, width)
    starts = [start]
    col = 0
    pos = start
    while pos < end:
        stop = _chunk_end(text, pos, end)
        col = _wrap_run(text, pos, stop, width, col, starts)
        pos = stop
    return starts


def line_columns(text: str, start: int, end: int) -> list[int]:
    """Starting column of each char of a visual line, plus the column after the last."""
    segment = text[start:end]
    if is_simple(segment):
        return list(range(len(segment) + 1))
    cols = [0]
    col = 0
    for ch in segment:
        col += char_cells(ch, col)
        cols.append(col)
    return cols


def line_pieces(text: str, start: int, end: int, width: int) -> list[tuple[int, int, str]]:
    """Drawable pieces of a visual line: (first offset, end offset, display string).

    Runs of plain chars are grouped; the result never exceeds ``width`` cells (hanging
    whitespace is dropped).
    """
    segment = text[start:end]
    if is_simple(segment):
        if len(segment) > width:
            segment = segment[:width]
        return [(start, start + len(segment), segment)] if segment else []
    pieces: list[tuple[int, int, str]] = []
    col = 0
    for index, ch in enumerate(segment):
        shown, cells = char_display(ch, col)
        if col + cells > width:
            room = width - col
            if ch == "\t" and room > 0:
                pieces.append((start + index, start + index + 1, " " * room))
            break
        col += cells
        pieces.append((start + index, start + index + 1, shown))
    return pieces


class WrapLayout:
    """The visual lines of one text at one width, laid out lazily per unit."""

    def __init__(
        self, text: str, width: int, units: tuple[list[int], list[int], list[int]] | None = None
    ) -> None:
        self.text = text
        self.width = max(2, width)
        self.starts, self.ends, self.gaps = units if units is not None else split_units(text)
        #: Line starts found so far per unit; `_resume` holds (offset, column) to go on from
        #: for a unit wrapped only part of the way.
        self._wraps: dict[int, list[int]] = {}
        self._resume: dict[int, tuple[int, int]] = {}
        self._estimate_width = estimate_width = self.width * 0.9
        self._counts = [
            max(1, int((end - start) / estimate_width) + 1)
            for start, end in zip(self.starts, self.ends, strict=True)
        ]
        self._tops: list[int] = []
        self._dirty = True
        self._next_refine = 0

    # -- bookkeeping -------------------------------------------------------------------
    @property
    def unit_count(self) -> int:
        return len(self.starts)

    @property
    def complete(self) -> bool:
        """True when every unit has its exact layout."""
        return len(self._wraps) == len(self.starts) and not self._resume

    def _ensure_tops(self) -> list[int]:
        if self._dirty:
            heights = (g + c for g, c in zip(self.gaps, self._counts, strict=True))
            self._tops = [0, *accumulate(heights)]
            self._dirty = False
        return self._tops

    @property
    def line_count(self) -> int:
        return self._ensure_tops()[-1]

    def wrap(
        self,
        unit: int,
        *,
        lines: int | None = None,
        offset: int | None = None,
        deadline: float | None = None,
    ) -> list[int]:
        """Line starts of a unit (computed once per width), wrapped only as far as needed:
        until it has more than ``lines`` lines, or is past ``offset``, or ``deadline``
        passes; all of it when none is given. Its line count is an estimate until then."""
        starts = self._wraps.get(unit)
        if starts is None:
            pos, col = self.starts[unit], 0
            starts = self._wraps[unit] = [pos]
        elif unit in self._resume:
            pos, col = self._resume[unit]
        else:
            return starts
        end = self.ends[unit]
        while pos < end:
            if lines is not None and len(starts) > lines:
                break
            if offset is not None and pos > offset:
                break
            if deadline is not None and time.perf_counter() > deadline:
                break
            stop = _chunk_end(self.text, pos, end)
            col = _wrap_run(self.text, pos, stop, self.width, col, starts)
            pos = stop
        count = len(starts)
        if pos < end:
            self._resume[unit] = (pos, col)
            count += int((end - pos) / self._estimate_width)
        else:
            self._resume.pop(unit, None)
        if self._counts[unit] != count:
            self._counts[unit] = count
            self._dirty = True
        return starts

    def unit_top(self, unit: int) -> int:
        """Visual line of the unit's first text line."""
        return self._ensure_tops()[unit] + self.gaps[unit]

    def unit_at_line(self, y: int) -> int:
        tops = self._ensure_tops()
        return max(0, min(len(self.starts) - 1, bisect_right(tops, y) - 1))

    def unit_at_offset(self, offset: int) -> int:
        """Unit containing offset, or the unit before the gap it falls in."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def refine_lines(self, y0: int, y1: int) -> bool:
        """Lay out exactly the units showing lines y0..y1; True if line counts changed."""
        if not self.starts:
            return False
        tops = self._ensure_tops()
        unit = self.unit_at_line(y0)
        top = tops[unit]
        changed = False
        while unit < len(self.starts) and top < y1:
            before = self._counts[unit]
            self.wrap(unit, lines=y1 - top - self.gaps[unit] + 1)
            changed |= before != self._counts[unit]
            top += self.gaps[unit] + self._counts[unit]
            unit += 1
        return changed

    def refine_some(self, budget: float = 0.01) -> tuple[bool, int]:
        """Lay out units in text order for ``budget`` seconds.

        Returns (counts changed, first unit whose count changed or -1).
        """
        deadline = time.perf_counter() + budget
        first_changed = -1
        unit = self._next_refine
        count = len(self.starts)
        while unit < count:
            if unit not in self._wraps or unit in self._resume:
                before = self._counts[unit]
                self.wrap(unit, deadline=deadline)
                if before != self._counts[unit] and first_changed < 0:
                    first_changed = unit
                if unit in self._resume:
                    break  # a long paragraph: the rest of it next time
            unit += 1
            if unit % 64 == 0 and time.perf_counter() > deadline:
                break
        self._next_refine = unit
        return first_changed >= 0, first_changed

    def refine_all(self) -> None:
        while not self.complete:
            self.refine_some(1.0)

    # -- lines -------------------------------------------------------------------------
    def line(self, y: int) -> tuple[int, int, int] | None:
        """(unit, start offset, end offset) of visual line y; None for a blank line."""
        if not self.starts or y < 0:
            return None
        tops = self._ensure_tops()
        if y >= tops[-1]:
            return None
        unit = bisect_right(tops, y) - 1
        rel = y - tops[unit] - self.gaps[unit]
        if rel < 0:
            return None
        starts = self.wrap(unit, lines=rel + 1)
        if rel >= len(starts):
            return None
        end = starts[rel + 1] if rel + 1 < len(starts) else self.ends[unit]
        return unit, starts[rel], end

    def line_of_unit(self, unit: int, index: int) -> tuple[int, int]:
        starts = self.wrap(unit, lines=index + 1)
        end = starts[index + 1] if index + 1 < len(starts) else self.ends[unit]
        return starts[index], end

    # -- offsets <-> points ------------------------------------------------------------
    def offset_to_point(self, offset: int) -> tuple[int, int]:
        """(visual line, cell) where the char at offset is drawn.

        Offsets between units (newlines, blank lines) map to the end of the previous
        unit's last line; offsets before the first unit to its start.
        """
        if not self.starts:
            return 0, 0
        if offset < self.starts[0]:
            offset = self.starts[0]
        unit = self.unit_at_offset(offset)
        offset = min(offset, self.ends[unit])
        starts = self.wrap(unit, offset=offset)
        index = bisect_right(starts, offset) - 1
        line_start, _ = self.line_of_unit(unit, index)
        cols = line_columns(self.text, line_start, offset)
        return self.unit_top(unit) + index, cols[-1]

    def point_to_offset(self, y: int, x: int) -> int:
        """Offset of the char drawn at (line y, cell x).

        A cell past the end of a line gives the line's end; a blank line gives the start
        of the next unit; below the last line gives the end of the text's last unit.
        """
        if not self.starts:
            return 0
        tops = self._ensure_tops()
        if y < 0:
            return self.starts[0]
        if y >= tops[-1]:
            return self.ends[-1]
        found = self.line(y)
        if found is None:
            unit = bisect_right(tops, y) - 1
            rel = y - tops[unit] - self.gaps[unit]
            if rel < 0:
                return self.starts[unit]
            return self.ends[unit]
        _unit, start, end = found
        cols = line_columns(self.text, start, end)
        index = max(0, bisect_right(cols, x) - 1)
        return start + min(index, end - start)
