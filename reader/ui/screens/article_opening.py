"""The keys that open a field in an article: `/` (the search), taken in the app's turn
(ReaderApp.on_event asks `open_field_on`) before it hands on the keys queued behind it, and
`n` (the note editor), whose keys after it are held for the editor.

`/` taken in the screen's turn, as a binding, came too late: the app had already handed the
keys typed after it to the text, where they ran as the reader's commands (`/zzq xyz gin`: the
`n` opened the note editor and the rest went into a note, or onto a stored note's text), or
reached the field after the keys the field had by then, out of order. Now the search input has
the focus before the next key is handed on.

A mixin of ArticleScreen, kept apart so each file has one job.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen
from textual.widgets import Input

from reader.ui.screens.article_hold import KeysAfterNote, TakesKeys

if TYPE_CHECKING:
    from reader.ui.widgets.search_bar import SearchBar


#: Turns of the event loop the app waits at most for the keys handed on before `/` to arrive.
SETTLE_TURNS = 50


class FieldOpening(Screen[None]):
    """`open_field_on` for the app; the editor `n` opens, with the keys typed after it."""

    #: The note editor `n` opened (or the keys waiting for it), which takes the keys still
    #: on their way to the article.
    _typing_to: TakesKeys | None
    _typing_query: bool
    #: Keys held while the article is saved (HeldForSave), None when none are.
    _held: list[events.Key] | None

    if TYPE_CHECKING:
        search_bar: SearchBar

        def said_outdated(self, key: str) -> bool: ...
        def set_info(self, text: str) -> None: ...
        def action_search(self) -> None: ...
        def action_note(self) -> None: ...
        def finish_query(self, query: str) -> None: ...
        def cancel_search(self) -> None: ...

    def typing_to(self) -> TakesKeys | None:
        """The editor the keys on their way here are for, if it is still open."""
        editor = self._typing_to
        if isinstance(editor, KeysAfterNote) or (
            editor is not None and editor in self.app.screen_stack
        ):
            return editor
        self._typing_to = None
        return None

    async def open_field_on(self, key: str) -> bool:
        """Asked by the app before it hands `key` on: True when `key` opened the search here
        (and is not to be handed on). The keys handed on before it act first: the app waits
        (a few turns of the loop at most, handing nothing on) until they have come here. `n`
        waits its turn as a binding, the keys after it held for its editor (begin_note).
        Enter and escape in the search field close it here too, so the keys after them are
        the reader's."""
        if self._closes_search(key):
            return await self._close_search_in_turn(key)
        if not self._opens_search(key):
            return False
        if not await self._settled():
            return False  # still busy: `/` goes its way as a binding (ArticleScreen.on_key)
        if not self._opens_search(key):
            return False  # a key before it opened the note editor, the search…
        self.set_info("")  # as any key does (ArticleScreen.on_key)
        self._typing_query = True
        self.action_search()  # its input focused at once (SearchBar.open)
        return True

    def _closes_search(self, key: str) -> bool:
        bar = self.search_bar
        return (key in ("enter", "escape") and self.app.screen is self and bar.display
                and self.focused is bar.input)

    async def _close_search_in_turn(self, key: str) -> bool:
        """Enter (or escape) in the search field, in the app's turn: once the query typed
        before it has reached the field and the view has jumped to its match, the bar closes
        (escape: back where the search began) and the article has the focus before the next
        key is handed on. Handed to the field (as Input's enter, SearchBar.Submitted, or the
        bar's escape binding), the keys after it reached the hidden field (`n` typed no note)
        and the focus came back after them (`G` undone by the jump)."""
        if not await self._settled():
            return False  # still busy: the key goes to the field (SearchBar's own handling)
        if not self._closes_search(key):
            return False
        if key == "escape":
            self.cancel_search()
        else:
            self.finish_query(self.search_bar.input.value)
        return True

    def _opens_search(self, key: str) -> bool:
        if self.app.screen is not self or _a_field(self.focused):
            return False  # typed in a field
        if self.typing_to() is not None or self._typing_query or self._held is not None:
            return False  # typed after `n` (the note's), the search being typed, or keys
            # held for the article's save (HeldForSave): `/` is held after them, in order
        active = self.active_bindings.get(key)
        return active is not None and active.binding.action == "search"

    async def _settled(self) -> bool:
        """Whether the keys handed on before this one have come here, waiting a few turns of
        the loop at most (the app hands nothing on meanwhile)."""
        for _ in range(SETTLE_TURNS):
            if self._keys_arrived():
                return True
            await asyncio.sleep(0)
        return False

    def _keys_arrived(self) -> bool:
        """Nothing waits in the queues between the focused widget and this screen (where a
        key handed on before this one would be)."""
        node = self.focused
        while node is not None and node is not self:
            if node.message_queue_size:
                return False
            node = node.parent  # type: ignore[assignment]
        return not self.message_queue_size

    def begin_note(self) -> None:
        """The keys typed after `n` go to its editor, not to the article's keys. The editor
        opens in the app's turn: the keys typed before `n` in one burst act there (bindings
        run as a key comes back to the app) and come first."""
        waiting = self._typing_to = KeysAfterNote()
        self.app.call_later(self._open_note_editor_after, waiting)

    def _open_note_editor_after(self, waiting: KeysAfterNote) -> None:
        """`n`'s editor, once the keys typed before it acted; the keys typed after it go to
        the editor (or, when none opened, back to the article, in order)."""
        if self._typing_to is not waiting:
            return
        self.action_note()
        opened = self.app.screen
        self._typing_to = opened if isinstance(opened, TakesKeys) and opened is not self else None
        for key in waiting.keys:
            if self._typing_to is not None:
                self._typing_to.take_key(key)
            else:
                self.app.post_message(events.Key(key.key, key.character))


def _a_field(widget: object) -> bool:
    """Whether keys typed now go into a field. TextArea is looked up, not imported: the first
    frame must not load it (tests/ui/test_first_frame_imports.py), and before the note editor
    has loaded it no TextArea can have the focus."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)
