"""Keys that need the stored article, typed while it is still being saved, wait for the save.

`reader FILE` shows the text at once and saves the article in a worker (reader.ui.first_save):
a big new file takes seconds. Reading, scrolling and searching go on meanwhile; a highlight, a
note, a colour, an undo, x, Y (the notes copied) or escape (the library, which would not list
it yet) needs the article in the library, so that key and every key after it are held, in
order, and act once it is saved: a note typed after `n` reaches its editor, never the article's
keys. The status line says, in one line, why the key waits. (The keys typed after `n`
before its editor opens are kept here too: KeysAfterNote.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual import events

from reader.ui.screens.article_refresh import EDIT_ACTIONS

if TYPE_CHECKING:
    from textual.binding import ActiveBinding

#: The actions that wait for the article to be saved (with those that write notes).
WAIT_ACTIONS = EDIT_ACTIONS | {"copy_notes", "back", "edit_title"}


@runtime_checkable
class TakesKeys(Protocol):
    """A screen that takes keys typed for it before it had the focus (the note editor)."""

    def take_key(self, event: events.Key) -> None: ...


class KeysAfterNote:
    """The keys typed after `n` while its editor waits for the keys before `n` to act: they
    are the note's, and go to the editor once it is open."""

    def __init__(self) -> None:
        self.keys: list[events.Key] = []

    def take_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.keys.append(event)


def waiting_said(key: str) -> str:
    """The status line while keys wait for the save."""
    return f"saving the article in the library (a long text): {key} acts once it is saved"


def refused_said(action: str) -> str:
    """The status line when an action run from the command palette waits for the save."""
    return (f"saving the article in the library (a long text): {action.replace('_', ' ')} "
            "can be used once it is saved")


class HeldForSave:
    """Mixin of the article screen: its keys while the article is being saved."""

    #: The article is not in the library yet (its save runs after the text's first frame).
    saving = True
    #: The keys typed since the first one that waits, in order (None: none waits).
    _held: list[events.Key] | None = None

    if TYPE_CHECKING:
        app: object
        active_bindings: dict[str, ActiveBinding]

        def set_info(self, text: str) -> None: ...

    def hold_key(self, event: events.Key) -> bool:
        """Hold the key (True) when it, or one typed before it, waits for the save."""
        if not self.saving:
            return False
        if self._held is None:
            active = self.active_bindings.get(event.key)
            if active is None or active.binding.action.split("(")[0] not in WAIT_ACTIONS:
                return False
            self._held = []
            self.set_info(waiting_said(event.key))
        event.stop()
        event.prevent_default()
        self._held.append(event)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the article is saved, its waiting actions are off by every way in, not only
        keys (the command palette runs actions itself): one that ran wrote against no id,
        and put the whole article in the library again on the screen's thread."""
        if self.saving and action in WAIT_ACTIONS:
            return None  # shown, greyed: it acts once the article is saved
        return super().check_action(action, parameters)  # type: ignore[misc]

    def said_waiting(self, action: str) -> bool:
        """Say in the status line that the action waits for the save (the command palette,
        whose run_action check_action refused); True when said."""
        if not (self.saving and action.split("(")[0] in WAIT_ACTIONS):
            return False
        self.set_info(refused_said(action.split("(")[0]))
        return True

    def release_keys(self) -> None:
        """The article is saved: the held keys act now, in the order they were typed."""
        self.saving = False
        self.refresh_bindings()  # type: ignore[attr-defined]  # its waiting actions back on
        held, self._held = self._held, None
        if held is None:
            return
        self.set_info("")
        for key in held:
            self.app.post_message(events.Key(key.key, key.character))  # type: ignore[attr-defined]
