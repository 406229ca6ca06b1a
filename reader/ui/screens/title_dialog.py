"""The one-line editor of an article's title (`T` in an article): a text file's title is its
first line, and a new user's "EDITOR NOTE:" line became the title and the export's heading."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from reader.ui.widgets.field import Field, one_line

HINT = "enter keeps it · escape cancels (what you typed comes back with T)"


class TitleTyped(NamedTuple):
    """What the dialog ends with: the text typed, and whether enter kept it (escape did not:
    the screen keeps it as a draft, so typed text is never thrown away)."""

    text: str
    kept: bool


class TitleDialog(ModalScreen[TitleTyped]):
    """Ask for the article's title, starting from `initial`."""

    HELP_TITLE = "Article title"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="title.cancel"),
    ]

    def __init__(self, initial: str, *, draft: bool = False) -> None:
        super().__init__()
        self.initial = initial
        #: `initial` is what the reader typed before (escape): they go on from its end.
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(id="title-dialog", classes="dialog"):
            yield Static(Content("Title of this article"), classes="dialog-title")
            yield Field(one_line(self.initial), placeholder="the article's title",
                        id="title-input", select_on_focus=False)
            yield Static(Content(HINT), id="title-hint", classes="dialog-hint")
        from reader.ui.widgets.footer import FittingFooter  # its own keys, not the article's

        yield FittingFooter()

    def on_mount(self) -> None:
        """The title selected whole, so typing replaces it, and shown from its start: the
        cursor at the start, not at the end of a long first line scrolled out of sight (a new
        user read that as nothing selected and cleared it with Home and ctrl+k). A draft
        brought back is not selected: the reader goes on with it."""
        field = self.query_one("#title-input", Input)
        field.focus()
        if self.draft:  # what they typed before: the cursor at its end, to go on typing
            field.cursor_position = len(field.value)
        else:
            field.selection = Selection(len(field.value), 0)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not one_line(event.value).strip():
            self.app.bell()
            self.query_one("#title-hint", Static).update(
                Content("A title needs at least one word · escape cancels"))
            return
        self.dismiss(TitleTyped(event.value, kept=True))

    def action_cancel(self) -> None:
        self.dismiss(TitleTyped(self.query_one("#title-input", Input).value, kept=False))
