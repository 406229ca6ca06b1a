"""Finding a literal query in an article, as a reader means it: any case, straight and
curly quotation marks alike (`Israel's` finds “Israel’s”, `"clear` finds “clear), and accents
as the library's search folds them (reader.fold): "muller" and "Mueller" find "Müller",
"cafe" finds "café", "Müller" finds "Mueller"; "Muller" does not find "Mueller".

Pure Python (no Textual). The quote folding maps one character to one character, and the
accents are matched by the query's pattern, never by changing the text, so every match is a
(start, end) pair of offsets into the text exactly as given: a mark covers "ü", not "ue".

The search runs at every key typed in the bar, on the screen's thread, so its work is bounded
by MOST matches, not by how often the text has the query: "e" in a 20 MB book is 2.4 million
matches, and finding and marking them all froze the screen for 5 s on each key.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from reader.ui.textfold import fold_pattern

#: Apostrophes, single quotes and primes read as ', double quotes as ".
QUOTE_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
    }
)
#: The most matches collected at once; past it, those from where the search is.
MOST = 20_000
#: Characters looked back over first for the match before a place (doubled until one is).
_BACK = 1 << 16
#: A query longer than this is a pasted one: its pattern lists only the text's accents.
_LONG = 64
_NON_ASCII = re.compile("[^\x00-\x7f]")


def fold_quotes(text: str) -> str:
    """`text` with every kind of quotation mark as its straight form; same length.
    One `replace` per mark: `str.translate` took 2.3 s over a 19 MB text, this 0.17 s."""
    for code, straight in QUOTE_FOLD.items():
        mark = chr(code)
        if mark in text:
            text = text.replace(mark, str(straight))
    return text


def _pattern(query: str, folded_text: str) -> re.Pattern[str]:
    """The query's pattern; a plain one when neither side has an accent to fold (isascii is
    O(1): a 20 MB text is asked at every key), so a plain text is searched as fast as ever."""
    query = fold_quotes(query)
    if folded_text.isascii() and query.isascii():
        return re.compile(re.escape(query), re.IGNORECASE)
    # A long (pasted) query's classes list only the accented letters the text has: with all
    # of them a 4,096-character query took 0.35 s to compile, at every key. Not for a short
    # one: listing a 20 MB book's letters takes 0.3 s, once, and its pattern compiles at once.
    present = _non_ascii(folded_text) if len(query) > _LONG else None
    return _compiled(query, present)


@lru_cache(maxsize=2)
def _non_ascii(folded_text: str) -> frozenset[str]:
    """The text's non-ASCII characters (kept: the same text is searched at every key)."""
    return frozenset(_NON_ASCII.findall(folded_text))


@lru_cache(maxsize=16)
def _compiled(query: str, present: frozenset[str] | None) -> re.Pattern[str]:
    """The folding pattern, compiled once per query and text (find_before asks again)."""
    return re.compile(fold_pattern(query, present), re.IGNORECASE)


def find_all(folded_text: str, query: str) -> list[tuple[int, int]]:
    """Spans of every match of `query` in a text already passed through `fold_quotes`
    (folded once and kept: a book is searched at every keystroke)."""
    return find_from(folded_text, query, most=len(folded_text) + 1)[0]


def find_from(
    folded_text: str, query: str, origin: int = 0, most: int = MOST
) -> tuple[list[tuple[int, int]], bool]:
    """(spans in text order, whether they are every match): every match when there are at
    most `most`; else a run of them without a gap: `most` from `origin` on (the first one
    astride it included) and up to a quarter as many just before it, which a page showing
    `origin` may show too."""
    if not query or (len(query) + 1) // 2 > len(folded_text):
        # A text cannot hold a query twice its length (and compiling a pasted page is slow);
        # shorter than the query it can: "Mueller" finds "Müller", each typed pair one letter.
        return [], True
    pattern = _pattern(query, folded_text)
    spans = [m.span() for m in islice(pattern.finditer(folded_text), most + 1)]
    if len(spans) <= most:
        return spans, True
    begin = max(0, min(origin, len(folded_text)) - len(query) + 1)
    after = [m.span() for m in islice(pattern.finditer(folded_text, begin), most)]
    # Before the first of them, not before `begin`: a match ending between the two ("ab" at
    # 10-12 for origin 12) was in neither run, never marked, and `,` stepped over it.
    end = after[0][0] if after else len(folded_text)
    return find_before(folded_text, query, end, most // 4) + after, False


def find_before(
    folded_text: str, query: str, end: int, most: int = MOST
) -> list[tuple[int, int]]:
    """Up to `most` matches that end by `end`, the nearest ones. Looks back over more of the
    text only while none is found, so a frequent query costs little; [] when there is none."""
    if not query or most <= 0:
        return []
    pattern = _pattern(query, folded_text)
    reach, lo = _BACK, end
    while lo > 0:
        lo = max(0, end - reach)
        found = [m.span() for m in pattern.finditer(folded_text, lo, end)]
        if found:
            return found[-most:]
        reach *= 2
    return []
