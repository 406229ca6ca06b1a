"""What one open note editor keeps in the draft file, and what it knows of a take-over.

Window B can take over window A's live draft (enter on its card, then ctrl+s stores it and
drops A's entry from the draft file) while A's editor on it is still open. A's save then held
B's stored words and A's typed ones, which had been taken with them: the words twice. The
editor notices that its entry is gone from the file (it wrote it; only it or a window taking
it over drops it), remembers the text it had kept there, and its save adds only what was typed
since to the stored note: nothing doubled, nothing typed lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from reader.drafts import Draft, now
from reader.errors import ReaderError
from reader.store.merge import added_to

if TYPE_CHECKING:
    from reader.store import Annotation, Store
    from reader.ui.screens.note_editor import NoteSave


class DraftOwner(Protocol):
    """The article screen, as an editor's draft needs it."""

    def keep_draft(self, draft: Draft) -> None: ...

    def forget_draft(
        self, key: str, article: int | None = None, *, stored: bool = True
    ) -> None: ...

    def own_entry_kept(self, key: str, text: str) -> bool: ...


class EditorDraft:
    """What one open editor keeps: its text, under its passage's key."""

    def __init__(self, owner: DraftOwner, base: Draft) -> None:
        self.owner = owner
        self.base = base
        #: The text this editor last wrote to the draft file (None: nothing there of it).
        self.kept: str | None = None
        #: The text another window took from this editor's draft and stored ("" if none).
        self.taken = ""

    def keep(self, text: str) -> None:
        self.check_taken()
        self.owner.keep_draft(replace(self.base, text=text, updated=now()))
        self.kept = text

    def clear(self, *, stored: bool = True) -> None:
        """Forget the draft: its note was stored (`stored`), or nothing is left to keep."""
        self.owner.forget_draft(self.base.key, self.base.article, stored=stored)
        self.kept = None

    def check_taken(self) -> str:
        """The text another window took over, once this editor's entry is gone from the file."""
        if self.kept is not None and not self.owner.own_entry_kept(self.base.key, self.kept):
            self.taken, self.kept = self.kept, None
        return self.taken


def saver_after_takeover(
    keeper: EditorDraft, save: NoteSave, seen: Annotation | None,
    note_saver: Callable[[Annotation], NoteSave], say: Callable[[str], None],
    stored: Callable[[str], bool],
) -> NoteSave:
    """`save`, unless another window took this editor's draft over and stored it: then the
    words already stored are not added again. An edit is merged with the stored note from the
    text taken (Store.save_note); a new note adds to the highlight only what was typed since.
    `stored(words)`: whether the take-over is proven (`takeover_proof`); else all is saved as
    typed (an entry dropped without a note stored: the editor's words are the note)."""

    def run(text: str) -> str | None:
        taken = keeper.check_taken()
        if not taken or not stored(taken.strip()):
            return save(text)
        if seen is not None:
            return note_saver(replace(seen, note=taken, revision=-1))(text)
        added = added_to(taken, text)
        if not added.strip():
            say("your words were stored by the other window that took this draft over")
            return None
        return save(added)

    return run


def takeover_proof(
    store: Store, article: int, seen: Annotation | None, span: tuple[int, int, int] | None
) -> Callable[[str], bool]:
    """Whether another window stored the words it took from this editor: for an edit, the
    note was written since the editor opened (its revision moved) and holds them; for a new
    note, a highlight on its passage made since holds them. Any note holding the words was
    taken as proof before, and an edit that only deleted words (what is kept is part of the
    stored note) was thrown away when the entry left the file with nothing stored."""

    def notes() -> list[Annotation] | None:
        try:
            return store.annotations(article)
        except ReaderError:
            return None  # the library cannot say (locked): nothing is proven

    at_open = notes()
    before = None if at_open is None else {a.id: a.revision for a in at_open}

    def proven(words: str) -> bool:
        now = notes()
        if now is None or before is None:
            return False
        if seen is not None:
            return any(a.id == seen.id and a.revision != before.get(a.id) and words in a.note
                       for a in now)
        return span is not None and any(
            a.id not in before and a.start < span[1] and span[0] < a.end and words in a.note
            for a in now)

    return proven
