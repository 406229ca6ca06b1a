"""The marks drawn over the article text and the layers that find them per line.

A mark is a (start, end) pair of ``str`` offsets into the text as given, with what it marks.
Pure Python (no Textual): the view asks a layer for the runs on one line at a time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter, le

#: Values of the top layer of marks: a search match, the span jumped to, the current match.
MATCH, FOCUSED, CURRENT_MATCH = 1, 2, 3


@dataclass(frozen=True, slots=True)
class QuoteMark:
    start: int
    end: int
    quote_id: int
    slot: int | None  # speaker colour slot; None = unattributed
    #: The engine only guesses the speaker (Quote.uncertain): drawn in a muted tint.
    uncertain: bool = False


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


class Layer:
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



def overlay(runs: list[tuple[int, int, object]],
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

