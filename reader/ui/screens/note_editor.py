"""The note editor: a modal with a multi-line editor for the note on one highlighted passage."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.sanitize import inert

#: How many words of the passage the title line shows.
PASSAGE_WORDS = 12


def first_words(text: str, words: int = PASSAGE_WORDS) -> str:
    """The passage's first words on one line, so a long passage never fills the dialog."""
    parts = inert(text, newlines=False).split()
    head = " ".join(parts[:words])
    return head + (" …" if len(parts) > words else "")


class NoteEditor(ModalScreen[str | None]):
    """Edit the note on a passage; dismisses with the text on save, None on cancel.

    The typed text lives in the TextArea for the whole life of the modal, so nothing is lost
    while it is open; the caller decides what to store.
    """

    HELP_TITLE = "Note editor"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: keys typed just before ctrl+s must reach the editor first.
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, passage: str, note: str = "", *, heading: str = "Note") -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Content(self.heading), id="note-heading", classes="dialog-title")
            # Article text is data: a Content object is never parsed as markup.
            yield Static(Content(first_words(self.passage)), id="note-passage")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(
                Content("ctrl+s save · escape cancel"), id="note-hint", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """What is in the editor now."""
        return self.query_one("#note-text", TextArea).text

    def action_save(self) -> None:
        """Return the note as typed (trailing blank lines dropped)."""
        self.dismiss(self.text.rstrip())

    def action_cancel(self) -> None:
        self.dismiss(None)
