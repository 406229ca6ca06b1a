"""A yes/no question as a modal that returns a bool."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.sanitize import inert

#: Said where notes are deleted: they stay in the library's deleted notes (store.deleted_notes).
KEPT_NOTES = "reader notes --deleted keeps them"


class ConfirmDialog(ModalScreen[bool]):
    """Ask before something that cannot be undone; `No` has the focus so enter is safe."""

    HELP_TITLE = "Confirmation"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.cancel"),
        Binding("left,right,tab,shift+tab", "switch", "Switch button", show=False),
    ]

    def __init__(
        self, message: str, *, title: str = "Are you sure?", yes: str = "Yes", no: str = "No"
    ) -> None:
        super().__init__()
        self.message = message
        self.title_text = title
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            # The message may name an article: plain text, never markup.
            yield Static(Content(inert(self.message)), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="error")
                yield Button(f"{self.no_label} (n)", id="no", variant="primary")
        from reader.ui.widgets.footer import FittingFooter  # not before the first frame

        yield FittingFooter()  # its own keys, not the screen's below (q quit, h…)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_switch(self) -> None:
        yes = self.query_one("#yes", Button)
        no = self.query_one("#no", Button)
        (no if yes.has_focus else yes).focus()
