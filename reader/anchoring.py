"""Re-anchoring annotations the W3C Web Annotation way, as pure functions (no database).

An annotation remembers a TextPositionSelector (start, end) and a TextQuoteSelector
(exact, prefix, suffix). When the text changes, the candidates are the places where the exact
passage is now (and, failing those, places where it is nearly: an edit inside it), each scored
like Hypothesis' fuzzy anchoring (`match-quote.ts`): the passage's own similarity, the
similarity of the text before and after it to the remembered prefix and suffix, and nearness
to the old position as a tie-breaker.

Unlike Hypothesis, a candidate must also *fit*: the context on at least one side must still be
there (`SIDE_FIT`), so a short passage whose paragraph was deleted never jumps to another
occurrence of the same words ("Lapid" in some other sentence). The one exception is a long
passage found exactly once (`SELF_EVIDENT_CHARS`): it is its own context, so a whole
paragraph that moved, with new neighbours on both sides, is still found. An edited passage
(approximate match) needs more context the more it changed (`FUZZY_RULES`). What fits nowhere
is an orphan: the caller keeps it and flags it, never deletes it.

Finding a passage is not the same as finding it unchanged: an approximate match may have other
words (another speaker, a "not"). `same_words` tells the caller whether the words it was
written about are still there, spacing, punctuation and case aside.

Every search is bounded: exact occurrences are found with `str.find` (with the nearest
context first, so a passage as common as "the" in a whole book is still found by its
neighbours), and approximate matching (Myers' bit-parallel edit distance) runs only in a few
windows: around the old position and where pieces of the passage and its context now are.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.anchoring_forms import carried, fold, folded, in_folded

#: Characters of context kept on each side of a passage (the TextQuoteSelector's prefix/suffix).
CONTEXT_CHARS = 32
#: How much of one side's context must be as remembered for it to fit (a share of
#: `CONTEXT_CHARS`): a few characters changed still fit; the same phrase next to the same
#: word elsewhere ("the continued delivery of" twice in an article) mostly does not.
SIDE_FIT = 0.9
#: Characters next to the passage that must agree for a side's context to count in full.
ADJACENT_CHARS = 8
#: An exact passage at least this long, found exactly once, needs no context.
SELF_EVIDENT_CHARS = 64
#: (passage similarity, sides that must fit) for an approximate match: a nearly identical
#: passage needs one side of its context, a more edited one both.
FUZZY_RULES = ((0.9, 1), (0.75, 2))
#: Upper bound on exact occurrences looked at per search (a very common passage in a novel).
MAX_CANDIDATES = 2000
#: A piece of a passage found more often than this says nothing about where the passage is;
#: one found more often in the whole text still may within `NEAR_CHARS` of its old place.
MAX_PIECE_HITS = 50
NEAR_CHARS = 20_000
#: Candidates scored in full (after a cheap ranking by how many context characters agree).
MAX_SCORED = 64
#: Hypothesis' weights: the passage, each side of its context, nearness to the old position.
QUOTE_WEIGHT, SIDE_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 2.0
_EDGE = "\x00"  # stands for the start or end of the text in a context
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Selector:
    """Both W3C selectors of one passage."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class _Folded(Selector):
    """Selectors folded (anchoring_forms): a context cut to under CONTEXT_CHARS only by
    folding ("\r\n" to "\n") is still a full one, not the text's edge."""

    full: tuple[bool, bool] = (False, False)


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    #: How it was found: "position", "quote" or "fuzzy".
    method: str
    #: 0..1, how sure we are (1.0 for the exact passage with its context at its old place).
    score: float


def words(text: str) -> list[str]:
    """The words of a passage: letters and digits in runs, compatibility-normalised and
    case-folded, so spacing, line breaks, punctuation, quotation marks and case drop out."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def same_words(a: str, b: str) -> bool:
    """True when the two passages say the same words in the same order (a re-wrapped line,
    straight for curly quotes, a comma for a semicolon); a word added, dropped or replaced
    ("not", another name) makes them differ."""
    return words(a) == words(b)


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


# ----------------------------------------------------------------------------- context


def _padded_before(text: str, start: int, size: int) -> str:
    """The ``size`` characters before ``start``, the text's start shown as `_EDGE`s."""
    found = text[max(0, start - size) : start]
    return _EDGE * (size - len(found)) + found


