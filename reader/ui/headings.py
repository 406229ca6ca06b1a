"""Headings and chapters in a text: where `)` and `(` stop and what the outline lists.

A heading is a short paragraph of its own: "CHAPTER II", "Chapter 2", "BOOK ONE", "PART III.
THE RETURN", "VOLUME I", or a Markdown heading ("## Results"). Pure Python (no Textual); one
regex match per short paragraph, so a whole book is read in a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Longest paragraph (characters) taken for a heading.
MAX_HEADING = 80

_NUMBER = r"(?:[IVXLCDM]+|\d+|[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]+)"
_HEADING = re.compile(
    rf"(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part|VOLUME|Volume)\s+{_NUMBER}\b[.:]?(?:\s.*)?"
    r"|(?P<hashes>#{1,6})\s+\S.*)$"
)


@dataclass(frozen=True, slots=True)
class Heading:
    start: int
    end: int
    #: 1 for a volume, book, part or "#", 2 for a chapter or "##", and so on.
    level: int
    title: str


def find_headings(text: str, starts: list[int], ends: list[int]) -> list[Heading]:
    """The headings among the paragraphs [starts[i], ends[i]) of `text`, in text order."""
    found: list[Heading] = []
    for start, end in zip(starts, ends, strict=True):
        if end - start > MAX_HEADING:
            continue
        line = text[start:end].strip()
        if "\n" in line:
            continue
        match = _HEADING.match(line)
        if match is None:
            continue
        hashes = match.group("hashes")
        if hashes:
            level, title = len(hashes), line[len(hashes):].strip()
        else:
            word = line.split()[0].upper()
            level, title = (2 if word == "CHAPTER" else 1), line
        found.append(Heading(start, end, level, title))
    return found
