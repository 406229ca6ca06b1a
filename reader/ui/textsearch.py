"""Finding a literal query in an article, as a reader means it: any case, and straight and
curly quotation marks alike (`Israel's` finds “Israel’s”, `"clear` finds “clear).

Pure Python (no Textual). Folding maps one character to one character, so every match is a
(start, end) pair of offsets into the text exactly as given.
"""

from __future__ import annotations

import re

#: Apostrophes, single quotes and primes read as ', double quotes as ".
QUOTE_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
    }
)


def fold_quotes(text: str) -> str:
    """`text` with every kind of quotation mark as its straight form; same length."""
    return text.translate(QUOTE_FOLD)


def find_all(folded_text: str, query: str) -> list[tuple[int, int]]:
    """Spans of every match of `query` in a text already passed through `fold_quotes`
    (folded once and kept: a book is searched at every keystroke)."""
    if not query or len(query) > len(folded_text):
        return []  # a text cannot hold a longer query (and compiling a pasted page is slow)
    pattern = re.compile(re.escape(fold_quotes(query)), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(folded_text)]