def _padded_after(text: str, end: int, size: int) -> str:
    found = text[end : end + size]
    return found + _EDGE * (size - len(found))


def _remembered(sel: Selector) -> tuple[str, str]:
    """The remembered context; where the text's edge cut it short, the edge as one character."""
    full = getattr(sel, "full", (False, False))  # a _Folded side shortened by folding
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
    agree = min(1.0, _agreeing(remembered, found, before=before) / adjacent)
    return agree * min(1.0, _matching(remembered, found) / CONTEXT_CHARS)


def side_scores(text: str, start: int, end: int, sel: Selector) -> tuple[float, float]:
    """(before, after): how much of a full context (`CONTEXT_CHARS`) on each side of
    [start, end) is as remembered, 0..1, counted when the characters next to the passage
    agree. A context cut short by the text's edge remembers the edge as one character: found
    whole, with the edge, it is 1.0 (no other place has it); otherwise it counts only the few
    characters it has, so it cannot vouch for a passage on its own."""
    before, after = _remembered(sel)
    return (
        _side(before, _padded_before(text, start, len(before)), before=True),
        _side(after, _padded_after(text, end, len(after)), before=False),
    )


def context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around [start, end) matches the remembered prefix and suffix (0..1)."""
    before, after = side_scores(text, start, end, sel)
    return (before + after) / 2


def _nearness(text: str, start: int, old_start: int) -> float:
    return 1.0 - min(1.0, abs(start - old_start) / max(1, len(text)))


def _rank(quote: float, before: float, after: float, nearness: float) -> float:
    """Hypothesis' score (0..1)."""
    total = QUOTE_WEIGHT + 2 * SIDE_WEIGHT + POSITION_WEIGHT
    return (
        QUOTE_WEIGHT * quote + SIDE_WEIGHT * (before + after) + POSITION_WEIGHT * nearness
    ) / total


# ----------------------------------------------------------------------------- exact


