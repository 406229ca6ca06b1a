"""Another window's stored notes, shown in this one without reopening the article.

Two windows on one library each keep the article's annotations as read at opening: without a
fresh look, a note stored in window A stayed old in window B (its Notes tab, and the editor `n`
opened on it), so B's user edited a text that was no longer the note. SQLite's data_version
says whether any other connection committed since the last look, and a stamp of the article's
annotations whether any of them changed, so the look costs a pragma, at most an aggregate,
until one did (an article may hold thousands of highlights).

When another window saved a new version of the text (ctrl+o, or opening the changed file from
its library), the stored notes are re-anchored to that text, whose offsets mean nothing in the
text shown here: they were drawn over the old words and this window's edits then wrote against
the old text. This window keeps what it shows, stops looking, says to reopen the article, and
its note keys do nothing until then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.store.records import Annotation

if TYPE_CHECKING:
    from textual.app import App

    from reader.store import ArticleRecord, Store

#: The actions that write notes or highlights against the text shown.
EDIT_ACTIONS = frozenset({"highlight", "color", "note", "delete_highlight", "undo"})
#: Said once, lasting, when another window saved a newer text of this article.
NEWER_TEXT = ("This article changed in another window: its notes now belong to the new text. "
              "Reopen it (escape, then enter) to see and edit them.")
#: Said at a note key (h, n, x, 1-5, u) it blocks then, in the status line: the toast may be
#: gone or unread, and a key that does nothing says why.
NOTES_ELSEWHERE = "notes off: another window saved a newer text; escape, enter reopens it"


class StoredNotesRefresh:
    """Mixin of the article screen (see AnnotationActions)."""

    annotations: list[Annotation]
    _seen_version: int | None = None
    _seen_stamp: tuple[object, ...] | None = None
    #: Another window stored a newer text: notes are no longer looked at or written here.
    text_outdated: bool = False

    if TYPE_CHECKING:
        record: ArticleRecord

        @property
        def store(self) -> Store: ...

        def _show_annotations(self, annotations: list[Annotation]) -> None: ...

        def notify(self, message: str, **kwargs: object) -> None: ...

        def refresh_bindings(self) -> None: ...

        def set_info(self, text: str) -> None: ...

        app: App[object]

    def refresh_annotations(self) -> None:
        """Show what another window stored since: a read, on a timer, on the Notes tab and
        before a note is opened. An open editor keeps the note it opened on, and its save
        merges with the stored one (Store.save_note)."""
        seen = self._seen_version
        if seen is None or self.text_outdated:
            return  # not loaded yet (the first load reads them), or a newer text elsewhere
        saving = getattr(self.app, "saving_text_of", None)
        if saving is not None and saving(self.record.id):
            # This window's own re-read is saving a new text on a connection of its own: its
            # commit is no other window's, and the article is shown anew once it is handled.
            return
        try:
            version = self.store.data_version()
            if version == seen:
                return
            # Another window wrote something (a reading position, most often): read the notes
            # again only when the article's changed (thousands take a tenth of a second).
            stamp = self.store.annotations_stamp(self.record.id)
            fresh = None if stamp == self._seen_stamp else self.store.annotations(self.record.id)
        except ReaderError:
            return  # busy or gone: the next look tries again
        self._seen_version, self._seen_stamp = version, stamp
        if fresh is not None and self._newer_text(fresh):
            self.text_outdated = True
            self.refresh_bindings()
            self.notify(NEWER_TEXT, severity="warning", timeout=3600, markup=False)
            return
        if fresh is not None and fresh != self.annotations:
            self._show_annotations(fresh)

    def forget_newer_text(self) -> None:
        """The screen is left: its lasting "changed in another window" toast goes with it (it
        stayed over the library and other articles for an hour)."""
        if self.text_outdated:
            from reader.ui.textual_private import take_toasts

            take_toasts(self.app, NEWER_TEXT)

    def _newer_text(self, fresh: list[Annotation]) -> bool:
        """Whether the stored notes were re-anchored to a text other than the one shown (the
        article's stored hash is compared too, so a note written against an older version and
        not re-anchored is no sign)."""
        shown = self.record.hash
        try:
            stored = self.store.get_article(self.record.id)
        except ReaderError:
            return False
        if stored is None or stored.hash == shown:
            return False
        return any(a.text_hash and a.text_hash != shown for a in fresh)

    def said_outdated(self, key: str) -> bool:
        """At a key of a note action blocked by a newer text (check_action hides it, so no
        binding runs), say why in the status line; True when said."""
        if not self.text_outdated:
            return False
        bindings = self._bindings.key_to_bindings.get(key, ())  # type: ignore[attr-defined]
        if any(b.action.split("(")[0] in EDIT_ACTIONS for b in bindings):
            self.set_info(NOTES_ELSEWHERE)
            return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No note or highlight is written against a text another window has replaced."""
        if self.text_outdated and action in EDIT_ACTIONS:
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]
