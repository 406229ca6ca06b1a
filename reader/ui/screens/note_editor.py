"""The note editor: a modal with a multi-line editor for the note on one highlighted passage."""

from __future__ import annotations

from collections.abc import Callable
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


#: Saves the typed note; returns None when it is stored, else one sentence saying why not.
NoteSave = Callable[[str], "str | None"]


class NoteEditor(ModalScreen[str | None]):
    """Edit the note on a passage; dismisses with the text on save, None on cancel.

    The typed text lives in the TextArea for the whole life of the modal, so nothing is lost
    while it is open. With `saver`, ctrl+s stores the note before closing, and a save that fails
    (a locked database, a full disk) leaves the editor open with the text and the reason shown.
    """

    HELP_TITLE = "Note editor"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: keys typed just before ctrl+s must reach the editor first.
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Close (draft kept)", id="note.cancel"),
    ]

    def __init__(
        self,
        passage: str,
        note: str = "",
        *,
        heading: str = "Note",
        saver: NoteSave | None = None,
    ) -> None:
        super().__init__()
        self.passage = passage
        self.note = note
        self.heading = heading
        self.saver = saver
        #: Set when a save failed: the text is not stored anywhere yet.
        self.unsaved = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Content(self.heading), id="note-heading", classes="dialog-title")
            # Article text is data: a Content object is never parsed as markup.
            yield Static(Content(first_words(self.passage)), id="note-passage")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="note-error", markup=False)
            yield Static(
                Content("ctrl+s save · escape keeps a draft"), id="note-hint", classes="dialog-hint"
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
        """Store (when given `saver`) and return the note as typed (trailing blank lines
        dropped); when storing fails, stay open with the text."""
        if self._store(self.text.rstrip()):
            self.dismiss(self.text.rstrip())

    def store_typed(self) -> bool:
        """On quit: store what was typed, if anything; False (and the reason shown) when that
        failed, so the app stays open rather than lose it."""
        text = self.text.rstrip()
        return text == self.note.rstrip() or self.saver is None or self._store(text)

    def _store(self, text: str) -> bool:
        if self.saver is not None:
            error = self.saver(text)
            if error is not None:
                self.unsaved = True
                shown = self.query_one("#note-error", Static)
                shown.update(Content(f"Not saved: {error} ctrl+s tries again."))
                shown.display = True
                return False
        self.unsaved = False
        return True

    def action_cancel(self) -> None:
        self.dismiss(None)
