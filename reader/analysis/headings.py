"""Lines that name no character: a by-line or a heading (evidence about an entity that needs
the discourse state's paragraphs, apart from ``evidence``, which the state itself uses)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from reader.analysis.lexicon import TITLES
from reader.analysis.names import fold
from reader.analysis.quotes import content_words, words_of

if TYPE_CHECKING:
    from spacy.tokens import Span

    from reader.analysis.state import State


#: "Chapter VI: The Reverend Arthur Beebe, … and Miss Lucy Honeychurch Drive Out in Carriages
#: to See a View": a chapter's number, then its title, which may run over several lines.
_CHAPTER = re.compile(
    r"(?:CHAPTER|Chapter|BOOK|Book|PART|Part)\s+(?:[IVXLCDM]+|\d+)\b[.:]?(?:\s|$)"
)

#: A title page's credit line: "By Jane Austen", "Author: H. G. Wells" (the field lines of a
#: Project Gutenberg header), "Translated by …", "Illustrated by …".
_CREDIT = re.compile(
    r"(?:(?:written|translated|illustrated|edited)\s+)?by\s"
    r"|(?:author|authors|translator|illustrator|editor)\s*:",
    re.IGNORECASE,
)

#: Longest paragraph (characters) read as a chapter's heading.
MAX_CHAPTER_HEADING = 400


def _paragraph(st: State, ent: Span) -> str:
    """The paragraph the entity stands in, stripped ("" before the first)."""
    k = bisect_right(st.para_starts, ent.start_char + st.offset) - 1
    if k < 0:
        return ""
    ps, pe = st.paras[k]
    return st.text[ps:pe].strip()


def heading_or_byline(st: State, ent: Span) -> bool:
    """ "By Jane Austen", "Author: H. G. Wells" or "MR. TEDDY HENFREY'S FIRST IMPRESSIONS":
    a name in a short line that is a by-line or a heading names the author or a chapter, no
    character (a character who shares the author's first name must not become the author)."""
    line = _paragraph(st, ent)
    if len(line) <= MAX_CHAPTER_HEADING and _CHAPTER.match(line):
        return True
    if len(line) > 80:
        return False
    return bool(_CREDIT.match(line)) or (line.isupper() and ent.text.isupper())


#: A heading is short: longer lines in capitals are prose or a list.
_HEADING_CHARS = 160


def title_case_line(st: State, ent: Span) -> bool:
    """ "Hillary Clinton Slams Donald Trump On Abortion.": the entity stands in a short line
    in Title Case, a headline, where capitals say nothing of where a name starts."""
    line = _paragraph(st, ent)
    if len(line) > _HEADING_CHARS or line.startswith("("):
        return False  # "(Reporting by Harshita Menon …)": a credit, of names
    content = [w for w in content_words(words_of(line)) if w[0].isalpha()]
    return len(content) >= 4 and all(w[0].isupper() for w in content)


Role = tuple[str | None, set[str]]


def headline_role(found: Role, headline: bool) -> Role:
    """A role found before a name, unless the name stands in a headline, where capitals make
    no role ("This Big-Name Senator Endorsed Trump") and only a title is one ("Dr. Ben
    Carson", "Rep. Jim Clyburn")."""
    role, _ = found
    if not headline or (role and all(fold(w).rstrip(".") in TITLES for w in role.split())):
        return found
    return None, set()
