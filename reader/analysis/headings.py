"""Lines that name no character: a by-line or a heading (evidence about an entity that needs
the discourse state's paragraphs, apart from ``evidence``, which the state itself uses)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from reader.analysis.state import State


#: "Chapter VI: The Reverend Arthur Beebe, … and Miss Lucy Honeychurch Drive Out in Carriages
#: to See a View": a chapter's number, then its title, which may run over several lines.
_CHAPTER = re.compile(
    r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part)\s+(?:[IVXLCDM]+|\d+)\b[.:]?(?:\s|$)"
)

#: Longest paragraph (characters) read as a chapter's heading.
MAX_CHAPTER_HEADING = 400


def heading_or_byline(st: State, ent: Span) -> bool:
    """ "By Jane Austen" or "MR. TEDDY HENFREY'S FIRST IMPRESSIONS": a name in a short line
    that is a by-line or a heading names the author or a chapter, no character (a character
    who shares the author's first name must not become the author)."""
    k = bisect_right(st.para_starts, ent.start_char + st.offset) - 1
    if k < 0:
        return False
    ps, pe = st.paras[k]
    line = st.text[ps:pe].strip()
    if len(line) <= MAX_CHAPTER_HEADING and _CHAPTER.match(line):
        return True
    if len(line) > 80:
        return False
    return line.lower().startswith("by ") or (line.isupper() and ent.text.isupper())
