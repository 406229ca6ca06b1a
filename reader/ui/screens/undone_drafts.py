"""Words a deliberate `u` took back from a note: kept for `n` in this window, not as a draft.

`u` on a new note or on a note's edit never throws typed words away: the next `n` on the
passage offers them. They used to be written to the draft file like words left in an editor,
so an undo the reader chose then nagged as "1 unsaved note" at every quit, in every
`reader notes` and on every opening. They live in this window's memory instead, for its life;
once the reader opens them with `n` and types, the editor keeps them as a draft like any other.
The undo also copies them into the library's deleted notes (Store.restore_annotations' `keep`),
so leaving the window never loses them: `reader notes --deleted` lists them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from reader.drafts import Draft

if TYPE_CHECKING:
    from reader.store import Annotation, ArticleRecord

#: Said when undone words are opened with `n` and left as they were.
UNDONE_KEPT = "undone words: n on this passage offers them; reader notes --deleted keeps them"


class UndoneDrafts:
    """Needs from the screen: record, note_drafts, dressed_draft(), show_draft_cards()."""

    record: ArticleRecord

    if TYPE_CHECKING:

        @property
        def note_drafts(self) -> dict[str, Draft]: ...

        def dressed_draft(self, draft: Draft) -> Draft: ...

        def show_draft_cards(self) -> None: ...

    @property
    def undone_drafts(self) -> set[str]:
        """Keys of the drafts holding undone words: in this window only, never in the file."""
        keys: set[str] | None = getattr(self, "_undone_keys", None)
        if keys is None:
            keys = self._undone_keys = set()
        return keys

    @property
    def undone_kept(self) -> dict[str, list[str]]:
        """Draft key -> the uuids its words are kept under in the deleted notes: stored
        again from here, they are forgotten there (listed once, not twice)."""
        kept: dict[str, list[str]] | None = getattr(self, "_undone_kept", None)
        if kept is None:
            kept = self._undone_kept = {}
        return kept

    def keep_undone(self, draft: Draft, kept: list[str] | None = None) -> None:
        """Keep `draft` for `n` in this window, without writing the draft file."""
        draft = self.dressed_draft(draft)
        self.note_drafts[draft.key] = draft
        self.undone_drafts.add(draft.key)
        if kept:
            self.undone_kept[draft.key] = kept
        self.show_draft_cards()

    def keep_undone_note(self, ann: Annotation, kept: list[str] | None = None) -> bool:
        """`u` on a new note takes back its highlight, never the words typed: they are kept
        for the next `n` on the passage (True when there were words)."""
        if not ann.note.strip() or ann.orphaned:
            return False
        self.keep_undone(Draft(
            article=self.record.id, key=f"span:{ann.start}:{ann.end}", text=ann.note,
            passage=ann.exact, span=(ann.start, ann.end, ann.color),
        ), kept)
        return True

    def keep_undone_edit(
        self, before: Annotation, after: Annotation, kept: list[str] | None = None
    ) -> bool:
        """`u` on a note's edit brings the old words back and keeps the edited ones for the
        next `n` on that note (True when the words differed)."""
        if after.note == before.note or not after.note.strip() or before.orphaned:
            return False
        self.keep_undone(Draft(
            article=self.record.id, key=f"ann:{before.id}", text=after.note,
            passage=before.exact, seen=asdict(before),
        ), kept)
        return True
