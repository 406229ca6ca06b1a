"""Where a note is in the text, in a card's few words: the chapter (or other heading) it falls
under, and how far through the text it is. Two notes on like sentences ("she said nothing")
looked the same on the Notes tab; their places tell them apart. Pure Python (no Textual)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

#: Cells at most of a heading named on a card.
HEADING_CELLS = 28
#: Texts longer than this (characters; a page is ~3,000) say tenths of a percent: in a novel
#: 1% is a few pages, and a chapter's notes all said "CHAPTER 1 · 0%".
FINE_ABOVE = 100_000


def place(offset: int, length: int, headings: Sequence[tuple[int, str]]) -> str:
    """"CHAPTER II · 42%" under a heading, "42% through" before any (or in a text without
    headings); `headings` are (start, title) in text order. "" for an empty text."""
    if length <= 0:
        return ""
    tenths = min(1000, max(0, offset * 1000 // length))
    share = f"{tenths / 10:.1f}" if length > FINE_ABOVE else str(tenths // 10)
    at = bisect_right([start for start, _ in headings], offset) - 1
    if at < 0:
        return f"{share}% through"
    title = " ".join(headings[at][1].split())
    if len(title) > HEADING_CELLS:
        cut = title[: HEADING_CELLS - 1]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "…"  # at a word
    return f"{title} · {share}%"
