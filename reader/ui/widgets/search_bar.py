"""The search bar under the article: type to find, `enter` to close it and go back to reading
at the match (`.` and `,` then step through the matches, still marked), `escape` to cancel:
back where the search began, as in vim and less, the marks cleared."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reader.ui.widgets.field import Field


class SearchBar(Horizontal):
    """Posts Changed as the query is typed, Submitted on enter, Next on ↓/↑, Closed on escape
    (`cancelled`: the reader goes back where the search began) or when the screen closes it.

    It only shows what the screen tells it (`set_count`): the screen owns the search."""

    HELP_TITLE = "Search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", id="search.close",
                tooltip="Back where the search began, its marks cleared (enter stays at the "
                "match)"),
        Binding("down", "next", "Next match", show=False, id="search.next"),
        Binding("up", "previous", "Previous match", show=False, id="search.previous"),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        """Enter: the query is done; back to the article."""

        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Next(Message):
        def __init__(self, forward: bool = True) -> None:
            super().__init__()
            self.forward = forward

    class Closed(Message):
        def __init__(self, cancelled: bool = False) -> None:
            super().__init__()
            self.cancelled = cancelled

    def compose(self) -> ComposeResult:
        yield Static("Search:", id="search-label")
        yield Field(
            placeholder="text to find (any case or accent; ' and ’ alike)",
            id="search-input",
            select_on_focus=False,
        )
        yield Static("", id="search-count", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def count_text(self) -> str:
        return str(self.query_one("#search-count", Static).content)

    def open(self) -> None:
        """Shown, its input focused at once (`focus()` waits for the app's turn, and the keys
        already queued in the app would go on to the text before it)."""
        self.display = True
        self.screen.set_focus(self.input)
        self.input.select_all()

    def type(self, text: str) -> None:
        """Type into the query as if keys went to the input (they were on their way elsewhere
        when it took the focus)."""
        field = self.input
        if isinstance(field, Field):  # with the keys typed after it, in one edit (field.py)
            field.gather(text)
        elif field.selection.is_empty:
            field.insert_text_at_cursor(text)
        else:
            field.replace(text, *field.selection)

    def set_count(self, text: str) -> None:
        self.query_one("#search-count", Static).update(Content(text))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def action_next(self) -> None:
        self.post_message(self.Next(True))

    def action_previous(self) -> None:
        self.post_message(self.Next(False))

    def action_close(self) -> None:
        """Close, staying where the search went (escape after enter)."""
        self.display = False
        self.post_message(self.Closed())

    def action_cancel(self) -> None:
        """Escape while typing the query: close, back where the search began."""
        self.display = False
        self.post_message(self.Closed(cancelled=True))
