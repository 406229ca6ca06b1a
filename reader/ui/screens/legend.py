"""The legend: what each colour in the article means."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.style import Style
from textual.widgets import Static

from reader.ui.palette import HIGHLIGHT_NAMES
from reader.ui.sanitize import one_line
from reader.ui.widgets.entities_panel import LABEL_NAMES


def legend_content(
    speakers: list[tuple[str, Color, Color]],
    unattributed: Color | None,
    entities: list[tuple[str, Color]],
    highlights: list[tuple[int, Color]],
) -> Content:
    """Speaker names are article data: they go in as plain text."""
    lines: list[Content] = [Content.styled("Quotes: one colour per speaker", Style(bold=True))]
    if not speakers:
        lines.append(Content("  (no speakers yet)"))
    for name, color, tint in speakers:
        lines.append(
            Content.assemble(
                "  ",
                (" “…” ", Style(background=tint)),
                " ",
                (one_line(name), Style(foreground=color)),
            )
        )
    if unattributed is not None:
        lines.append(
            Content.assemble("  ", (" “…” ", Style(background=unattributed)), " Unattributed")
        )
    lines += [Content(""), Content.styled("Entities: by type", Style(bold=True))]
    for label, color in entities:
        lines.append(
            Content.assemble(
                "  ",
                (label.ljust(12), Style(foreground=color, bold=True, underline=True)),
                LABEL_NAMES.get(label, label),
            )
        )
    lines += [Content(""), Content.styled("Your highlights: keys 1-5", Style(bold=True))]
    for number, color in highlights:
        name = HIGHLIGHT_NAMES[(number - 1) % len(HIGHLIGHT_NAMES)]
        lines.append(Content.assemble("  ", (f" {number} ", Style(background=color)), f" {name}"))
    return Content("\n").join(lines)


class LegendScreen(ModalScreen[None]):
    HELP_TITLE = "Legend"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l,q", "dismiss", "Close legend", id="legend.close")
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self._content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="legend-body"):
            yield Static("Legend", id="legend-title")
            yield Static(self._content, id="legend-keys")
