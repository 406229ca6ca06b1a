"""The library table's columns: their widths for the screen, their cells, sorting and the
filter. Plain functions of article summaries (no widgets), so the screen only draws.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.fold import forms
from reader.sanitize import inert
from reader.ui.when import human_time

if TYPE_CHECKING:
    from reader.store import ArticleSummary

#: Title and source share what the other columns leave; these are their bounds (cells).
TITLE_WIDTH = (24, 80)
SOURCE_WIDTH = (12, 48)
#: Cells around the columns: the table's margins and room for its vertical scrollbar.
TABLE_CHROME = 2 + 2
#: Cells of padding on either side of every column (DataTable's cell_padding).
CELL_PADDING = 1
#: Columns given up, in this order, when the screen is too narrow for all of them: the
#: title keeps at least its minimum width (the filter still matches the hidden source).
DROP_ORDER = ("added", "source")


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    #: Sort key of a summary for this column.
    value: Callable[[ArticleSummary], Any]
    #: Newest / largest first is the natural first click for dates and counts.
    descending_first: bool
    numeric: bool = False
    #: Whether the column takes the width its cells need (dates, counts); the title and the
    #: source share what those leave.
    fixed: bool = True


def _count(n: int | None) -> int:
    return -1 if n is None else n


COLUMNS: tuple[Column, ...] = (
    Column("title", "Title", lambda a: (a.title.casefold(), a.id), False, fixed=False),
    Column("source", "Source", lambda a: (a.source.casefold(), a.id), False, fixed=False),
    Column("added", "Added", lambda a: (a.added, a.id), True),
    # Articles read, newest first, before those filed unread (`reader add`): "never" is older
    # than any reading, however recently the article was added.
    Column("last_opened", "Last read", lambda a: (a.opened, a.last_opened, a.id), True),
    Column("quotes", "Quotes", lambda a: (_count(a.quotes), a.id), True, numeric=True),
    Column("speakers", "Speakers", lambda a: (_count(a.speakers), a.id), True, numeric=True),
    Column("notes", "Notes", lambda a: (a.notes, a.id), True, numeric=True),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True, slots=True)
class Fit:
    """The columns shown at one screen width, each with its width in cells."""

    columns: tuple[Column, ...]
    widths: dict[str, int]

    def shows(self, key: str) -> bool:
        return key in self.widths


def fixed_widths(articles: Sequence[ArticleSummary]) -> dict[str, int]:
    """Cells the date and count columns need: their widest cell, or their label with room
    for the sort arrow (" ▼"), so sorting never shifts the columns."""
    widths: dict[str, int] = {}
    for column in COLUMNS:
        if column.fixed:
            cells = (len(cell_text(column.key, a)) for a in articles)
            widths[column.key] = max(len(column.label) + 2, *cells, 0)
    return widths


def fit_columns(width: int, fixed: dict[str, int]) -> Fit:
    """Columns that fit `width` cells without scrolling sideways: the least useful ones are
    dropped (DROP_ORDER) until the title keeps its minimum; long titles are then ellipsised."""
    room = max(0, width - TABLE_CHROME)
    dropped: set[str] = set()
    for drop in (None, *DROP_ORDER):
        if drop is not None:
            dropped.add(drop)
        shown = tuple(c for c in COLUMNS if c.key not in dropped)
        used = sum(fixed.get(c.key, 0) + 2 * CELL_PADDING for c in shown)
        free = max(0, room - used)
        with_source = "source" not in dropped
        if free >= TITLE_WIDTH[0] + (SOURCE_WIDTH[0] if with_source else 0):
            break
    widths = {c.key: fixed[c.key] for c in shown if c.fixed}
    if with_source:
        widths["title"] = min(max(TITLE_WIDTH[0], free * 3 // 5), TITLE_WIDTH[1])
        widths["source"] = min(max(SOURCE_WIDTH[0], free - widths["title"]), SOURCE_WIDTH[1])
    else:
        widths["title"] = min(max(8, free), TITLE_WIDTH[1])
    return Fit(shown, widths)


def cell_text(key: str, article: ArticleSummary) -> str:
    """What a date or count column shows for an article."""
    if key == "last_opened" and not article.opened:
        return "never"  # filed by `reader add`, not read yet
    if key in ("added", "last_opened"):
        return human_time(getattr(article, key))
    value = getattr(article, key)
    return "–" if value is None else str(value)


def notes_told(notes: int, highlights: int) -> str:
    """Why the Notes column (notes written) says less than `reader notes`, which lists every
    highlight of the article, with or without a note."""
    if highlights == 1:
        return "1 highlight, without a note (reader notes lists it)"
    written = str(notes) if notes else "none"
    return f"{highlights} highlights, {written} with a note (reader notes lists all {highlights})"


def shorten(text: str, width: int, *, keep_end: bool = False) -> str:
    """One line of at most `width` cells; paths keep their end, titles their start."""
    from reader.cells import fit, fit_end

    flat = inert(" ".join(text.split()), newlines=False)
    return fit_end(flat, width) if keep_end else fit(flat, width)


def matches(article: ArticleSummary, query: str) -> bool:
    """Every word of the query appears in the title or the source (case-insensitive), or
    does with the accents of either dropped or umlauts spelt out ("Mueller" and "Muller" find
    "Müller", "Müller" finds "Mueller"; "Joe" no "John": reader.fold.forms)."""
    haystack = forms(f"{article.title}\n{article.source}")
    return all(any(w in t for w in forms(word) for t in haystack) for word in query.split())


def arrange(
    articles: Sequence[ArticleSummary], query: str, sort_key: str, descending: bool
) -> list[ArticleSummary]:
    """The rows to show: filtered by the query, sorted by one column."""
    column = COLUMN_BY_KEY[sort_key]
    shown = [a for a in articles if matches(a, query)]
    shown.sort(key=column.value, reverse=descending)
    return shown
