"""A passage of an article with its paragraph breaks as Markdown needs them (no Textual).

The reader shows a text as paragraphs (see reader.ui.text_units.split_units): news text often has
one paragraph per line, so a single newline there is a paragraph break, while a hard-wrapped
book's single newlines only wrap a line. A highlight copied out as it is stored would put two
news paragraphs on two lines of one Markdown paragraph, which any renderer joins into one.
"""

from __future__ import annotations

from bisect import bisect_right

#: (starts, ends, blank lines before each unit), as split_units gives them.
Units = tuple[list[int], list[int], list[int]]


def units_of(text: str) -> Units:
    """The text's layout units, computed once for all the passages of one article."""
    # Imported here: what needs no paragraphs (the CLI's other exports) loads no reader.ui.
    from reader.ui.text_units import split_units

    return split_units(text)


def paragraphed(text: str, start: int, end: int, units: Units | None = None) -> str:
    """text[start:end] with a blank line wherever the reader shows a paragraph break inside it.

    Other line breaks (a hard-wrapped paragraph's, a poem's lines) are kept as they are.
    """
    starts, ends, gaps = units if units is not None else units_of(text)
    pieces: list[str] = []
    index = max(0, bisect_right(starts, start) - 1)
    while index < len(starts) and starts[index] < end:
        lo, hi = max(starts[index], start), min(ends[index], end)
        if lo < hi:
            if pieces:
                pieces.append("\n\n" if gaps[index] else "\n")
            pieces.append(text[lo:hi])
        index += 1
    return "".join(pieces) if pieces else text[start:end]


def passage_text(text: str, start: int, end: int, exact: str, units: Units | None = None) -> str:
    """The stored passage `exact` with its paragraph breaks, when the article's text still
    holds it at [start, end); otherwise `exact` as stored."""
    if not text or text[start:end] != exact:
        return exact
    return paragraphed(text, start, end, units)
