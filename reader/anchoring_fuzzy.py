"""Anchoring an edited passage (approximate match): Myers' bit-parallel edit distance, run
only in a few windows (around the old position and where pieces of the passage and its context
now are), then widened to the whole span the passage covers now. The more it changed, the more
of its context must fit (`FUZZY_RULES`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from reader.anchoring_context import ADJACENT_CHARS, SIDE_FIT, nearness, place_score, side_scores
from reader.anchoring_exact import occurrences
from reader.anchoring_selectors import CONTEXT_CHARS, Anchor, Selector

#: (passage similarity, sides that must fit) for an approximate match: a nearly identical
#: passage needs one side of its context, a more edited one both.
FUZZY_RULES = ((0.9, 1), (0.75, 2))
#: A piece of a passage found more often than this says nothing about where the passage is;
#: one found more often in the whole text still may within `NEAR_CHARS` of its old place.
MAX_PIECE_HITS = 50
NEAR_CHARS = 20_000
#: How far past an added attribution ("Delgado replied.") a side's context may fit.
GAP_CHARS = 40
#: A passage shorter than this (a phrase, not a quoted sentence) never has a side fit off.
DISPLACED_MIN_CHARS = 24


def myers(pattern: str, text: str, *, anchored: bool = False) -> list[int]:
    """Edit distance of ``pattern`` to the best substring of ``text`` ending at each offset
    (1..len(text)); with ``anchored``, to the prefix ending there. Myers' bit-parallel
    algorithm: one pass over the text."""
    m = len(pattern)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    carry = 1 if anchored else 0
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = full, 0, m
    scores: list[int] = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        scores.append(score)
    return scores


def _approximate(text: str, exact: str, lo: int, hi: int, max_errors: int) -> tuple[int, int, int]:
    """(errors, start, end) of the closest match of ``exact`` inside text[lo:hi] (start -1 when
    it needs more than ``max_errors`` edits)."""
    scores = myers(exact, text[lo:hi])
    errors = min(scores)
    if errors > max_errors:
        return errors, -1, -1
    end = lo + scores.index(errors) + 1
    # Its start: the reversed passage matched backwards from that end, anchored there.
    back_lo = max(lo, end - len(exact) - max_errors)
    back = myers(exact[::-1], text[back_lo:end][::-1], anchored=True)
    best = min(back)
    return best, end - (back.index(best) + 1), end


def _grams(s: str, size: int) -> list[tuple[int, str]]:
    """Non-overlapping pieces of s with their offsets (plus the last piece)."""
    if len(s) < size:
        return [(0, s)] if s else []
    pieces = [(i, s[i : i + size]) for i in range(0, len(s) - size + 1, size)]
    if pieces[-1][0] + size < len(s):
        pieces.append((len(s) - size, s[-size:]))
    return pieces


def _windows(text: str, sel: Selector, limit: int = 4) -> list[int]:
    """Where the edited passage probably starts now: its old position, and votes from pieces
    of it and its context where they are found. A piece found too often in the whole text
    votes only near the old position (a repeated phrase, a book's running refrain)."""
    n = len(sel.exact)
    size = max(4, min(12, n // 4))
    votes: Counter[int] = Counter()
    bucket = max(16, n // 2)
    pieces = list(_grams(sel.exact, size))
    pieces += [(off - len(sel.prefix), g) for off, g in _grams(sel.prefix, size)]
    pieces += [(n + off, g) for off, g in _grams(sel.suffix, size)]
    near = max(0, sel.start - NEAR_CHARS), sel.end + NEAR_CHARS
    for offset, gram in pieces:
        if text.count(gram) <= MAX_PIECE_HITS:
            hits = occurrences(text, gram)
        elif text.count(gram, *near) <= MAX_PIECE_HITS:
            hits = occurrences(text, gram, *near)
        else:
            continue  # too common to say where anything is
        for hit in hits:
            votes[(hit - offset) // bucket] += 1
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], abs(kv[0] * bucket - sel.start)))
    return [sel.start, *(b * bucket for b, _ in ranked[:limit])]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _context_end(text: str, prefix: str, near: int, slack: int) -> int | None:
    """Where the remembered prefix ends now, near ``near`` (None when it is not there, a few
    characters changed aside). A prefix cut short by the text's start must start it."""
    if not prefix:
        return 0 if near <= slack else None
    at_edge = len(prefix) < CONTEXT_CHARS
    lo = 0 if at_edge else max(0, near - len(prefix) - slack)
    hi = min(len(text), near + slack)
    if hi - lo < len(prefix) // 2:
        return None
    scores = myers(prefix, text[lo:hi], anchored=at_edge)
    return _near(_nearest_best(scores, len(prefix), lambda i: lo + i + 1, near), near, slack)


def _context_start(text: str, suffix: str, near: int, slack: int) -> int | None:
    """Where the remembered suffix starts now, near ``near`` (the prefix's mirror image)."""
    if not suffix:
        return len(text) if len(text) - near <= slack else None
    at_edge = len(suffix) < CONTEXT_CHARS
    hi = len(text) if at_edge else min(len(text), near + len(suffix) + slack)
    lo = max(0, near - slack)
    if hi - lo < len(suffix) // 2:
        return None
    scores = myers(suffix[::-1], text[lo:hi][::-1], anchored=at_edge)
    return _near(_nearest_best(scores, len(suffix), lambda i: hi - (i + 1), near), near, slack)


def _near(place: int | None, near: int, slack: int) -> int | None:
    """`place` if it is within `slack` of the match: a context cut short by the text's edge
    is looked for all the way to that edge, and when it is still there but a paragraph was
    added between it and the passage, the passage does not stretch over the new paragraph."""
    return place if place is not None and abs(place - near) <= slack else None


def _nearest_best(
    scores: list[int], size: int, place: Callable[[int], int], near: int
) -> int | None:
    """The place of the fewest errors (at most an eighth of the context), nearest ``near``."""
    if not scores:
        return None
    fewest = min(scores)
    if fewest > size // 8:
        return None
    return min((place(i) for i, s in enumerate(scores) if s == fewest), key=lambda p: abs(p - near))


def _whole_span(text: str, sel: Selector, start: int, end: int, slack: int) -> tuple[int, int]:
    """The whole span an edited passage covers now, not the best-matching piece of it: an
    approximate match whose first word was replaced ("When" -> "Then") starts after the
    change ("hen the phone"). Where the remembered context is still there, the passage runs
    from the end of its prefix to the start of its suffix; elsewhere it is widened to whole
    words, unless the passage itself began or ended inside a word."""
    slack = max(ADJACENT_CHARS, slack)
    new_start = _context_end(text, sel.prefix, start, slack)
    new_end = _context_start(text, sel.suffix, end, slack)
    start = start if new_start is None else new_start
    end = end if new_end is None else new_end
    exact = sel.exact
    if exact and not exact[0].isspace():
        while start < end and text[start].isspace():
            start += 1
    if exact and not exact[-1].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    began_in_word = bool(sel.prefix) and _is_word(sel.prefix[-1]) and _is_word(exact[:1])
    ended_in_word = bool(sel.suffix) and _is_word(sel.suffix[0]) and _is_word(exact[-1:])
    if not began_in_word:
        while 0 < start < end and _is_word(text[start - 1]) and _is_word(text[start]):
            start -= 1
    if not ended_in_word:
        while start < end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
            end += 1
    return start, end


def _beside(text: str, start: int, end: int, sel: Selector) -> tuple[float, float]:
    """side_scores, where one side that does not fit next to the passage may fit a few words
    off on the same line: an attribution added to an edited quote (`"... plan," Delgado
    replied.`) puts the remembered context that far away. Only for a passage of a sentence's
    length whose other side fits right next to it, and only the remembered side found intact
    past a short gap with no line break: a short phrase never hops to another place."""
    before, after = side_scores(text, start, end, sel)
    if len(sel.exact) < DISPLACED_MIN_CHARS or (before >= SIDE_FIT) == (after >= SIDE_FIT):
        return before, after
    if after < SIDE_FIT and sel.suffix:
        for gap in range(1, min(GAP_CHARS, len(text) - end) + 1):
            if text[end + gap - 1] == "\n":
                break
            after = max(after, side_scores(text, start, end + gap, sel)[1])
    elif before < SIDE_FIT and sel.prefix:
        for gap in range(1, min(GAP_CHARS, start) + 1):
            if text[start - gap] == "\n":
                break
            before = max(before, side_scores(text, start - gap, end, sel)[0])
    return before, after


def fuzzy(text: str, sel: Selector) -> Anchor | None:
    n = len(sel.exact)
    max_errors = n // 4
    if max_errors == 0:
        return None
    slack = max(CONTEXT_CHARS, n // 2)
    best: Anchor | None = None
    best_rank = -1.0
    seen: set[tuple[int, int]] = set()
    for guess in _windows(text, sel):
        lo = max(0, guess - slack)
        hi = min(len(text), guess + n + slack)
        if hi - lo < n - max_errors:
            continue
        errors, start, end = _approximate(text, sel.exact, lo, hi, max_errors)
        if start < 0 or end <= start:
            continue
        start, end = _whole_span(text, sel, start, end, max_errors)
        if end <= start or (start, end) in seen:
            continue
        seen.add((start, end))
        errors = myers(sel.exact, text[start:end], anchored=True)[-1]
        quote = max(0.0, 1 - errors / n)
        before, after = _beside(text, start, end, sel)
        fitting = (before >= SIDE_FIT) + (after >= SIDE_FIT)
        if not any(quote >= q and fitting >= sides for q, sides in FUZZY_RULES):
            continue
        score = place_score(quote, before, after, nearness(text, start, sel.start))
        if score > best_rank:
            best_rank = score
            best = Anchor(start, end, "fuzzy", score)
    return best
