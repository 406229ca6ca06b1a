"""A one-line field that takes at most LONGEST characters, and keys typed in a burst in order.

Textual's Input measures its whole value several times at every key: with a page pasted by a
slip of the clipboard (100 KB: 3 s a key; 1 MB: over 10 s) every key after it froze the
reader. No title, path, address or search the reader takes is that long, so a paste that would
make the field longer is refused whole (the field keeps what it had) and the reader says so.
A value set by code (a search carried into a field, a query from the command line) is cut at
the same length, since Input's own cap holds only for what is typed or pasted.

Keys sent in one burst (tmux send-keys, a paste that reaches the app as keystrokes): Input
inserts a printable key at once but runs backspace (a binding) only when the key has bubbled
back to the app, after the letters queued behind it, so seven backspaces and `said` in one
burst left `Clin`. Here the field's own bindings run in their turn, and the printable keys
waiting in the queue are inserted as one edit (key_burst.py, shared with the note editor): one
search per run, not per key (5,000 keys froze the article's search bar for 17 s).

A paste of several lines (a sentence copied across a line break) is one line here, its lines
joined with spaces: Input kept only the first line, so a two-line paste searched for half of it.
"""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.widgets import Input

from reader.ui.widgets.key_burst import KeyBurst

#: Longer than any path (PATH_MAX), address, title or search a reader would type or paste.
LONGEST = 4096


class Field(KeyBurst, Input):
    """Every one-line field of the reader, so that none can be made to freeze it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", LONGEST)
        super().__init__(*args, **kwargs)

    def validate_value(self, value: str) -> str:
        """Any value, however it is set, at most max_length characters."""
        if self.max_length and len(value) > self.max_length:
            return value[: self.max_length]
        return value

    def _on_paste(self, event: events.Paste) -> None:
        """Every line pasted, joined with spaces (Input kept the first line only). Textual
        runs Input's own handler after this one (each class's in turn): it inserts the line."""
        event.text = one_line(event.text)

    def restricted(self) -> None:
        """A key or paste that would make the value too long: refused whole, and said."""
        too_long(self)

    async def _on_key(self, event: events.Key) -> None:
        if not self.gathers(event):
            if not await self._run_own_binding(event):
                await super()._on_key(event)
            return
        self.gather_key(event)

    def flush_typed(self) -> None:
        """Insert the characters gathered so far at the selection, as one edit: as many as
        the field has room for (the rest refused and said, as for a key typed one at a time)."""
        if not self._typed:
            return
        text = "".join(self._typed)
        self._typed.clear()
        start, end = sorted(self.selection)
        room = (self.max_length or len(text)) - (len(self.value) - (end - start))
        if room < len(text):
            text = text[: max(0, room)]
            self.restricted()
        if text:
            self.replace(text, start, end)


#: A line break (as str.splitlines sees one) with the blanks around it, and any blank lines.
_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(text: str) -> str:
    """Pasted text for a one-line field: its lines joined with a space, blank ones left out.
    A paste of one line is left as it is: " Harris" after "Biden" keeps its space, and the
    spaces inside a line are the reader's (every line of every paste was stripped)."""
    return " ".join(piece for piece in _BREAK.split(text) if piece)


def too_long(widget: Input) -> None:
    """Say that a key or paste was refused for making a field too long (and ring)."""
    widget.app.bell()
    widget.notify(
        f"Too long for this field: it takes at most {LONGEST:,} characters.",
        severity="warning",
        markup=False,
    )
