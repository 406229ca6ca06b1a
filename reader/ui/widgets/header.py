"""The article's header line: its title and where it came from, shown as plain text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from reader.sanitize import one_line


class ArticleHeader(Horizontal):
    """Title left, source right; both are article data, so never markup."""

    def __init__(self, title: str, source: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = one_line(title) or "Untitled"
        self._source = one_line(source)

    def compose(self) -> ComposeResult:
        yield Static(Content(self._title), id="header-title", markup=False)
        yield Static(Content(self._source), id="header-source", markup=False)
