"""The article screen's undo of highlights, notes, discarded drafts and titles: one change, and what
`u` says it took back, in a reader's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reader.drafts import Draft
    from reader.store import Annotation

#: Said after words an undo took back: they outlive this window (deleted notes), not as a draft.
KEPT = "(reader notes --deleted keeps them)"

UNDONE = {
    "add": "highlight removed",
    "delete": "highlight restored",
    "edit": "edit undone",
    "merge": "highlights as they were",
}


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable annotation change.

    Undo deletes `after` when the change added it, then puts every annotation of `before`
    back exactly as it was (same id, span, colour and note).
    """

    kind: Literal["add", "delete", "edit", "merge", "discard", "title"]
    before: tuple[Annotation, ...]
    after: Annotation | None
    #: The unsaved note a "discard" dropped: undo keeps it again, words and all.
    draft: Draft | None = None
    #: A "title" change: the title before, whether the reader had set it, and the one set.
    title: tuple[str, bool, str] | None = None


def undone(kind: str, before: tuple[Annotation, ...], after: Annotation | None) -> str:
    """What `u` took back, in a reader's words: a note written on a highlight that had none
    is "note removed", not "note as it was" (a new user did not know which note was meant)."""
    was = before[0] if kind == "edit" and len(before) == 1 else None
    if was is None or after is None:
        if kind == "add" and after is not None and after.note.strip():
            return "new note and its highlight removed"
        if kind == "delete" and any(a.note.strip() for a in before):
            return "highlight and its note restored"
        return UNDONE[kind]
    if was.note != after.note:
        if not was.note.strip():
            return "new note removed"
        if not after.note.strip():
            return "note restored"
        return "note back to its earlier words"
    if was.color != after.color:
        return f"colour {was.color} again"
    return UNDONE["edit"]
