"""Fitting text into terminal columns by display width (CJK and most emoji take two cells).

For the command line's tables; no Textual (rich's cell widths come with it).
"""

from __future__ import annotations

import re
import unicodedata

from rich.cells import cell_len

__all__ = ["ELLIPSIS", "cell_len", "fit", "fit_end", "fit_source", "pad", "wrap"]

ELLIPSIS = "…"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def _head(text: str, width: int) -> str:
    """The longest start of `text` that takes at most `width` cells."""
    used = 0
    for i, ch in enumerate(text):
        used += cell_len(ch)
        if used > width:
            return text[:i]
    return text


def _tail(text: str, width: int) -> str:
    """The longest end of `text` that takes at most `width` cells (no orphaned accents)."""
    used = 0
    for i in range(len(text) - 1, -1, -1):
        used += cell_len(text[i])
        if used > width:
            return text[i + 1 :].lstrip("".join(c for c in text if unicodedata.combining(c)))
    return text


def fit(text: str, width: int) -> str:
    """`text` in at most `width` cells, its end replaced by "…" when it is cut."""
    if cell_len(text) <= width:
        return text
    return _head(text, max(0, width - 1)).rstrip() + ELLIPSIS


def fit_end(text: str, width: int) -> str:
    """`text` in at most `width` cells, its start replaced by "…" when it is cut."""
    if cell_len(text) <= width:
        return text
    return ELLIPSIS + _tail(text, max(0, width - 1)).lstrip()


def fit_source(source: str, width: int) -> str:
    """A file path or URL in at most `width` cells, keeping what tells sources apart: the
    file name with as many folders before it as fit ("…/dev/wired.com2.txt"), or a URL's
    host and the end of its path ("wired.com/…/slug")."""
    if cell_len(source) <= width:
        return source
    if _SCHEME.match(source):
        host, _, path = _SCHEME.sub("", source).rstrip("/").partition("/")
        parts = path.split("/") if path else []
        for i in range(1, len(parts)):
            shown = f"{host}/{ELLIPSIS}/" + "/".join(parts[i:])
            if cell_len(shown) <= width:
                return shown
        return fit(f"{host}/{path}" if path else host, width)
    parts = source.split("/")
    for i in range(1, len(parts)):
        shown = f"{ELLIPSIS}/" + "/".join(parts[i:])
        if cell_len(shown) <= width:
            return shown
    # Too narrow for "…/name": the end of the path, still marked as cut ("/0" at width 1
    # was "0", a folder dropped with no sign; "dir/" keeps its name, not nothing)
    return fit_end(source, width)


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` cells (a left-aligned column)."""
    return text + " " * max(0, width - cell_len(text))


def wrap(text: str, width: int, lines: int, *, cut: bool = True) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of at most `width` cells; a word
    longer than a line is cut, and what does not fit in `lines` ends the last in "…". With
    `cut` False nothing is cut: such a word keeps its line, the last line holds the rest (for
    a widget that draws its own ellipsis, so the text it holds stays whole)."""
    if width <= 0 or lines <= 0:
        return []
    trim = (lambda line: fit(line, width)) if cut else (lambda line: line)
    out: list[str] = []
    line = ""
    words = text.split()
    for i, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            out.append(trim(line))
        line = word
        if len(out) == lines - 1:  # the last line takes the rest, cut if it must be
            return [*out, trim(" ".join(words[i:]))]
    if line:
        out.append(trim(line))
    return out
