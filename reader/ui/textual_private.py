"""Textual's private names the reader relies on, in one place.

Textual 8.2 (the pinned range) has no public way to do these: drop one toast (only
`clear_notifications`, which drops them all), tell that the app is closing, read a widget's
own merged bindings, mark a re-delivered key as forwarded, restart a TextArea's cursor blink,
name the footer's key widget (not exported by `textual.widgets`), or draw a very long line
of the note editor quickly (its wrapped document and row drawing are private). Each use goes through
here, and tests/ui/test_textual_private.py fails if a Textual upgrade renames or removes one,
so the suite finds it, not a user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import Notification
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:  # imported when first asked for (__getattr__): the first frame needs none
    from textual.document._wrapped_document import WrappedDocument
    from textual.widgets import TextArea
    from textual.widgets._footer import FooterKey
    from textual.widgets.text_area import TextAreaTheme

__all__ = ["WRAP_STATE", "FooterKey", "WrappedDocument", "closing", "draws_cursor", "drop_toast",
           "has_cursor", "key_bindings", "mark_forwarded", "overridden", "restart_blink",
           "shown_toasts", "take_toasts", "theme_of"]


def overridden() -> dict[type, tuple[str, ...]]:
    """Private methods the reader overrides (a rename upstream would leave the override
    dead): the class that defines each, and the names."""
    from textual.widgets import TextArea

    return {
        App: ("_ready", "_handle_exception", "_on_notify"),
        MessagePump: ("_dispatch_message",),
        TextArea: ("_on_key", "_render_line", "_refresh_size"),
        Input: ("_on_key", "_restart_blink"),  # the one-line fields' gathered keys (field.py)
        Widget: ("_refresh_scrollbars",),  # called, not overridden, by the note editor
    }


def __getattr__(name: str) -> Any:
    """The names that load Textual's text area or footer, loaded when first asked for: the
    first frame of `reader FILE` imports neither (tests/ui/test_first_frame_imports.py)."""
    if name == "WrappedDocument":
        from textual.document._wrapped_document import WrappedDocument

        return WrappedDocument
    if name == "FooterKey":
        from textual.widgets._footer import FooterKey

        return FooterKey
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

#: The wrapped document's private state the note editor's quick drawing of a long line reads
#: (reader/ui/widgets/long_line.py): its wrap offsets per line and its rows per line.
WRAP_STATE = ("_wrap_offsets", "_line_index_to_offsets")


def shown_toasts(app: App) -> list[Notification]:
    """The toasts on show, oldest first."""
    return list(app._notifications)


def drop_toast(app: App, toast: Notification) -> None:
    """Take one toast away without refreshing the rack (the caller's next toast does). A
    screen under a dialog keeps a rack of its own, shown through the dialog and never
    refreshed by Textual (the current screen's only): its copy of the toast goes here, or the
    toast's repeat stacked on the dialog above it."""
    from textual.widgets._toast import Toast

    app._unnotify(toast, refresh=False)
    for screen in app.screen_stack[:-1]:
        for shown in screen.query(Toast):
            if shown._notification is toast:
                shown.remove()


def take_toasts(app: App, message: str) -> None:
    """Take away the toasts saying `message` now, the rack redrawn (what they spoke of is
    gone from the screen)."""
    for toast in shown_toasts(app):
        if toast.message == message:
            drop_toast(app, toast)
    app._refresh_notifications()


def closing(app: App) -> bool:
    """Whether the app has begun to close (or has closed)."""
    return bool(app._closing or app._closed)


def key_bindings(widget: Widget, key: str) -> Sequence[Binding]:
    """The widget's own bindings of `key` (its class's and its bases', not its parents')."""
    return widget._bindings.key_to_bindings.get(key, ())


def mark_forwarded(message: Message) -> None:
    """Mark a message re-delivered by the reader as the app's own forwarding, so the app
    does not deliver it a second time."""
    message._set_forwarded()


def restart_blink(area: TextArea | Input) -> None:
    """Show the text cursor now and restart its blink, as TextArea and Input do for a key."""
    area._restart_blink()


def theme_of(area: TextArea) -> TextAreaTheme | None:
    """The theme a TextArea draws with now (its CSS-derived one unless another is set)."""
    return area._theme


def has_cursor(area: TextArea) -> bool:
    """Whether the TextArea shows a cursor (focused and not read-only)."""
    return bool(area._has_cursor)


def draws_cursor(area: TextArea) -> bool:
    """Whether the cursor is drawn at this point of its blink."""
    return bool(area._draw_cursor)
