"""Spellings of one name with and without its accents, for searches and filters.

"Müller" is also written "Muller" (accent dropped) and "Mueller" (umlaut spelt out), "Weiß" as
"Weiss": a reader types any of them for any other. SQLite's unicode61 tokenizer already drops
accents ("muller" finds "Müller"); the spelt-out umlauts and ß are what it cannot fold.

Only the TEXT's umlauts are spelt out, never a typed "ue" taken for "ü": "ae", "oe" and "ue"
are mostly no umlaut at all ("Joe", "does", "Michael", "Poe"), and reading them as one found
"Jo", "dos", "Michal" and "Police". The index holds a row's text with its umlauts spelt out
beside it (search_index), and a typed umlaut is searched for spelt out as well.
"""

from __future__ import annotations

import re
import unicodedata

#: An umlaut (or ß) and its spelt-out form, both cases.
SPELT_OUT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
             "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"}
#: Letters that are no base letter plus a mark, so NFKD keeps them: written without them too.
OWN_BARE = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ð": "d", "ħ": "h", "ŀ": "l",
            "Ł": "L", "Ø": "O", "Đ": "D", "Ð": "D", "Ħ": "H", "Ŀ": "L"}
#: Them and the letters written as two ("æ": "ae"), both cases: SQLite's tokenizer folds none.
OWN_SPELT = {**OWN_BARE, "æ": "ae", "œ": "oe", "þ": "th", "Æ": "Ae", "Œ": "Oe", "Þ": "Th"}
OWN_LETTERS = str.maketrans(OWN_SPELT)
#: What the index's copy of a row spells out: the umlauts and ß, and the letters of their own
#: ("Wałęsa": "Walęsa", the tokenizer dropping the "ę"'s accent), so "Walesa" finds it.
TEXT_SPELT = {**SPELT_OUT, **OWN_SPELT}


_UMLAUT = re.compile(f"[{''.join(TEXT_SPELT)}]")
_SPELLING = str.maketrans(TEXT_SPELT)


def spelt_out(text: str) -> str:
    """`text` with its umlauts and ß spelt out ("Müller": "Mueller") and its letters of their
    own written plain ("Łódź": "Lodź", "æon": "aeon"); "" when it has none.
    In C (a regex, str.translate): every paragraph of a book passes here when it is saved."""
    return text.translate(_SPELLING) if _UMLAUT.search(text) else ""


def spelt_places(text: str) -> list[int]:
    """For each character of `spelt_out(text)` (and its end), where it comes from in `text`:
    a match found in the spelt-out text is marked on the words the text has."""
    places = [i for i, ch in enumerate(text) for _ in TEXT_SPELT.get(ch, ch)]
    return [*places, len(text)]


def spelt_sql(column: str) -> str:
    """SQL for `spelt_out` of a column (the triggers that index notes spell them out too).
    Eight replace() calls a level, each level a subquery: 27 nested calls in one expression
    overflowed SQLite's parser stack inside a trigger."""
    items = list(TEXT_SPELT.items())
    source = f"(SELECT {column} AS s)"
    for at in range(0, len(items), 8):
        expr = "s"
        for letter, pair in items[at : at + 8]:
            expr = f"replace({expr}, '{letter}', '{pair}')"
        source = f"(SELECT {expr} AS s FROM {source})"
    return f"(SELECT coalesce(nullif(s, {column}), '') FROM {source})"


def spellings(word: str) -> list[str]:
    """Other spellings of a typed `word` a search also looks for: its umlauts spelt out
    ("mueller" for "Müller"; "Muller" is found already, the index dropping accents). [] when it
    has none: "Mueller" is searched as typed, and finds "Müller" in the spelt-out text."""
    spelt = spelt_out(word.lower())
    return [spelt] if spelt else []


def forms(text: str) -> set[str]:
    """`text` as a filter compares it: case folded, with its accents dropped and with its
    umlauts spelt out ("Müller": "müller", "muller", "mueller"; "Weiß": "weiss"). A typed
    word matches when one of its forms is in one of the text's; "ae", "oe" and "ue" stay."""
    low = text.casefold()
    if low.isascii():
        return {low}
    spelt = spelt_out(text.lower()).casefold() or low
    return {low, *(bare(t) for t in (low, spelt))}


def bare(text: str) -> str:
    """`text` without its accents, and with the letters that have none of their own written
    plain ("Łódź": "Lodz", "Æsa": "Aesa")."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    ).translate(OWN_LETTERS)


def found_in(word: str, text: str) -> bool:
    """Whether a typed word is in `text`, the accents of either side dropped or spelt out."""
    return any(w in t for w in forms(word) for t in forms(text))


def same_word(typed: str, word: str) -> bool:
    """Whether a typed word is `word` by this rule: "Muller" and "Mueller" are "Müller",
    "Müller" is "Mueller"; "Muller" is not "Mueller" (no form of one is a form of the other)."""
    return not forms(typed).isdisjoint(forms(word))


def has_words(name: str, typed: str) -> bool:
    """Every word typed is a word of `name`, in any case ("church" in "the Church"), accents
    folded by `same_word` ("Muller" and "Mueller" are words of "Hans Müller")."""
    words = typed.split()
    own = name.split()
    return bool(words) and all(any(same_word(w, o) for o in own) for w in words)
