"""Anchoring by the exact passage: where it is now, found with `str.find` (its nearest
context first, so a passage as common as "the" in a whole book is still found by its
neighbours), each place kept only where its context fits (`SIDE_FIT`), but for a long passage
found exactly once (`SELF_EVIDENT_CHARS`): it is its own context."""

from __future__ import annotations

from reader.anchoring_context import (
    SIDE_FIT,
    agreeing,
    nearness,
    padded_after,
    padded_before,
    place_score,
    remembered,
    side_scores,
)
from reader.anchoring_selectors import CONTEXT_CHARS, Anchor, Selector

#: An exact passage at least this long, found exactly once, needs no context.
SELF_EVIDENT_CHARS = 64
#: Upper bound on exact occurrences looked at per search (a very common passage in a novel).
MAX_CANDIDATES = 2000
#: Candidates scored in full (after a cheap ranking by how many context characters agree).
MAX_SCORED = 64


def occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    found: list[int] = []
    hi = len(text) if hi is None else hi
    i = text.find(needle, lo, hi)
    while i != -1 and len(found) < MAX_CANDIDATES:
        found.append(i)
        i = text.find(needle, i + 1, hi)
    return found



def _exact_starts(text: str, sel: Selector) -> list[int]:
    """Where the exact passage is now: first with its nearest context, then near the old
    position, then anywhere (when not too common)."""
    exact = sel.exact
    near = max(0, min(8, len(sel.prefix))), max(0, min(8, len(sel.suffix)))
    starts: set[int] = set()
    if near[0]:
        starts.update(i + near[0] for i in occurrences(text, sel.prefix[-near[0] :] + exact))
    if near[1]:
        starts.update(occurrences(text, exact + sel.suffix[: near[1]]))
    reach = 4 * CONTEXT_CHARS + len(exact)
    starts.update(occurrences(text, exact, max(0, sel.start - reach), sel.end + reach))
    if text.count(exact) <= MAX_CANDIDATES:
        starts.update(occurrences(text, exact))
    return sorted(starts)


def by_quote(text: str, sel: Selector) -> Anchor | None:
    starts = _exact_starts(text, sel)
    if not starts:
        return None
    n = len(sel.exact)
    if len(starts) > MAX_SCORED:
        before_edge, after_edge = remembered(sel)
        b_len, a_len = len(before_edge), len(after_edge)

        def cheap(start: int) -> tuple[int, float]:
            agree = max(
                agreeing(before_edge, padded_before(text, start, b_len), before=True),
                agreeing(after_edge, padded_after(text, start + n, a_len), before=False),
            )
            return agree, nearness(text, start, sel.start)

        starts = sorted(starts, key=cheap, reverse=True)[:MAX_SCORED]
    alone = len(starts) == 1 and n >= SELF_EVIDENT_CHARS and text.count(sel.exact) == 1
    best: Anchor | None = None
    best_rank = -1.0
    for start in starts:
        before, after = side_scores(text, start, start + n, sel)
        if max(before, after) < SIDE_FIT and not alone:
            continue
        score = place_score(1.0, before, after, nearness(text, start, sel.start))
        if score > best_rank:
            method = "position" if start == sel.start else "quote"
            best_rank = score
            best = Anchor(start, start + n, method, score)
    return best
