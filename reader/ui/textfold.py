"""The article search's rule for accents, as a regular expression over the text as given: the
library's rule (reader.fold.forms) without changing the text, so every match's offsets are the
text's own and its mark covers the characters the text has.

A letter typed matches itself with any accent ("e": "é", "è"; "u": "ü"), a typed accented
letter its bare letter too ("é": "e"); "ae", "oe", "ue", "ss" and "th" typed match the text's
umlaut, ß, æ, œ or þ they spell out ("Mueller": "Müller", "aeon": "æon"), and a typed umlaut
(or æ, œ, þ) its spelling ("Müller": "Mueller"). A bare letter never matches a spelling:
"Muller" does not find "Mueller", as in the library.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache

from reader.fold import TEXT_SPELT, bare

#: Each lower-case letter written as two and its spelling: the umlauts and ß, "æ", "œ", "þ".
_SPELT = {letter: pair for letter, pair in TEXT_SPELT.items()
          if letter.islower() and len(pair) == 2}
#: Each spelt-out pair (lower case) and the letters it stands for: "ue" for "ü", "ae" "äæ".
_PAIRS = {pair: "".join(k for k, v in _SPELT.items() if v == pair) for pair in _SPELT.values()}
#: Blocks of accented Latin letters: Latin-1, Latin Extended-A and -B, Latin Extended Additional.
_LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
#: Combining accents a decomposed text puts after its letter.
_MARKS = "[\u0300-\u036f]*"


def _bare(ch: str) -> str:
    """The letter without its accents ("é": "e", "ł": "l"); the character itself when that
    is no one letter ("æ": a pattern matches one character for one)."""
    base = bare(ch)
    return base if len(base) == 1 else ch


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each bare lower-case letter and every accented form of it, upper and lower case."""
    out: dict[str, set[str]] = {}
    for code in _LATIN:
        ch = chr(code)
        base = _bare(ch).lower()
        if base != ch.lower() and base.isascii() and base.isalpha():
            out.setdefault(base, set()).update(
                c for c in (ch, ch.lower(), ch.upper()) if len(c) == 1  # "ẗ".upper(): 2
            )
    return {base: "".join(sorted(chars)) for base, chars in out.items()}


def _letter(ch: str, present: Collection[str] | None = None) -> str:
    """The pattern of one typed character: the letter with any accent, or the character.
    The accent may be a separate combining mark after the letter (decomposed text: "u" and
    U+0308), and the match takes it in. `present`: the only accented forms to list (those the
    text has, None for all); a short class compiles fast."""
    base = _bare(ch).lower()
    accented = _variants().get(base)
    if not accented:
        return re.escape(ch)
    if present is not None:
        accented = "".join(c for c in accented if c in present)
        if not any(unicodedata.combining(c) for c in present):
            return f"[{re.escape(base)}{re.escape(accented)}]" if accented else re.escape(base)
    return f"[{re.escape(base)}{re.escape(accented)}]{_MARKS}"


def _umlaut(letters: str) -> str:
    """The text's "ü" for a typed "ue": composed, or "u" with its combining U+0308 (and "ä"
    or "æ" for "ae": each letter the pair stands for)."""
    parts = {f for letter in letters for f in (letter, unicodedata.normalize("NFD", letter))}
    return f"(?:{'|'.join(re.escape(p) for p in sorted(parts))})"


def fold_pattern(query: str, present: Collection[str] | None = None) -> str:
    """The pattern (for re.IGNORECASE) of a typed query under the rule above; `present`, the
    non-ASCII characters of the text searched (None: any), keeps its classes short."""
    query = unicodedata.normalize("NFC", query)  # "u" and U+0308 typed: one letter, "ü"
    out: list[str] = []
    i = 0
    while i < len(query):
        # The pair lowered as it stands: query.lower() can be longer than the query
        # ("İ".lower() is two characters) and out of step with it.
        letter = _PAIRS.get(query[i : i + 2].lower())
        if letter is not None:  # "ue": itself (any accents) or the text's "ü"
            first, second = _letter(query[i], present), _letter(query[i + 1], present)
            out.append(f"(?:{first}{second}|{_umlaut(letter)})")
            i += 2
            continue
        ch = query[i]
        spelt = _SPELT.get(ch.lower())
        if spelt is not None:  # "ü": its spelling, or "u" with any accent ("æ": "ae")
            spelling = "".join(_letter(c, present) for c in spelt.lower())
            out.append(f"(?:{spelling}|{_letter(ch, present)}|{_umlaut(ch)})")
        else:
            out.append(_letter(ch, present))
        i += 1
    return "".join(out)
