"""Paragraphs trafilatura fused: when its main extraction comes out short (a page whose
<p class="byline"> it drops as boilerplate), it takes its baseline's text instead, which
joins a whole <article> into one paragraph with single spaces ("... after deal By Sam Ortega
Dockworkers returned ..."): the byline fused into the first sentence, and names across
paragraphs read as one. Such a block is cut back where the page's own paragraphs meet, and
only when it is exactly those paragraphs, in the page's order, end to end."""

from __future__ import annotations

import re
from typing import Any

_SPACES = re.compile(r"\s+")
#: Elements whose text is one paragraph of the page (when they hold no other such element).
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
     "figcaption", "td", "th"}
)


def page_paragraphs(html: str) -> list[str]:
    """The text of each innermost paragraph element of the page, in order, spaces collapsed."""
    import lxml.html

    try:
        tree: Any = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    found: list[str] = []
    for element in tree.iter(*_PARAGRAPHS):
        if any(True for _ in element.iterdescendants(*_PARAGRAPHS)):
            continue
        text = _SPACES.sub(" ", element.text_content()).strip()
        if text:
            found.append(text)
    return found


def split_fused(block: str, paragraphs: list[str]) -> list[str]:
    """`block` cut into the page's `paragraphs` it is made of, joined by spaces; `[block]`
    when it is not exactly a run of two or more of them (trafilatura's own paragraphs)."""
    for first, paragraph in enumerate(paragraphs):
        if not block.startswith(paragraph):
            continue
        parts, pos = [paragraph], len(paragraph)
        for following in paragraphs[first + 1 :]:
            if pos == len(block):
                break
            if block.startswith(" " + following, pos):
                parts.append(following)
                pos += 1 + len(following)
        if pos == len(block) and len(parts) > 1:
            return parts
    return [block]
