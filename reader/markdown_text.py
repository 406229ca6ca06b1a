"""Markdown to readable plain text, so the reader shows and analyses prose, not markup syntax.

Paragraphs, headings, list items and code blocks become blocks separated by a blank line; a
paragraph's soft line breaks become spaces (quote detection works per paragraph); emphasis and
links keep only their text; images keep their alt text; raw HTML is dropped.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token: Token) -> str:
    """The visible text of an inline token: text, code and alt text, breaks as space/newline."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline_text(child) or child.content)
        # html_inline and the *_open/*_close markers of emphasis and links add nothing.
    return "".join(parts)


def _front_matter(source: str) -> tuple[str, str]:
    """Split off a YAML front-matter block; return (rest, its title or "")."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source, ""
    title = _FRONT_TITLE.search(match.group(1))
    value = title.group(1).strip().strip("\"'") if title else ""
    return source[match.end() :], value


def markdown_to_text(source: str) -> tuple[str, str]:
    """Render Markdown as plain text; return (text, title).

    The title is the front matter's `title:` or else the first heading's text ("" if none).
    """
    body, title = _front_matter(source)
    tokens = _parser().parse(body)
    blocks: list[str] = []
    counters: list[int | None] = []  # per open list: the next number, or None for bullets
    list_lines: list[str] = []  # the lines of the outermost open list
    marker = ""  # the bullet or number waiting for the item's first line
    row: list[str] | None = None
    table_lines: list[str] = []

    def add(text: str) -> None:
        nonlocal marker
        if not text.strip():
            return
        if counters:
            indent = "  " * (len(counters) - 1)
            first, *rest = text.split("\n")
            list_lines.append(f"{indent}{marker or '  '}{first}")
            list_lines.extend(f"{indent}  {line}" for line in rest)
            marker = ""
        else:
            blocks.append(text)

    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "bullet_list_open":
            counters.append(None)
        elif kind == "ordered_list_open":
            start = tok.attrGet("start")
            counters.append(int(start) if start is not None else 1)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            counters.pop()
            if not counters and list_lines:
                blocks.append("\n".join(list_lines))
                list_lines = []
        elif kind == "list_item_open":
            number = counters[-1]
            if number is None:
                marker = "• "
            else:
                marker = f"{number}. "
                counters[-1] = number + 1
        elif kind == "heading_open":
            text = _inline_text(tokens[i + 1]).strip()
            add(text)
            if text and not title:
                title = text
        elif kind == "paragraph_open" and row is None:
            add(_inline_text(tokens[i + 1]).strip())
        elif kind in ("fence", "code_block"):
            add(tok.content.rstrip("\n"))
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open") and row is not None:
            row.append(_inline_text(tokens[i + 1]).strip())
        elif kind == "tr_close" and row is not None:
            table_lines.append(" | ".join(row))
            row = None
        elif kind == "table_close":
            add("\n".join(table_lines))
            table_lines = []
    return "\n\n".join(blocks), title
