"""An HTML page to its article's plain text and title, with trafilatura.

trafilatura drops menus, ads and footers; its own text output joins paragraphs with a single
newline, so the paragraphs are rebuilt from its XML-like body instead: one block per paragraph,
heading, list, table or code block, blocks separated by a blank line (the reader's paragraph
convention, which quote detection relies on).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from reader.html_fused import page_paragraphs, split_fused

_SPACES = re.compile(r"[ \t\n]+")
_CONTAINERS = frozenset({"body", "div", "doc", "main", "section", "article", "quote"})


def _inline(element: Any, *, keep_space: bool = False) -> str:
    """All text inside an element, <lb/> as a line break, whitespace collapsed per line."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline(child, keep_space=keep_space))
        parts.append(child.tail or "")
    text = "".join(parts)
    if keep_space:
        return text.strip("\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def _blocks(element: Any) -> list[str]:
    tag = element.tag
    if tag == "list":
        items = [_inline(item) for item in element if item.tag == "item"]
        return ["\n".join(f"• {item}" for item in items if item)]
    if tag == "table":
        rows = []
        for row in element.iter("row"):
            cells = [_inline(cell) for cell in row if cell.tag == "cell"]
            rows.append(" | ".join(cell for cell in cells if cell))
        return ["\n".join(row for row in rows if row)]
    if tag == "code":
        return [_inline(element, keep_space=True)]
    if tag in _CONTAINERS and any(child.tag in _BLOCK_TAGS for child in element):
        blocks: list[str] = []
        if element.text and element.text.strip():
            blocks.append(_SPACES.sub(" ", element.text).strip())
        for child in element:
            blocks.extend(_blocks(child))
            if child.tail and child.tail.strip():
                blocks.append(_SPACES.sub(" ", child.tail).strip())
        return blocks
    if tag == "graphic":
        return []
    return [_inline(element)]


_BLOCK_TAGS = frozenset({"p", "head", "list", "table", "code", "quote", "div", "section"})


class HtmlArticle(NamedTuple):
    text: str
    title: str
    #: Who wrote it and when, as the page says (trafilatura's metadata); "" when it does not.
    byline: str = ""
    date: str = ""


def html_to_text(html: str) -> HtmlArticle:
    """The article's text ("" when no article was found), title, byline and date."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, include_images=False
    )
    if result is None:
        return HtmlArticle("", "")
    title = (getattr(result, "title", None) or "").strip()
    body = getattr(result, "body", None)
    if body is not None and len(body):
        blocks = [block for block in _blocks(body) if block.strip()]
        if len(body) == 1 and len(blocks) == 1:  # perhaps the baseline's fused article
            blocks = split_fused(blocks[0], page_paragraphs(html))
        text = "\n\n".join(blocks)
    else:
        plain = getattr(result, "text", None) or ""
        text = "\n\n".join(line.strip() for line in plain.splitlines() if line.strip())
    byline = _SPACES.sub(" ", getattr(result, "author", None) or "").strip()
    date = (getattr(result, "date", None) or "").strip()
    return HtmlArticle(text, title, byline, date)
