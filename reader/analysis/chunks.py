"""Cutting a paragraph too long for one parse into pieces, at sentence ends, outside quotes.

spaCy's memory grows with the length of a Doc (about 15 KB a token, so a 2 MB paragraph as
one Doc took 3.4 GB); a paragraph longer than the bound is parsed in pieces. The cut points
come from one linear scan of the raw text: a sentence end (".", "!", "?" or "…", closing marks,
then a space) that no quote spans, else any sentence end, else a space (one outside a quote
first), else the bound itself.
Quote spans are found on the whole paragraph beforehand, so a quote that a piece's edge must
cross still keeps its full extent.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.analysis.quotes import QuoteSpan

#: A sentence's end and the space after it; a piece starts after the space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def cut_points(
    text: str, ps: int, pe: int, max_chars: int, quotes: list[QuoteSpan]
) -> list[int]:
    """Where the pieces of text[ps:pe] after the first begin; each piece is at most
    max_chars long and, where the text allows, at least half that."""
    starts = [q.start for q in quotes]
    cuts: list[int] = []
    pos = ps
    while pe - pos > max_chars:
        limit = pos + max_chars
        lo = pos + max(1, max_chars // 2)
        cut = _best_cut(text, lo, limit, quotes, starts)
        cuts.append(cut)
        pos = cut
    return cuts


def _best_cut(text: str, lo: int, hi: int, quotes: list[QuoteSpan], starts: list[int]) -> int:
    """The last good place in [lo, hi] to begin a piece."""
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [e for m in pattern.finditer(text, lo - 1, hi) if lo <= (e := m.end())]
        outside = [e for e in ends if not _inside(e, quotes, starts)]
        if outside or ends:
            return (outside or ends)[-1]
    return hi


def _inside(pos: int, quotes: list[QuoteSpan], starts: list[int]) -> bool:
    """Whether a piece beginning at pos would cut a quote in two."""
    i = bisect_right(starts, pos - 1) - 1
    return i >= 0 and quotes[i].end > pos
