"""Spellings of one name with and without its accents, for searches and filters.

"Müller" is also written "Muller" (accent dropped) and "Mueller" (umlaut spelt out), "Weiß" as
"Weiss": a reader types any of them for any other. SQLite's unicode61 tokenizer already drops
accents ("muller" finds "Müller"); the spelt-out umlauts and ß are what it cannot fold.
"""

from __future__ import annotations

import unicodedata

#: An umlaut (or ß) and its spelt-out form.
SPELT_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def spellings(word: str) -> list[str]:
    """Other spellings of `word` (lower case) a search should also find: umlauts spelt out
    ("mueller" for "Müller") and spelt-out forms as umlauts ("müller" for "Mueller"; the index
    drops the accent, so it finds "Muller" too). [] when there is none."""
    low = word.lower()
    spelt = low
    for umlaut, pair in SPELT_OUT.items():
        spelt = spelt.replace(umlaut, pair)
    marked = low
    for umlaut, pair in SPELT_OUT.items():
        marked = marked.replace(pair, umlaut)
    return [w for w in dict.fromkeys((spelt, marked)) if w != low]


def fold(text: str) -> str:
    """`text` as a filter compares it: case folded, accents dropped, umlauts' spelt-out forms
    as the bare vowel ("Müller", "Muller" and "Mueller" all read "muller"; "Weiß": "weiss")."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).casefold()
    for pair in ("ae", "oe", "ue"):
        plain = plain.replace(pair, pair[0])
    return plain
