"""Splitting a text into the units the layout wraps: one per line, or one per hard-wrapped
paragraph (reflowed), with the blank lines shown before each.

A text without blank lines has one paragraph per line; in a text with blank lines, single
newlines are reflowed (hard-wrapped prose), kept (verse) or shown as paragraph breaks (long
lines), see ``_group_style``. Pure Python, no rich or Textual: reader.paragraphs (copied
passages as Markdown) uses it too.
"""

from __future__ import annotations

import re
from itertools import pairwise

REFLOW_MIN_MEAN = 45
"""Lines of a block averaging at least this many chars (and none longer than
HARD_WRAP_MAX) are taken as hard-wrapped prose and reflowed."""
HARD_WRAP_MAX = 100

_LINE = re.compile(r"[^\r\n]+")
_NON_SPACE = re.compile(r"\S")


def split_units(text: str) -> tuple[list[int], list[int], list[int]]:
    """Split text into layout units: (starts, ends, blank lines before each)."""
    # Lines with something on them (one pass: a regex search for "a line with a non-space"
    # would rescan a long blank line from each of its characters).
    lines = [
        (m.start(), m.end())
        for m in _LINE.finditer(text)
        if _NON_SPACE.search(text, m.start(), m.end())
    ]
    if not lines:
        return [], [], []
    blanks = [0]
    for (_, prev_end), (start, _) in pairwise(lines):
        gap = text[prev_end:start]
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        blanks.append(max(0, breaks - 1))
    starts: list[int] = []
    ends: list[int] = []
    gaps: list[int] = []
    if not any(blanks):
        for index, (start, end) in enumerate(lines):
            starts.append(start)
            ends.append(end)
            gaps.append(1 if index else 0)
        return starts, ends, gaps
    # Paragraphs are separated by blank lines; inside one, single newlines either
    # continue a hard-wrapped paragraph (reflow) or are real line breaks (verse, lists).
    index = 0
    count = len(lines)
    while index < count:
        stop = index + 1
        while stop < count and blanks[stop] == 0:
            stop += 1
        gap = min(blanks[index], 2) if index else 0
        group = lines[index:stop]
        style = _group_style(group) if len(group) > 1 else "reflow"
        if style == "reflow":
            starts.append(group[0][0])
            ends.append(group[-1][1])
            gaps.append(gap)
        else:
            inner = 1 if style == "paragraphs" else 0
            for position, (start, end) in enumerate(group):
                starts.append(start)
                ends.append(end)
                gaps.append(gap if position == 0 else inner)
        index = stop
    return starts, ends, gaps


def _group_style(group: list[tuple[int, int]]) -> str:
    """How to show lines joined by single newlines inside a blank-line-separated block.

    "reflow": hard-wrapped prose (lines of similar, moderate length: one paragraph);
    "paragraphs": long lines (one paragraph per line, as news text often comes);
    "lines": short lines kept as they are (verse, lists, addresses).
    """
    lengths = [end - start for start, end in group[:-1]]
    mean = sum(lengths) / len(lengths)
    if max(lengths) <= HARD_WRAP_MAX and mean >= REFLOW_MIN_MEAN:
        return "reflow"
    if mean > HARD_WRAP_MAX:
        return "paragraphs"
    return "lines"
