"""The article's header line: its title and where it came from, shown as plain text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from reader.sanitize import one_line


def byline_line(byline: str, date: str) -> str:
    """Who wrote it and when, as a web page's metadata said: "By Ana Ruiz · 2024-05-02"."""
    parts = [f"By {one_line(byline)}" if byline.strip() else "", one_line(date)]
    return " · ".join(part for part in parts if part)


class ArticleHeader(Horizontal):
    """Title left; then the byline and date when the source gave them; the source right. All
    of it is article data, so never markup."""

    def __init__(
        self, title: str, source: str, *, byline: str = "", date: str = "", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._title = one_line(title) or "Untitled"
        self._source = one_line(source)
        self._meta = byline_line(byline, date)

    def set_title(self, title: str) -> None:
        """The title the reader gave the article (`T`)."""
        self._title = one_line(title) or "Untitled"
        self.query_one("#header-title", Static).update(Content(self._title))

    def compose(self) -> ComposeResult:
        yield Static(Content(self._title), id="header-title", markup=False)
        meta = Static(Content(self._meta), id="header-meta", markup=False)
        meta.display = bool(self._meta)
        yield meta
        yield Static(Content(self._source), id="header-source", markup=False)
