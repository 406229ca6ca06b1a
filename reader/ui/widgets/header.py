"""The article's header line: its title and where it came from, shown as plain text."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from reader.sanitize import one_line

#: The gap before the byline and before the source.
GAP = 2
#: The fewest columns of a source or byline worth showing; with less room it is left out.
FEWEST = 12


def byline_line(byline: str, date: str) -> str:
    """Who wrote it and when, as a web page's metadata said: "By Ana Ruiz · 2024-05-02"."""
    parts = [f"By {one_line(byline)}" if byline.strip() else "", one_line(date)]
    return " · ".join(part for part in parts if part)


def from_left(text: str, cells: int) -> str:
    """`text` in `cells` columns, cut from the left with an ellipsis: a path keeps its file
    name ("…/europe/strike.txt"), the part that tells one article from another."""
    if cell_len(text) <= cells:
        return text
    kept, used = [], 1
    for ch in reversed(text):
        used += cell_len(ch)
        if used > cells:
            break
        kept.append(ch)
    return "…" + "".join(reversed(kept))


def header_fit(width: int, title: str, meta: str, source: str) -> tuple[str, str]:
    """The byline and the source as they fit beside the whole title in `width` columns ("" for
    one left out): the title is what the reader wants, so it has the room first, then the
    byline and date, then the source (its start cut off, or it left out). At 80 columns the
    source had half the line and a long title was cut as hard as the path."""
    room = width - cell_len(title)
    shown: list[str] = []
    for part, cut in ((meta, _from_right), (source, from_left)):
        need = cell_len(part)
        if not part or room - GAP < min(need, FEWEST):
            shown.append("")
            continue
        fitted = cut(part, room - GAP)
        shown.append(fitted)
        room -= GAP + cell_len(fitted)
    return shown[0], shown[1]


def _from_right(text: str, cells: int) -> str:
    """`text` in `cells` columns, cut at its end with an ellipsis (a byline's date is last)."""
    if cell_len(text) <= cells:
        return text
    kept, used = [], 1
    for ch in text:
        used += cell_len(ch)
        if used > cells:
            break
        kept.append(ch)
    return "".join(kept) + "…"


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
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """The byline and the source cut or left out so the title is shown whole first."""
        if not self.is_mounted or not self.content_region.width:
            return
        meta, source = header_fit(self.content_region.width, self._title, self._meta,
                                  self._source)
        for name, text in (("#header-meta", meta), ("#header-source", source)):
            widget = self.query_one(name, Static)
            widget.display = bool(text)
            widget.update(Content(text))

    def compose(self) -> ComposeResult:
        yield Static(Content(self._title), id="header-title", markup=False)
        meta = Static(Content(self._meta), id="header-meta", markup=False)
        meta.display = bool(self._meta)
        yield meta
        yield Static(Content(self._source), id="header-source", markup=False)
