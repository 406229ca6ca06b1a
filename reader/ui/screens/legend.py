"""The legend: what each colour in the article means, compact enough for 80×24."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Static

from reader.sanitize import one_line
from reader.ui.palette import HIGHLIGHT_NAMES
from reader.ui.widgets.entities_panel import LABEL_NAMES

#: Cells between the columns of a section.
GUTTER = 2
#: Speaker names longer than this are cut with an ellipsis.
NAME_CELLS = 28


@dataclass(frozen=True, slots=True)
class Legend:
    """The colours to explain: speakers (name, colour, quote tint), the tint of unattributed
    quotes, entity types (label, colour) and the highlight colours (number, colour)."""

    speakers: list[tuple[str, Color, Color]] = field(default_factory=list)
    unattributed: Color | None = None
    #: How a quote whose speaker is only guessed looks (background, text), if any is.
    guessed: tuple[Color, Color] | None = None
    entities: list[tuple[str, Color]] = field(default_factory=list)
    highlights: list[tuple[int, Color]] = field(default_factory=list)


def _name(name: str, cells: int = NAME_CELLS) -> str:
    flat = one_line(name)
    return flat if len(flat) <= cells else flat[: cells - 1] + "…"


def _columns(entries: list[Content], width: int) -> int:
    """How many columns of these entries fit `width` cells (_grid's count)."""
    column = max((e.cell_length for e in entries), default=0) + GUTTER
    return max(1, (width + GUTTER) // column)


SWATCH = " “…” "


def _grid(entries: list[Content], width: int) -> list[Content]:
    """Entries in as many columns as fit `width` cells, filled row by row."""
    if not entries:
        return []
    column = max(e.cell_length for e in entries) + GUTTER
    per_row = max(1, (width + GUTTER) // column)
    rows = []
    for start in range(0, len(entries), per_row):
        row = entries[start : start + per_row]
        padded = [
            Content.assemble(e, " " * (column - e.cell_length)) for e in row[:-1]
        ]
        rows.append(Content.assemble("  ", *padded, row[-1]))
    return rows


def legend_content(legend: Legend, width: int = 80) -> Content:
    """The legend laid out for `width` cells. Speaker names are article data: plain text."""
    heading = Style(bold=True)
    room = width - 2

    def speakers(cells: int) -> list[Content]:
        return [
            Content.assemble(
                (SWATCH, Style(background=tint)), " ", (_name(name, cells), Style(foreground=c))
            )
            for name, c, tint in legend.speakers
        ]

    quotes = speakers(NAME_CELLS)
    # A name is cut only where its column ends: with one or two columns there is room for
    # more than NAME_CELLS (a new user saw "A spokesperson for the Spri…" beside 40 empty
    # columns).
    if quotes:
        per_row = _columns(quotes, room)
        column = (room + GUTTER) // per_row - GUTTER
        quotes = speakers(max(NAME_CELLS, column - len(SWATCH) - 1))
    if legend.unattributed is not None:
        quotes.append(
            Content.assemble((" “…” ", Style(background=legend.unattributed)), " Unattributed")
        )
    if legend.guessed is not None:
        back, fore = legend.guessed
        quotes.append(Content.assemble(
            (" “…” ", Style(background=back, foreground=fore)), " probably (a guess)"
        ))
    entities = [
        Content.assemble(
            (label.ljust(12), Style(foreground=color, bold=True, underline=True)),
            LABEL_NAMES.get(label, label),
        )
        for label, color in legend.entities
    ]
    highlights = [
        Content.assemble(
            (f" {n} ", Style(background=color)), f" {HIGHLIGHT_NAMES[(n - 1) % 5]}"
        )
        for n, color in legend.highlights
    ]
    lines: list[Content] = [Content.styled("Quotes: one colour per speaker", heading)]
    if not legend.speakers:
        lines.append(Content("  (no speakers yet)"))
    lines += _grid(quotes, room)
    lines += [Content(""), Content.styled("Entities: by type", heading), *_grid(entities, room)]
    lines += [Content(""), Content.styled("Your highlights: keys 1-5", heading)]
    lines += _grid(highlights, room)
    return Content("\n").join(lines)


class LegendKeys(Static):
    """The legend's text, laid out again for its width whenever that changes."""

    def __init__(self, legend: Legend, *, id: str | None = None) -> None:
        super().__init__(legend_content(legend), id=id)
        self.legend = legend
        self._width = 0

    def on_resize(self) -> None:
        width = self.content_region.width
        if width and width != self._width:
            self._width = width
            self.update(legend_content(self.legend, width))
            if self.parent is not None:  # its box fits the new height
                self.parent.refresh(layout=True)


class LegendScreen(ModalScreen[None]):
    """The legend in a scrollable box (↑ ↓ scroll it when a window is too small for it)."""

    HELP_TITLE = "Legend"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l,q", "dismiss", "Close legend", id="legend.close")
    ]

    def __init__(self, legend: Legend) -> None:
        super().__init__()
        self.legend = legend

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="legend-body") as body:
            body.border_title = "Legend"
            body.border_subtitle = "escape closes"
            yield LegendKeys(self.legend, id="legend-keys")
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)

    def on_mount(self) -> None:
        self.query_one("#legend-body").focus()  # so ↑ ↓ pgup pgdn scroll it
