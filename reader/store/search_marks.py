"""Marking a query's words in a very long row without FTS5's highlight().

highlight() copies its whole output again at each match: a 1 MB note saying "word" 110,000
times took 11 s (4.6 s of CPU) to mark, and the library's search, which runs as the person
types, showed nothing meanwhile (the index cuts an article's text into short pieces, so such a
row is a note, or a quote). A row that long is marked here instead: each word of the query where
a word starts with it, in any case (the index stems, "word" finds "words"), at most
LONG_ROW_MARKS times.
"""

from __future__ import annotations

import re

#: Rows longer than this (characters) are marked here, not by highlight().
HIGHLIGHT_LONGEST = 100_000
#: Matches marked in such a row: more than a person goes through, however often it says it.
LONG_ROW_MARKS = 200
_PHRASE = re.compile(r'"([^"]*)"(\*?)')


def query_words(match: str) -> re.Pattern[str] | None:
    """The phrases of an FTS5 query (search_query.fts_query quotes each) as one pattern."""
    parts = []
    for phrase, _star in _PHRASE.findall(match):
        words = [rf"{re.escape(word)}\w*" for word in re.findall(r"\w+", phrase)]
        if words:  # a phrase is one mark, as highlight() makes it
            parts.append(r"(?<!\w)" + r"\W+".join(words))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def marked(body: str, match: str, opening: str, closing: str) -> str:
    """`body` with the query's words between `opening` and `closing`, as highlight() marks."""
    pattern = query_words(match)
    if pattern is None:
        return body
    out, done = [], 0
    for count, found in enumerate(pattern.finditer(body)):
        if count == LONG_ROW_MARKS:
            break
        out += [body[done : found.start()], opening, found.group(), closing]
        done = found.end()
    return "".join([*out, body[done:]])
