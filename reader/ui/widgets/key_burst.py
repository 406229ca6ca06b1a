"""Keys typed in a burst, taken in order and inserted as one edit: shared by the one-line
fields (field.py) and the note editor (note_area.py).

A burst (tmux send-keys, a paste that reaches the app as keystrokes) is thousands of key
events. Textual's editors insert a printable key at once but run an editing binding
(backspace, delete, the arrows) only when the key has bubbled back to the app, after the
letters queued behind it: seven backspaces and `said` in one burst left `Clin`. Here a
widget's own bindings run in their turn, and the printable keys waiting in the queue are
gathered and inserted as one edit, so the work is linear in what is typed and order is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

from reader.ui.textual_private import key_bindings, restart_blink

if TYPE_CHECKING:
    from textual.widget import Widget as _Editor
else:
    _Editor = object  # a plain mixin: a Widget base of its own upsets Textual's merged CSS


class KeyBurst(_Editor):
    """Put before the editor class in the bases; the subclass says which keys it gathers
    (`gathers`) and how the gathered text is inserted (`flush_typed`)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        #: Printable characters received and not inserted yet, in the order typed.
        self._typed: list[str] = []

    def gathers(self, message: Message) -> bool:
        """A printable key: gathered rather than handled at once."""
        return isinstance(message, events.Key) and message.is_printable and bool(
            message.character)

    def flush_typed(self) -> None:
        """Insert what was gathered (the subclass's edit)."""
        raise NotImplementedError

    async def _dispatch_message(self, message: Message) -> None:
        """Anything but another printable key (backspace, enter, a click, a binding, the
        flush itself) first inserts what was typed before it, so order is never changed."""
        if self._typed and not self.gathers(message):
            self.flush_typed()
        await super()._dispatch_message(message)

    def gather_key(self, event: events.Key) -> None:
        """Take a printable key: inserted with the keys queued behind it in one edit."""
        restart_blink(self)  # type: ignore[arg-type]  # an Input or a TextArea
        event.stop()
        event.prevent_default()
        self.gather(event.character or "")

    def gather(self, text: str) -> None:
        """Take typed text, inserted with the keys queued behind it in one edit."""
        if not self._typed:
            self.call_later(self.flush_typed)  # after the keys already queued behind this one
        self._typed.append(text)

    async def _run_own_binding(self, event: events.Key) -> bool:
        """Run this widget's own binding of an editing key (backspace, delete, arrows, home,
        end) now, in its turn: bubbled to the app, it ran after the printable keys queued
        behind it. The app's priority bindings were checked before the key came."""
        for binding in key_bindings(self, event.key):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return True
        return False
