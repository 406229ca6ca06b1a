"""The outline: the text's headings and chapters, to jump to one (`o` in an article)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.sanitize import one_line
from reader.ui.headings import Heading


class OutlineScreen(ModalScreen[Heading | None]):
    """Dismisses with the heading chosen (enter or a click), None on escape."""

    HELP_TITLE = "Outline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "close", "Close", id="outline.close"),
    ]

    def __init__(self, headings: list[Heading], current: int | None) -> None:
        super().__init__()
        self.headings = headings
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="outline-body"):
            yield Static(Content("Outline"), id="outline-title")
            # Headings are article text: Content, never markup.
            yield OptionList(
                *[
                    Option(Content("  " * (h.level - 1) + one_line(h.title)), id=str(i))
                    for i, h in enumerate(self.headings)
                ],
                id="outline-list",
            )
            yield Static(Content("enter jumps · escape closes"), id="outline-hint")
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        if self.current is not None:
            options.highlighted = self.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.headings[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)
