"""The note editor's text area: a burst of typed characters is inserted as one edit.

A paste that reaches the app as keystrokes (a terminal without bracketed paste, tmux
`send-keys -l`, `paste-buffer` without -p) is thousands of key events. Textual's TextArea
wraps the edited line again, and moves the cursor over it, for every one of them: work per key
grows with the line, so 13,500 characters took 40-90 s at full CPU before the editor showed them.
Here the printable keys waiting in the queue are gathered and inserted at once, as a bracketed
paste is, so the work is linear in what is typed; one key typed alone is inserted as before,
on the next turn of the queue.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea

from reader.ui.widgets.key_burst import KeyBurst
from reader.ui.widgets.long_line import CellStarts, WrappedDocument, quick, render_long_line


class NoteArea(KeyBurst, TextArea):
    """A TextArea that inserts runs of printable keys as one edit (see the module)."""

    HELP_TITLE = "Note editor"
    #: A new user's ctrl+home / ctrl+end did nothing: the top and the end of the note.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+home", "note_edge(0)", "Top of the note", show=False),
        Binding("ctrl+end", "note_edge(1)", "End of the note", show=False),
        Binding("ctrl+shift+home", "note_edge(0, 1)", "Select to the top", show=False),
        Binding("ctrl+shift+end", "note_edge(1, 1)", "Select to the end", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        #: Each long line's measures (long_line), before TextArea makes its wrapped document.
        self.cells = CellStarts()
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    @property  # type: ignore[override]
    def wrapped_document(self) -> WrappedDocument:
        return self._quick_document

    @wrapped_document.setter
    def wrapped_document(self, document: WrappedDocument) -> None:
        """Every wrapped document TextArea makes is the quicker kind (long_line)."""
        self._quick_document = quick(document, self.cells)

    def _render_line(self, y: int) -> Strip:
        """A very long unwrapped line is drawn from the characters in view (long_line)."""
        drawn = render_long_line(self, y, self.cells)
        return super()._render_line(y) if drawn is None else drawn

    def _refresh_size(self) -> None:
        """As TextArea's, with a long line's width from its measured offsets (TextArea
        measured every line again at each key)."""
        if self.soft_wrap:
            super()._refresh_size()
            return
        lines = self.document.lines
        self.cells.keep_rows(len(lines))
        width = max((self.cells.width(line, row, self.indent_width)
                     for row, line in enumerate(lines)), default=0)
        self.virtual_size = Size(width + self.gutter_width + 1, len(lines))
        self._refresh_scrollbars()

    def gathers(self, message: Message) -> bool:
        """A printable key, not enter or tab (TextArea turns them into other text)."""
        return super().gathers(message) and getattr(message, "key", "") not in ("enter", "tab")

    async def _on_key(self, event: events.Key) -> None:
        if not self.gathers(event) and await self._run_own_binding(event):
            return
        if not self.gathers(event) or self.read_only:
            await super()._on_key(event)
            return
        self.gather_key(event)

    def action_note_edge(self, end: int, select: int = 0) -> None:
        """The cursor to the note's first or last character (selecting from where it was)."""
        self.move_cursor(self.document.end if end else (0, 0), select=bool(select))

    def flush_typed(self) -> None:
        """Insert the characters gathered so far, as one edit at the selection."""
        if not self._typed:
            return
        text = "".join(self._typed)
        start, end = self.selection
        if not self.read_only:  # as TextArea's own keyboard insert
            self.replace(text, start, end, maintain_selection_offset=False)
        self._typed.clear()  # only once inserted: a failed insert (a crash) keeps the keys
        # the edit scrolled to the cursor before the wrapped lines it added were laid out:
        # a long paste's end stayed below the view until the next key
        self.call_after_refresh(self.scroll_cursor_visible)

    @property
    def text_as_typed(self) -> str:
        """The text and the keys gathered after it, without editing the widget: what a crash
        keeps (the insert itself may be what fails)."""
        return self.text + "".join(self._typed)

    @property
    def typed_text(self) -> str:
        """The text with any gathered keys inserted: what the person has typed, all of it."""
        self.flush_typed()
        return self.text
