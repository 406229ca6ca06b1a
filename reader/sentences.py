"""A light sentence and word splitter for the reading cursor and the narration's pronouns
(reader.people.pronouns); no spaCy needed, and no Textual.

Works on one block of text (a paragraph) at a time and returns absolute offsets into
the full text, so the view can split lazily, paragraph by paragraph. Every decision looks
only at a few characters around a full stop, so splitting is one pass over the block (a
one-paragraph book is megabytes long), and it can stop early: `Sentences` splits a block
only as far as the reader has gone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    u.s u.k u.n e.g i.e a.m p.m d.c
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# A sentence end: terminal punctuation, then closing quotes/brackets, then space or end.
# Possessive, and never starting inside a run of punctuation, so a long run of dots is
# looked at once (a backtracking search would retry it from every dot).
_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019\u00bb)\]]*+(?=\s|$)")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_SPACES = re.compile(r"\s*")
_OPENER = re.compile(r"\w+")
_WORD = re.compile(r"\S+")
#: Characters looked at before a full stop: a longer word is no abbreviation.
_ABBREVIATION_WINDOW = 12
_OPENERS = frozenset({"the", "he", "she", "it", "they", "we", "i", "in", "but", "and", "this",
                      "that"})


def _is_abbreviation(block: str, dot: int) -> bool:
    """True when the period at ``block[dot]`` ends an abbreviation, not a sentence."""
    window = max(0, dot - _ABBREVIATION_WINDOW)
    match = _WORD_BEFORE.search(block, window, dot)
    if not match:
        return False
    if match.start() == window > 0 and _WORD_BEFORE.match(block[window - 1]):
        return False  # the word goes on before the window: too long for an abbreviation
    word = match.group().lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials: "J." or "U.S." style single letters between dots (not numbers: "on Oct. 7.").
    letters = word.replace(".", "")
    return letters.isalpha() and (len(word) == 1 or (len(letters) <= 3 and "." in word))


def _starts_sentence(block: str, at: int) -> bool:
    """A capitalised common sentence opener after an abbreviation ends the sentence."""
    word = _OPENER.match(block, at)
    return bool(word) and word.group().lower() in _OPENERS


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    piece = text[a:b]
    stripped = piece.strip()
    if not stripped:
        return None
    lead = len(piece) - len(piece.lstrip())
    return (a + lead, a + lead + len(stripped))


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans (absolute offsets) in ``text[start:end]``, whitespace trimmed, in order."""
    end = len(text) if end is None else end
    block = text[start:end]  # the block alone: nothing outside it may decide a boundary
    size = len(block)
    sentence_start = 0
    for match in _END.finditer(block):
        stop = match.end()
        dot = match.start()
        if stop - dot == 1 and block[dot] == ".":
            after = _SPACES.match(block, stop).end()  # type: ignore[union-attr]
            if _is_abbreviation(block, dot) and not _starts_sentence(block, after):
                continue
            if after < size and block[after].islower():
                continue
        span = _trimmed(block, sentence_start, stop)
        if span is not None:
            yield (start + span[0], start + span[1])
        sentence_start = stop
    span = _trimmed(block, sentence_start, size)
    if span is not None:
        yield (start + span[0], start + span[1])


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) in ``text[start:end]``, whitespace trimmed."""
    return list(iter_sentences(text, start, end))


class Sentences:
    """The sentences of one block, split on demand up to the offsets asked about."""

    __slots__ = ("_ends", "_more", "_spans", "end", "start")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self._more: Iterator[tuple[int, int]] | None = iter_sentences(text, start, end)
        self._spans: list[tuple[int, int]] = []
        self._ends: list[int] = []

    def _split_past(self, offset: int) -> None:
        """Split until a sentence ends after ``offset`` (or the block is done)."""
        more = self._more
        while more is not None and (not self._ends or self._ends[-1] <= offset):
            span = next(more, None)
            if span is None:
                self._more = more = None
                if not self._spans:  # only whitespace: the block is its own sentence
                    self._spans.append((self.start, self.end))
                    self._ends.append(self.end)
                break
            self._spans.append(span)
            self._ends.append(span[1])

    def first(self) -> tuple[int, int]:
        self._split_past(self.start)
        return self._spans[0]

    def last(self) -> tuple[int, int]:
        self._split_past(self.end)
        return self._spans[-1]

    def index_at(self, offset: int) -> int:
        """Index of the first sentence ending after ``offset``; the last one when none does."""
        self._split_past(offset)
        return min(bisect_right(self._ends, offset), len(self._spans) - 1)

    def at(self, offset: int) -> tuple[int, int]:
        return self._spans[self.index_at(offset)]

    def get(self, index: int) -> tuple[int, int] | None:
        """The sentence at ``index`` (negative: None), splitting as far as needed."""
        if index < 0:
            return None
        while index >= len(self._spans) and self._more is not None:
            self._split_past(self._ends[-1] if self._ends else self.start)
        return self._spans[index] if index < len(self._spans) else None


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Whitespace-delimited word spans (punctuation kept with its word), absolute offsets."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
