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

This module is the entry (`anchor`); the steps are apart, one job each: the selectors
(anchoring_selectors), scoring a place's context (anchoring_context), the exact passage
(anchoring_exact), the edited one (anchoring_fuzzy), and texts that differ only in how they
are written down (anchoring_forms).
"""

from __future__ import annotations

import re
import unicodedata

from reader.anchoring_context import context_score, side_scores
from reader.anchoring_exact import SELF_EVIDENT_CHARS, by_quote
from reader.anchoring_forms import (
    carried,
    fold,
    folded,
    in_folded,
    line_end_width,
    through_line_ends,
)
from reader.anchoring_fuzzy import fuzzy
from reader.anchoring_selectors import CONTEXT_CHARS, Anchor, FoldedSelector, Selector, selector_for

__all__ = [
    "CONTEXT_CHARS",
    "SELF_EVIDENT_CHARS",
    "Anchor",
    "Selector",
    "anchor",
    "context_score",
    "same_words",
    "selector_for",
    "side_scores",
    "words",
]

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a passage: letters and digits in runs, compatibility-normalised and
    case-folded, so spacing, line breaks, punctuation, quotation marks and case drop out."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def same_words(a: str, b: str) -> bool:
    """True when the two passages say the same words in the same order (a re-wrapped line,
    straight for curly quotes, a comma for a semicolon); a word added, dropped or replaced
    ("not", another name) makes them differ."""
    return words(a) == words(b)


def anchor(text: str, sel: Selector, written: str | None = None) -> Anchor | None:
    """Where the passage is in the (new) text, or None when it is gone (an orphan).
    `written`: the text the selector's offsets are in, when known; they are first carried
    onto `text` through both folds, so another form's line ends do not shift them. Unknown,
    the line ends the selector's own text shows stand for the old text's (`_old_line_ends`)."""
    if not sel.exact:
        return None
    if written is not None and written != text:
        moved = carried(sel.start, written, text), carried(sel.end, written, text)
        sel = Selector(*moved, sel.exact, sel.prefix, sel.suffix)
    elif written is None:
        sel = _old_line_ends(text, sel)
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
    return by_quote(text, sel) or fuzzy(text, sel) or _in_one_form(text, sel)


def _old_line_ends(text: str, sel: Selector) -> Selector:
    """The selector's offsets carried onto `text` when its passage and context show line ends
    of a width `text` has none of (CRLF made LF, or LF made CRLF): a tie between identical
    copies of the passage (a refrain, twenty like stanzas) is broken by nearness to the old
    offset, which is off by one character for every line above it."""
    width = line_end_width(sel.prefix + sel.exact + sel.suffix)
    if width is None:
        return sel
    start, end = through_line_ends(sel.start, width, text), through_line_ends(sel.end, width, text)
    return Selector(start, max(start, end), sel.exact, sel.prefix, sel.suffix)


def _in_one_form(text: str, sel: Selector) -> Anchor | None:
    """The passage found once line ends and accents are written alike (anchoring_forms)."""
    same, places = folded(text)
    full = (len(sel.prefix) >= CONTEXT_CHARS, len(sel.suffix) >= CONTEXT_CHARS)
    start, end = in_folded(places, sel.start), in_folded(places, sel.end)
    again = FoldedSelector(start, end, fold(sel.exact), fold(sel.prefix), fold(sel.suffix), full)
    if same == text and (again.exact, again.prefix, again.suffix) == (sel.exact, sel.prefix,
                                                                    sel.suffix):
        return None
    found = by_quote(same, again) or fuzzy(same, again)
    if found is None:
        return None
    return Anchor(places[found.start], places[found.end], found.method, found.score)
