"""A one-line field that takes at most LONGEST characters.

Textual's Input measures its whole value several times at every key: with a page pasted by a
slip of the clipboard (100 KB: 3 s a key; 1 MB: over 10 s) every key after it froze the
reader. No title, path, address or search the reader takes is that long, so a paste that would
make the field longer is refused whole (the field keeps what it had) and the reader says so.
A value set by code (a search carried into a field, a query from the command line) is cut at
the same length, since Input's own cap holds only for what is typed or pasted.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

#: Longer than any path (PATH_MAX), address, title or search a reader would type or paste.
LONGEST = 4096


class Field(Input):
    """Every one-line field of the reader, so that none can be made to freeze it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", LONGEST)
        super().__init__(*args, **kwargs)

    def validate_value(self, value: str) -> str:
        """Any value, however it is set, at most max_length characters."""
        if self.max_length and len(value) > self.max_length:
            return value[: self.max_length]
        return value

    def restricted(self) -> None:
        """A key or paste that would make the value too long: refused whole, and said."""
        too_long(self)


def too_long(widget: Input) -> None:
    """Say that a key or paste was refused for making a field too long (and ring)."""
    widget.app.bell()
    widget.notify(
        f"Too long for this field: it takes at most {LONGEST:,} characters.",
        severity="warning",
        markup=False,
    )
