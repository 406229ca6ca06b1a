"""How well the text around a candidate place matches a selector's remembered context, and
Hypothesis' score of a place (`match-quote.ts`): the passage's own similarity, the similarity of
the text before and after it to the remembered prefix and suffix, and nearness to the old
position as a tie-breaker. A side fits when `SIDE_FIT` of its context is still there."""

from __future__ import annotations

from difflib import SequenceMatcher

from reader.anchoring_selectors import CONTEXT_CHARS, Selector

#: How much of one side's context must be as remembered for it to fit (a share of
#: `CONTEXT_CHARS`): a few characters changed still fit; the same phrase next to the same
#: word elsewhere ("the continued delivery of" twice in an article) mostly does not.
SIDE_FIT = 0.9
#: Characters next to the passage that must agree for a side's context to count in full.
ADJACENT_CHARS = 8
#: Hypothesis' weights: the passage, each side of its context, nearness to the old position.
QUOTE_WEIGHT, SIDE_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 2.0
_EDGE = "\x00"  # stands for the start or end of the text in a context


def padded_before(text: str, start: int, size: int) -> str:
    """The ``size`` characters before ``start``, the text's start shown as `_EDGE`s."""
    found = text[max(0, start - size) : start]
    return _EDGE * (size - len(found)) + found


def padded_after(text: str, end: int, size: int) -> str:
    found = text[end : end + size]
    return found + _EDGE * (size - len(found))


def remembered(sel: Selector) -> tuple[str, str]:
    """The remembered context; where the text's edge cut it short, the edge as one character."""
    full = getattr(sel, "full", (False, False))  # a FoldedSelector side shortened by folding
    before = sel.prefix if len(sel.prefix) >= CONTEXT_CHARS or full[0] else _EDGE + sel.prefix
    after = sel.suffix if len(sel.suffix) >= CONTEXT_CHARS or full[1] else sel.suffix + _EDGE
    return before, after


def _matching(a: str, b: str) -> int:
    """Characters of ``a`` found, in order, in ``b``."""
    return sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False)
               .get_matching_blocks())


def _side(remembered: str, found: str, *, before: bool) -> float:
    if remembered == found:
        return 1.0  # all of it, and the text's edge (one place only) when it was cut short
    # The characters right next to the passage must be there: a context that is merely
    # similar a few characters off is another place (the "a" in "State" once "a State" lost
    # its "a"), however much of the rest agrees.
    adjacent = min(ADJACENT_CHARS, len(remembered))
    agree = min(1.0, agreeing(remembered, found, before=before) / adjacent)
    return agree * min(1.0, _matching(remembered, found) / CONTEXT_CHARS)


def side_scores(text: str, start: int, end: int, sel: Selector) -> tuple[float, float]:
    """(before, after): how much of a full context (`CONTEXT_CHARS`) on each side of
    [start, end) is as remembered, 0..1, counted when the characters next to the passage
    agree. A context cut short by the text's edge remembers the edge as one character: found
    whole, with the edge, it is 1.0 (no other place has it); otherwise it counts only the few
    characters it has, so it cannot vouch for a passage on its own."""
    before, after = remembered(sel)
    return (
        _side(before, padded_before(text, start, len(before)), before=True),
        _side(after, padded_after(text, end, len(after)), before=False),
    )


def context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around [start, end) matches the remembered prefix and suffix (0..1)."""
    before, after = side_scores(text, start, end, sel)
    return (before + after) / 2


def nearness(text: str, start: int, old_start: int) -> float:
    return 1.0 - min(1.0, abs(start - old_start) / max(1, len(text)))


def place_score(quote: float, before: float, after: float, nearness: float) -> float:
    """Hypothesis' score (0..1)."""
    total = QUOTE_WEIGHT + 2 * SIDE_WEIGHT + POSITION_WEIGHT
    return (
        QUOTE_WEIGHT * quote + SIDE_WEIGHT * (before + after) + POSITION_WEIGHT * nearness
    ) / total


def agreeing(a: str, b: str, *, before: bool) -> int:
    """How many characters next to the passage agree (a cheap first ranking)."""
    n = 0
    if before:
        for x, y in zip(reversed(a), reversed(b), strict=False):
            if x != y:
                break
            n += 1
    else:
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            n += 1
    return n
