"""Re-anchoring annotations the W3C Web Annotation way, as pure functions (no database).

An annotation remembers a TextPositionSelector (start, end) and a TextQuoteSelector
(exact, prefix, suffix). When the text changes we try, in order: the position (if the exact
text is still there with its context), every exact occurrence scored by context and nearness,
then a fuzzy match for a passage that was edited. What cannot be found is an orphan: the caller
keeps it and flags it, never deletes it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Characters of context kept on each side of a passage (the TextQuoteSelector's prefix/suffix).
CONTEXT_CHARS = 32
#: (passage similarity, context similarity) pairs: a fuzzy candidate is accepted when it reaches
#: both numbers of any pair. A near-identical passage needs little context; a more edited one
#: must still sit between (mostly) the same words.
FUZZY_RULES = ((0.9, 0.0), (0.75, 0.8), (0.5, 0.9))
#: Upper bound on exact occurrences scored (a very common short passage in a whole novel).
MAX_CANDIDATES = 2000


@dataclass(frozen=True, slots=True)
class Selector:
    """Both W3C selectors of one passage."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    #: How it was found: "position", "quote" or "fuzzy".
    method: str
    #: 0..1, how sure we are (1.0 for an exact passage with its context).
    score: float


def selector_for(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
    """The selectors of text[start:end] (start/end are clamped into the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _side_score(remembered: str, found: str, *, before: bool) -> float:
    """Similarity of one side's context, nearest characters weighted most: the average over
    growing windows that start at the passage (4, 8, 16, ... characters)."""
    scores = []
    size = 4
    while True:
        n = min(size, len(remembered))
        if before:
            scores.append(_similarity(remembered[-n:], found[-n:] if n else ""))
        else:
            scores.append(_similarity(remembered[:n], found[:n]))
        if n == len(remembered):
            break
        size *= 2
    return sum(scores) / len(scores)


def whole_context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """Similarity of the whole remembered prefix and suffix, every character alike: stricter
    than context_score about context that only matches next to the passage."""
    weight = len(sel.prefix) + len(sel.suffix)
    if weight == 0:
        return 1.0
    before = text[max(0, start - len(sel.prefix)) : start]
    after = text[end : end + len(sel.suffix)]
    return (
        _similarity(sel.prefix, before) * len(sel.prefix)
        + _similarity(sel.suffix, after) * len(sel.suffix)
    ) / weight


def context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around [start, end) matches the remembered prefix and suffix (0..1)."""
    weight = len(sel.prefix) + len(sel.suffix)
    if weight == 0:
        return 1.0
    before = text[max(0, start - len(sel.prefix)) : start]
    after = text[end : end + len(sel.suffix)]
    score = 0.0
    if sel.prefix:
        score += _side_score(sel.prefix, before, before=True) * len(sel.prefix)
    if sel.suffix:
        score += _side_score(sel.suffix, after, before=False) * len(sel.suffix)
    return score / weight


def _nearness(text: str, start: int, old_start: int) -> float:
    return 1.0 - min(1.0, abs(start - old_start) / max(1, len(text)))


def _occurrences(text: str, exact: str) -> list[int]:
    found: list[int] = []
    i = text.find(exact)
    while i != -1 and len(found) < MAX_CANDIDATES:
        found.append(i)
        i = text.find(exact, i + 1)
    return found


def _by_quote(text: str, sel: Selector) -> Anchor | None:
    best: Anchor | None = None
    best_rank = -1.0
    for start in _occurrences(text, sel.exact):
        end = start + len(sel.exact)
        ctx = context_score(text, start, end, sel)
        rank = ctx + 0.2 * _nearness(text, start, sel.start)
        if rank > best_rank:
            best_rank = rank
            best = Anchor(start, end, "quote", ctx)
    return best


def _grams(s: str, size: int) -> list[tuple[int, str]]:
    """Non-overlapping pieces of s with their offsets (plus the last piece)."""
    if len(s) < size:
        return [(0, s)] if s else []
    pieces = [(i, s[i : i + size]) for i in range(0, len(s) - size + 1, size)]
    if pieces[-1][0] + size < len(s):
        pieces.append((len(s) - size, s[-size:]))
    return pieces


def _candidate_starts(text: str, sel: Selector, limit: int = 5) -> list[int]:
    """Where the edited passage probably starts now: votes from pieces of it and its context."""
    n = len(sel.exact)
    size = max(4, min(12, n // 4))
    votes: Counter[int] = Counter()
    bucket = max(8, n // 2)
    pieces = [(off, g) for off, g in _grams(sel.exact, size)]
    pieces += [(off - len(sel.prefix), g) for off, g in _grams(sel.prefix, size)]
    pieces += [(n + off, g) for off, g in _grams(sel.suffix, size)]
    for offset, gram in pieces:
        hits = _occurrences(text, gram)
        if not hits or len(hits) > 50:
            continue  # absent, or too common to say where anything is
        for hit in hits:
            votes[(hit - offset) // bucket] += 1
    return [b * bucket for b, _ in votes.most_common(limit)]


def _fuzzy(text: str, sel: Selector) -> Anchor | None:
    n = len(sel.exact)
    if n == 0:
        return None
    slack = max(16, n // 2)
    best: Anchor | None = None
    best_rank = -1.0
    for guess in _candidate_starts(text, sel):
        lo = max(0, guess - slack)
        hi = min(len(text), guess + n + 2 * slack)
        region = text[lo:hi]
        blocks = [
            b for b in SequenceMatcher(None, sel.exact, region, autojunk=False)
            .get_matching_blocks() if b.size
        ]
        if not blocks:
            continue
        first, last = blocks[0], blocks[-1]
        start = lo + max(0, first.b - first.a)
        end = lo + min(len(region), last.b + last.size + (n - last.a - last.size))
        if end <= start:
            continue
        sim = _similarity(sel.exact, text[start:end])
        ctx = min(context_score(text, start, end, sel), whole_context_score(text, start, end, sel))
        ok = any(sim >= need_sim and ctx >= need_ctx for need_sim, need_ctx in FUZZY_RULES)
        rank = sim + 0.5 * ctx + 0.1 * _nearness(text, start, sel.start)
        if ok and rank > best_rank:
            best_rank = rank
            best = Anchor(start, end, "fuzzy", sim * (0.5 + 0.5 * ctx))
    return best


def anchor(text: str, sel: Selector) -> Anchor | None:
    """Where the passage is in the (new) text, or None when it is gone (an orphan)."""
    if not sel.exact:
        return None
    in_range = 0 <= sel.start <= sel.end <= len(text)
    if in_range and text[sel.start : sel.end] == sel.exact:
        ctx = context_score(text, sel.start, sel.end, sel)
        if ctx >= 0.999:
            return Anchor(sel.start, sel.end, "position", 1.0)
        found = _by_quote(text, sel)
        # Keep the old position unless another occurrence clearly fits its context better.
        if found is None or found.score <= ctx + 1e-9:
            return Anchor(sel.start, sel.end, "position", ctx)
        return found
    found = _by_quote(text, sel)
    if found is not None:
        return found
    return _fuzzy(text, sel)
