"""The library screen's typing: type to filter the articles, or the people in the People tab.

A mixin of LibraryScreen, kept apart so each file has one job. Keys typed in one burst are still
on their way from the table that had the focus when the first of them moved it: they are sent
here to the filter they were typed for, never dropped nor read as the table's keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events

from reader.ui.widgets.field import one_line

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.widgets import DataTable, Input

    from reader.ui.screens.library_people import PeopleView

ARTICLES, PEOPLE = "articles", "people"
#: Actions that act in turn with the keys typed after them: the dialogs (the keys typed after
#: one belong to the dialog, or to nobody) and the other tab (they belong to its filter).
IN_TURN = ("open_source", "delete_selected", "switch_tab")


class LibraryTyping:
    """Needs from the screen: table, filter_input, people_view, tab, _filtering."""

    _filtering: bool

    if TYPE_CHECKING:
        is_current: bool
        active_bindings: dict[str, ActiveBinding]

        @property
        def table(self) -> DataTable[Any]: ...

        @property
        def filter_input(self) -> Input: ...

        @property
        def people_view(self) -> PeopleView: ...

        @property
        def tab(self) -> str: ...

        async def run_action(self, action: str) -> None: ...

    def on_paste(self, event: events.Paste) -> None:
        """A paste on its way from the table as `/` moved the focus to the filter (pasted
        right after `/`): it was typed for the filter, and is put there (it was ignored)."""
        if self.is_current and self._filtering:  # (the filter keeps a paste it had)
            event.stop()
            self.filter_input.insert_text_at_cursor(one_line(event.text))

    async def on_key(self, event: events.Key) -> None:
        """Type to filter: a printable key typed in the table starts the filter (no action is
        bound to one, but `/`, which focuses it); while filtering, every printable key goes to
        it and the arrow and page keys move the table.

        Focus moves after the key is handled, so keys typed in one burst ("lisbon", "/lisbon")
        still arrive here from the table: `_filtering` sends them to the filter too, and in the
        People tab they go to its filter. A key that opens
        a dialog acts here, in turn, and what was typed after it while the dialog opened is
        dropped: it never reaches the filter behind the dialog, nor the dialog's own keys.
        ctrl+e (the other tab) acts here too, so the letters typed after it reach the People
        filter, not the articles' one."""
        if not self.is_current:
            event.stop()
            event.prevent_default()
            return
        if self.table.has_focus or self.people_view.people_table.has_focus:
            active = self.active_bindings.get(event.key)
            if active is not None and active.binding.action.startswith(IN_TURN):
                event.stop()
                event.prevent_default()
                await self.run_action(active.binding.action)
                return
        typed = event.is_printable and bool(event.character)
        if self.tab == PEOPLE and (typed or event.key == "backspace"):
            self.people_view.take_key(event)  # typed after ctrl+e, before its table had focus
            return
        if typed and self._filtering and event.character:
            # On its way from the table as `/` (or the first letter) moved the focus: the
            # filter keeps its own keys, so this one was typed for it and never got there.
            event.stop()
            event.prevent_default()
            self.filter_input.insert_text_at_cursor(event.character)
            return
        if self.filter_input.has_focus:
            moves = {
                "down": self.table.action_cursor_down,
                "up": self.table.action_cursor_up,
                "pagedown": self.table.action_page_down,
                "pageup": self.table.action_page_up,
            }
            if event.key in moves:
                event.stop()
                event.prevent_default()
                moves[event.key]()
            return
        if not (self.table.has_focus and typed and event.character):
            return
        if not event.character.isspace() and event.key not in self.active_bindings:
            event.stop()
            event.prevent_default()
            self._filtering = True
            self.filter_input.focus()
            self.filter_input.insert_text_at_cursor(event.character)
