"""Deleting annotations and putting them back (undo), as the Store's methods: each checks,
in its one transaction, what another window changed since, so no note goes unread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from uuid import uuid4

from sqlite_utils import Database

from reader.errors import StoreError
from reader.store import annotations as notes
from reader.store import articles, deleted_notes
from reader.store.db import translate_errors, write_transaction
from reader.store.records import Annotation


class NoteRemoval:
    """The Store's deletes and restores (a part of reader.store.store.Store)."""

    db: Database
    path: Path

    def delete_annotation(self, ann_id: int) -> Annotation:
        with write_transaction(self.db, self.path, notes=True):
            ann = notes.get(self.db, ann_id)
            if ann is None:
                raise StoreError(f"No annotation with id {ann_id}.")
            self._keep([ann])
            notes.delete(self.db, ann_id)
        return ann

    def delete_annotations(
        self, ann_ids: list[int], *, seen: list[Annotation] | None = None
    ) -> list[Annotation]:
        """Delete several annotations at once (all or none); returns them as they were.

        With `seen` (the annotations as the window shows them), nothing is deleted when another
        window has changed one since: its note would go without anyone having read it.
        """
        with write_transaction(self.db, self.path, notes=True):
            found = [notes.get(self.db, ann_id) for ann_id in ann_ids]
            if any(ann is None for ann in found):
                raise StoreError("One of those annotations no longer exists.")
            shown = {a.id: a.revision for a in seen or []}
            if seen is not None and any(
                ann is not None and shown.get(ann.id) != ann.revision for ann in found
            ):
                raise StoreError(
                    "That highlight was changed in another window since; nothing was deleted."
                )
            kept = [ann for ann in found if ann is not None]
            self._keep(kept)
            for ann_id in ann_ids:
                notes.delete(self.db, ann_id)
        return kept

    def restore_annotations(
        self,
        anns: list[Annotation],
        *,
        remove: list[int] | None = None,
        expect: Annotation | None = None,
        check: bool = False,
        keep: list[Annotation] | None = None,
    ) -> list[str]:
        """Undo in one transaction: delete the ids in `remove`, put back `anns` exactly.

        `keep` (an undone new note, the words of an undone edit) is copied into the deleted
        notes in the same transaction: words typed outlive the window that undid them, and
        `reader notes --restore` brings them back.

        With `check`, `expect` is the annotation as the change left it (None when it deleted):
        when another window has changed it since, or put back one of `anns`, nothing is undone,
        so an undo never overwrites an edit it has not seen. Returns the uuids `keep` was
        kept under.
        """
        with write_transaction(self.db, self.path, notes=True):
            if check:
                self._check_unchanged(anns, expect)
            back = {a.uuid for a in anns}  # an edit's words: their own entry beside the note
            kept = [replace(a, uuid=str(uuid4())) if a.uuid in back else a
                    for a in keep or [] if a.note.strip()]
            self._keep(kept)
            for ann_id in remove or []:
                notes.delete(self.db, ann_id)
            for ann in anns:
                if articles.get(self.db, ann.article_id) is None:
                    raise StoreError("The article of that annotation was deleted.")
                notes.restore(self.db, ann, self._hash_of(ann.article_id))
            deleted_notes.forget(self.db, [ann.uuid for ann in anns])
        return [a.uuid for a in kept]  # what `forget_deleted` takes once the words are back

    def forget_deleted(self, uuids: list[str]) -> None:
        """Words kept by an undo were stored again (`n` on the passage): not listed twice."""
        with write_transaction(self.db, self.path, notes=True):
            deleted_notes.forget(self.db, uuids)

    def _check_unchanged(self, anns: list[Annotation], expect: Annotation | None) -> None:
        changed = False
        if expect is not None:
            now_ = notes.get(self.db, expect.id)
            changed = now_ is None or now_.revision != expect.revision
        others = [a.id for a in anns if expect is None or a.id != expect.id]
        if changed or any(notes.get(self.db, ann_id) is not None for ann_id in others):
            raise StoreError(
                "That highlight was changed in another window since; nothing was undone."
            )

    def restore_annotation(self, ann: Annotation) -> Annotation:
        with write_transaction(self.db, self.path, notes=True):
            if articles.get(self.db, ann.article_id) is None:
                raise StoreError("The article of that annotation was deleted.")
            notes.restore(self.db, ann, self._hash_of(ann.article_id))
            deleted_notes.forget(self.db, [ann.uuid])
        return self._annotation(ann.id)

    def deleted_notes(self) -> list[deleted_notes.DeletedNote]:
        """Deleted highlights and notes kept in the library, newest first."""
        with translate_errors(self.path):
            return deleted_notes.listing(self.db)

    def restore_deleted(self, number: int) -> Annotation:
        """Put deleted note `number` (of deleted_notes) back; StoreError when it cannot be."""
        with write_transaction(self.db, self.path, notes=True):
            return deleted_notes.restore(self.db, number)

    def _keep(self, anns: list[Annotation]) -> None:
        """Copy what is about to be deleted into the deleted notes (same transaction)."""
        for article_id in {ann.article_id for ann in anns}:
            article = articles.get(self.db, article_id)
            if article is not None:
                deleted_notes.keep(
                    self.db, [a for a in anns if a.article_id == article_id], article
                )

    def _hash_of(self, article_id: int) -> str:
        article = articles.get(self.db, article_id)
        return article.hash if article is not None else ""

    def _annotation(self, ann_id: int) -> Annotation:
        with translate_errors(self.path):
            ann = notes.get(self.db, ann_id)
        if ann is None:
            raise StoreError(f"No annotation with id {ann_id}.")
        return ann