def _occurrences(text: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    found: list[int] = []
    hi = len(text) if hi is None else hi
    i = text.find(needle, lo, hi)
    while i != -1 and len(found) < MAX_CANDIDATES:
        found.append(i)
        i = text.find(needle, i + 1, hi)
    return found


def _agreeing(a: str, b: str, *, before: bool) -> int:
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


def _exact_starts(text: str, sel: Selector) -> list[int]:
    """Where the exact passage is now: first with its nearest context, then near the old
    position, then anywhere (when not too common)."""
    exact = sel.exact
    near = max(0, min(8, len(sel.prefix))), max(0, min(8, len(sel.suffix)))
    starts: set[int] = set()
    if near[0]:
        starts.update(i + near[0] for i in _occurrences(text, sel.prefix[-near[0] :] + exact))
    if near[1]:
        starts.update(_occurrences(text, exact + sel.suffix[: near[1]]))
    reach = 4 * CONTEXT_CHARS + len(exact)
    starts.update(_occurrences(text, exact, max(0, sel.start - reach), sel.end + reach))
    if text.count(exact) <= MAX_CANDIDATES:
        starts.update(_occurrences(text, exact))
    return sorted(starts)


def _by_quote(text: str, sel: Selector) -> Anchor | None:
    starts = _exact_starts(text, sel)
    if not starts:
        return None
    n = len(sel.exact)
    if len(starts) > MAX_SCORED:
        before_edge, after_edge = _remembered(sel)
        b_len, a_len = len(before_edge), len(after_edge)

        def cheap(start: int) -> tuple[int, float]:
            agree = max(
                _agreeing(before_edge, _padded_before(text, start, b_len), before=True),
                _agreeing(after_edge, _padded_after(text, start + n, a_len), before=False),
            )
            return agree, _nearness(text, start, sel.start)

        starts = sorted(starts, key=cheap, reverse=True)[:MAX_SCORED]
    alone = len(starts) == 1 and n >= SELF_EVIDENT_CHARS and text.count(sel.exact) == 1
    best: Anchor | None = None
    best_rank = -1.0
    for start in starts:
        before, after = side_scores(text, start, start + n, sel)
        if max(before, after) < SIDE_FIT and not alone:
            continue
        rank = _rank(1.0, before, after, _nearness(text, start, sel.start))
        if rank > best_rank:
            method = "position" if start == sel.start else "quote"
            best_rank = rank
            best = Anchor(start, start + n, method, rank)
    return best


# ----------------------------------------------------------------------------- approximate


def _myers(pattern: str, text: str, *, anchored: bool = False) -> list[int]:
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
    scores = _myers(exact, text[lo:hi])
    errors = min(scores)
    if errors > max_errors:
        return errors, -1, -1
    end = lo + scores.index(errors) + 1
    # Its start: the reversed passage matched backwards from that end, anchored there.
    back_lo = max(lo, end - len(exact) - max_errors)
    back = _myers(exact[::-1], text[back_lo:end][::-1], anchored=True)
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
            hits = _occurrences(text, gram)
        elif text.count(gram, *near) <= MAX_PIECE_HITS:
            hits = _occurrences(text, gram, *near)
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
    scores = _myers(prefix, text[lo:hi], anchored=at_edge)
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
    scores = _myers(suffix[::-1], text[lo:hi][::-1], anchored=at_edge)
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


def _fuzzy(text: str, sel: Selector) -> Anchor | None:
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
        errors = _myers(sel.exact, text[start:end], anchored=True)[-1]
        quote = max(0.0, 1 - errors / n)
        before, after = side_scores(text, start, end, sel)
        fitting = (before >= SIDE_FIT) + (after >= SIDE_FIT)
        if not any(quote >= q and fitting >= sides for q, sides in FUZZY_RULES):
            continue
        rank = _rank(quote, before, after, _nearness(text, start, sel.start))
        if rank > best_rank:
            best_rank = rank
            best = Anchor(start, end, "fuzzy", rank)
    return best


def anchor(text: str, sel: Selector, written: str | None = None) -> Anchor | None:
    """Where the passage is in the (new) text, or None when it is gone (an orphan).
    `written`: the text the selector's offsets are in, when known; they are first carried
    onto `text` through both folds, so another form's line ends do not shift them."""
    if not sel.exact:
        return None
    if written is not None and written != text:
        moved = carried(sel.start, written, text), carried(sel.end, written, text)
        sel = Selector(*moved, sel.exact, sel.prefix, sel.suffix)
    start, end = sel.start, sel.end
    if (
        0 <= start <= end <= len(text)
        and text[start:end] == sel.exact
        and text[max(0, start - len(sel.prefix)) : start] == sel.prefix
        and text[end : end + len(sel.suffix)] == sel.suffix
        and (len(sel.prefix) == CONTEXT_CHARS or start == len(sel.prefix))
        and (len(sel.suffix) == CONTEXT_CHARS or end + len(sel.suffix) == len(text))
    ):
        return Anchor(start, end, "position", 1.0)
    return _by_quote(text, sel) or _fuzzy(text, sel) or _in_one_form(text, sel)


def _in_one_form(text: str, sel: Selector) -> Anchor | None:
    """The passage found once line ends and accents are written alike (anchoring_forms)."""
    same, places = folded(text)
    full = (len(sel.prefix) >= CONTEXT_CHARS, len(sel.suffix) >= CONTEXT_CHARS)
    start, end = in_folded(places, sel.start), in_folded(places, sel.end)
    again = _Folded(start, end, fold(sel.exact), fold(sel.prefix), fold(sel.suffix), full)
    if same == text and (again.exact, again.prefix, again.suffix) == (sel.exact, sel.prefix,
                                                                    sel.suffix):
        return None
    found = _by_quote(same, again) or _fuzzy(same, again)
    if found is None:
        return None
    return Anchor(places[found.start], places[found.end], found.method, found.score)
