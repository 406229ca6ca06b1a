"""The W3C Web Annotation selectors a note remembers of its passage, and the place found for
it: the TextPositionSelector (start, end) and the TextQuoteSelector (exact, prefix, suffix).
Every step of anchoring (reader.anchoring) reads these; they live apart so the steps need not
import one another."""

from __future__ import annotations

from dataclasses import dataclass

#: Characters of context kept on each side of a passage (the TextQuoteSelector's prefix/suffix).
CONTEXT_CHARS = 32


@dataclass(frozen=True, slots=True)
class Selector:
    """Both W3C selectors of one passage."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class FoldedSelector(Selector):
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
