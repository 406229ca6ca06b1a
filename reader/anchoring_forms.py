"""One form for texts that differ only in how they are written down: line ends and Unicode
normalisation.

An article saved again by another editor (CRLF made LF, or git's autocrlf), or fetched again
from a page that now sends composed letters ("é" for "e" and U+0301), holds the same words, yet
a note written on the first form no longer matched: its passage or its context held a "\\r"
or a decomposed letter that the new text does not, and the note became an orphan. Anchoring
tries the folded forms of both after the text as it is (reader.anchoring), and maps what it
finds back onto the text as it is.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

#: A line end other than LF, or a run of non-ASCII characters with the character before it
#: (an accent's base letter is often ASCII).
_SPOTS = re.compile(r"\r\n?|[^\r]?[^\x00-\x7f]+")
_LINE_END = re.compile(r"\r\n|\r|\n")


def fold(text: str) -> str:
    """`text` with CRLF and a lone CR as LF, and each letter with its accents composed (NFC)."""
    return _folded(text)[0]


@lru_cache(maxsize=2)
def folded(text: str) -> tuple[str, Sequence[int]]:
    """`fold(text)` and, for each of its characters (and its end), where it starts in `text`:
    a passage found at [a, b) in the folded text is text[places[a]:places[b]]. Kept for the
    last two texts (every note of one article is moved from one text onto another), the
    places as machine integers: a list of Python ints took eight times the novel's size."""
    same, places = _folded(text)
    if isinstance(places, range):
        return same, places
    return same, array("i" if len(text) < 2**31 else "q", places)


def in_folded(places: Sequence[int], offset: int) -> int:
    """Where `offset` of a text is in its fold (`places` from `folded`): a removed "\\r" or
    accent mark counts no more, so offsets after it move back."""
    return bisect_left(places, offset)


def carried(offset: int, written: str, text: str) -> int:
    """`offset` in `written` as the same place in `text` if only their forms differ: through
    both folds. A note's old offset in a CRLF text would otherwise point one character later
    in the LF text for every line above it, onto a later copy of a repeated passage."""
    old = folded(written)[1]
    same, places = folded(text)
    return places[min(in_folded(old, offset), len(same))]


def line_end_width(written: str) -> int | None:
    """How wide the line ends of the text `written` was cut from are (2 for CRLF, 1 for LF or a
    lone CR), or None when it shows none (a "\\n" at its very start or a "\\r" at its very end
    may be half a CRLF)."""
    for end in _LINE_END.finditer(written):
        halved = (end.group() == "\n" and end.start() == 0) or (
            end.group() == "\r" and end.end() == len(written))
        if not halved:
            return end.end() - end.start()
    return None


def through_line_ends(offset: int, width: int, text: str) -> int:
    """`offset` in the text as it was before its line ends changed (all `width` wide) as the
    same place in `text`, when the text it was in is not known (a note imported from an older
    export): each line end above it counts as it was written. Unchanged where `text` has no
    line ends or has some of that width (the form did not change, or is mixed: no guess)."""
    shifts = _line_end_shifts(text, width)
    if shifts is None:
        return offset
    ends, shift = shifts
    k = bisect_right(ends, offset)
    return max(0, min(len(text), offset - (shift[k - 1] if k else 0)))


@lru_cache(maxsize=2)
def _line_end_shifts(text: str, width: int) -> tuple[Sequence[int], Sequence[int]] | None:
    """For each line end of `text`: where it ended when every line end was `width` wide, and
    how much later than now the text after it was (None: no line end changed width)."""
    ends, shifts = array("q"), array("q")
    shift = 0
    for end in _LINE_END.finditer(text):
        if end.end() - end.start() == width:
            return None
        shift += width - (end.end() - end.start())
        ends.append(end.end() + shift)
        shifts.append(shift)
    return (ends, shifts) if ends else None


def _folded(text: str) -> tuple[str, Sequence[int]]:
    if text.isascii() and "\r" not in text:
        return text, range(len(text) + 1)
    out: list[str] = []
    places: list[int] = []
    done = 0
    for spot in _SPOTS.finditer(text):
        out.append(text[done : spot.start()])
        places.extend(range(done, spot.start()))
        if spot.group().startswith("\r"):
            out.append("\n")
            places.append(spot.start())
        else:
            _compose(spot.group(), spot.start(), out, places)
        done = spot.end()
    out.append(text[done:])
    places.extend(range(done, len(text) + 1))
    return "".join(out), places


def _compose(run: str, at: int, out: list[str], places: list[int]) -> None:
    """NFC of each letter with its combining marks, every character it gives placed at the
    letter's start (a passage never begins or ends inside a letter)."""
    cluster = 0
    for i in range(1, len(run) + 1):
        if i < len(run) and unicodedata.combining(run[i]):
            continue
        shown = unicodedata.normalize("NFC", run[cluster:i])
        out.append(shown)
        places.extend([at + cluster] * len(shown))
        cluster = i
