"""A light sentence and word splitter for the reading cursor (no spaCy needed).

Works on one block of text (a paragraph) at a time and returns absolute offsets into
the full text, so the view can split lazily, paragraph by paragraph.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds
    u.s u.k u.n e.g i.e a.m p.m d.c
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# A sentence end: terminal punctuation, then closing quotes/brackets, then space or end.
_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_WORD = re.compile(r"\S+")


def _is_abbreviation(block: str, end: int) -> bool:
    """True when the period at ``block[end - 1]`` ends an abbreviation, not a sentence."""
    match = _WORD_BEFORE.search(block, 0, end - 1)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # Initials: "J." or "U.S." style single letters between dots (not numbers: "on Oct. 7.").
    letters = word.replace(".", "")
    return letters.isalpha() and (len(word) == 1 or (len(letters) <= 3 and "." in word))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    block = text[start:end]
    spans: list[tuple[int, int]] = []
    sentence_start = 0
    for match in _END.finditer(block):
        stop = match.end()
        if block[match.start()] == "." and match.end() - match.start() == 1:
            after = block[stop:].lstrip()
            if _is_abbreviation(block, match.start() + 1) and not _starts_sentence(after):
                continue
            if after[:1].islower():
                continue
        _append(block, sentence_start, stop, start, spans)
        sentence_start = stop
    _append(block, sentence_start, len(block), start, spans)
    return spans


def _starts_sentence(after: str) -> bool:
    """A capitalised common sentence opener after an abbreviation ends the sentence."""
    word = re.match(r"\w+", after)
    return bool(word) and word.group().lower() in {
        "the", "he", "she", "it", "they", "we", "i", "in", "but", "and", "this", "that",
    }


def _append(block: str, a: int, b: int, base: int, spans: list[tuple[int, int]]) -> None:
    piece = block[a:b]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((base + a + lead, base + a + lead + len(stripped)))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Whitespace-delimited word spans (punctuation kept with its word), absolute offsets."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
