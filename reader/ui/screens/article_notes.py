"""The article screen's annotation keys: highlight, colour, note, delete, undo (copy: CopyActions).

A mixin of ArticleScreen, kept apart so each file has one job. Every change goes to the store at
once (it commits) and is recorded as a small undoable Change; widgets get plain marks.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from textual.message import Message

from reader.errors import ArticleGone, ReaderError
from reader.ui.highlight_words import highlight_said
from reader.ui.screens.article_copy import CopyActions
from reader.ui.screens.article_drafts import NoteDrafts
from reader.ui.screens.article_refresh import StoredNotesRefresh
from reader.ui.undo_words import KEPT, Change, undone
from reader.ui.widgets.article_view import HighlightMark
from reader.ui.widgets.speaker_panel import plural

if TYPE_CHECKING:
    from textual.app import App
    from textual.css.query import DOMQuery

    from reader.store import Annotation, Highlighted
    from reader.ui.screens.note_editor import NoteSave


T = TypeVar("T")


def changed_since(changed: list[Annotation]) -> str:
    """'1 note's passage changed since you wrote it', 'n highlights' passages … made them',
    or both counted: '2 notes' and 1 highlight's passages changed since you made them'."""
    notes = sum(1 for a in changed if a.note.strip())
    highlights = len(changed) - notes
    if not highlights or not notes:
        noun, verb = ("note", "wrote") if notes else ("highlight", "made")
        if len(changed) == 1:
            return f"1 {noun}'s passage changed since you {verb} it"
        return f"{len(changed)} {noun}s' passages changed since you {verb} them"

    def owners(n: int, noun: str) -> str:
        return f"1 {noun}'s" if n == 1 else f"{n} {noun}s'"

    return (
        f"{owners(notes, 'note')} and {owners(highlights, 'highlight')} passages changed "
        "since you made them"
    )


#: What the toast says after a note is saved, by Store.save_note's outcome.
SAVED = {
    "saved": "Note saved.",
    "merged": "Note saved, merged with a change made to it in another window.",
    "conflict": (
        "This note was also changed in another window: both texts are kept in it, "
        "under a line. n edits it."
    ),
    "restored": "Note saved: the highlight had been deleted in another window and is back.",
}

class AnnotationActions(NoteDrafts, StoredNotesRefresh, CopyActions):
    """Needs from the screen: view, store, record, analysis, quote(), set_info(), notify()."""

    undo_stack: list[Change]
    last_color: int

    if TYPE_CHECKING:  # besides what CopyActions says it needs
        app: App[None]

        def notify(self, message: str, *, severity: str = ...) -> None: ...

        def query(self, selector: type) -> DOMQuery: ...

    def _load_annotations(self) -> None:
        """The article's annotations; already re-anchored by the store when its text changed."""
        try:
            self._seen_version = self.store.data_version()
            self._seen_stamp = self.store.annotations_stamp(self.record.id)
            self._show_annotations(self.store.annotations(self.record.id))
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def _show_annotations(self, annotations: list[Annotation]) -> None:
        self.annotations = annotations
        self.view.set_highlights(
            [
                HighlightMark(a.start, a.end, a.id, a.color)
                for a in self.annotations
                if not a.orphaned
            ]
        )
        self._refresh_notes()

    def _refresh_notes(self) -> None:
        from reader.ui.widgets.notes_panel import NoteItem, NotesPanel

        panels = self.query(NotesPanel)
        if not panels:
            return
        panels.first().set_outline(  # each card says where it is: chapter, share of the text
            len(self.record.text), [(h.start, h.title) for h in self.view.headings])
        panels.first().set_annotations(
            [
                NoteItem(
                    # a note that lost its passage shows the words it was written about,
                    # not the last ones it was found on (as its export does)
                    a.id, a.start, a.color,
                    (a.written_exact or a.exact) if a.orphaned else a.exact,
                    a.note, a.orphaned, a.written_exact if a.changed else "",
                )
                for a in self.annotations
            ]
        )
        self.show_draft_cards()
        orphans = sum(1 for a in self.annotations if a.orphaned)
        changed = self._untold([a for a in self.annotations if a.changed])
        said = ""
        if orphans:
            said = f"{plural(orphans, 'note')} not found in this version (see Notes)"
        elif changed:
            said = f"{changed_since(changed)} (see Notes)"
        # Said again only when it changed: a fresh look (another window saved a note) or a new
        # theme must not replace what the last key said ("wrapped to the first quote").
        if said and said != getattr(self, "_notes_said", ""):
            self.set_info(said)
        self._notes_said = said
        self._tell_changed(changed)

    def _untold(self, changed: list[Annotation]) -> list[Annotation]:
        """The changed passages not yet told, in this window or an earlier one: each change
        (a note, the text it is now in) is said once, not on every opening of the article
        (the Notes tab keeps showing what it was written about)."""
        told: set[tuple[int, str]] | None = getattr(self, "_changed_told", None)
        if told is None:
            try:
                told = self.store.changes_told(self.record.id) if changed else set()
            except ReaderError:
                told = set()  # busy: say it again rather than never
            self._changed_told = told
        return [a for a in changed if (a.id, a.change_key) not in told]

    def _tell_changed(self, changed: list[Annotation]) -> None:
        """Say once per change which notes' passages a new version of the text changed: they
        are placed where the passage is now, with other words."""
        new = changed  # already without the changes told (_untold)
        if new:
            told = {(a.id, a.change_key) for a in new}
            self._changed_told = getattr(self, "_changed_told", set()) | told
            # A read-only or busy library: said again next time, nothing lost.
            with suppress(ReaderError):
                self.store.mark_changes_told(told)
            self.notify(
                f"{changed_since(new)}: the Notes tab shows what "
                f"{'it was' if len(new) == 1 else 'they were'} written about.",
                title="The article changed",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def _annotation(self, ann_id: int) -> Annotation | None:
        return next((a for a in self.annotations if a.id == ann_id), None)

    def _annotation_at_cursor(self) -> Annotation | None:
        mark = self.view.highlight_at_cursor()
        return self._annotation(mark.ann_id) if mark is not None else None

    def _record(self, change: Change) -> None:
        self.undo_stack.append(change)
        self._load_annotations()
        if change.after is not None and (
            change.after.orphaned or change.after.text_hash != self.record.hash
        ):
            # Another window reopened the article with a changed text: the store placed the
            # passage on that text (or kept it on this version, as an orphan).
            self.notify(
                "This article's text was changed in another window; your note is kept. "
                "Open the article again to see it in place.",
                severity="warning",
                markup=False,
            )

    def _into_library(self, write: Callable[[], T]) -> T:
        """Run a write; when the article was deleted in another window meanwhile, put it back
        first (this window still has its text) and write again, so a highlight or a note
        typed here is never refused for it."""
        try:
            return write()
        except ArticleGone:
            self.record = self.store.save_article(self.record, opened=True)
            # What the delete took besides the notes: the analysis (the library's counts, the
            # export's speaker line) and where the reader is (the record's is from opening).
            self.keep_analysis_again()  # type: ignore[attr-defined]
            self._saved_position = None
            self.save_position(quiet=True)  # type: ignore[attr-defined]
            self._load_annotations()
            self.notify(
                "This article had been deleted in another window; it is back in the library, "
                "with what you just did.",
                severity="warning",
                markup=False,
            )
            return write()

    def _highlight(self, color: int | None = None) -> Highlighted | None:
        """Highlight the selection (or sentence); merged with the highlights it overlaps."""
        view = self.view
        start, end = view.selection_span or view.cursor_span
        if end <= start:
            self.set_info("nothing to highlight here")
            return None
        try:
            done = self._into_library(
                lambda: self.store.highlight(
                    self.record.id, self.record.text, start, end, color=color or self.last_color
                )
            )
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None
        view.clear_selection()
        if done.outcome == "added":
            self._record(Change("add", (), done.annotation))
        elif done.outcome == "merged":
            self._record(Change("merge", done.replaced, done.annotation))
        return done

    def action_highlight(self) -> None:
        done = self._highlight()
        if done is None:
            return
        # The escape that follows lets go of this rather than leave the article.
        self._just_highlighted = True
        self.set_info(highlight_said(done, self.record.text))

    def action_color(self, color: int) -> None:
        self.last_color = color
        ann = self._annotation_at_cursor()
        if ann is None:
            if self.view.selection_span is not None:
                self._highlight(color)
            else:
                self.set_info("no highlight under the cursor (h highlights)")
            return
        if ann.color == color:
            return
        try:
            new = self.store.update_annotation(ann.id, color=color)
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._record(Change("edit", (ann,), new))
        self.set_info(f"colour {color}")

    def action_note(self) -> None:
        """Edit the note of the highlight under the cursor; with none, the selection (or
        sentence) is highlighted when a note is saved, so cancelling leaves nothing behind."""
        self.refresh_drafts()  # type: ignore[attr-defined]  # drafts stored or kept elsewhere
        self.refresh_annotations()  # the note as stored now, if another window changed it
        ann = self._annotation_at_cursor()
        if ann is not None:
            self.take_draft_into(ann)
            heading = "Edit note" if ann.note else "Add a note"
            self.open_note_editor(
                f"ann:{ann.id}", ann.exact, ann.note, heading, self._note_saver(ann), seen=ann
            )
            return
        start, end = self.view.selection_span or self.view.cursor_span
        if end <= start:
            self.set_info("nothing to highlight here")
            return
        kept = self.kept_draft_at(start, end)
        if kept is not None:
            start, end = kept
        self.open_note_editor(
            f"span:{start}:{end}",
            self.record.text[start:end],
            "",
            "Add a note",
            self._new_note_saver(start, end),
            span=(start, end, self.last_color),
        )

    def _note_saver(self, seen: Annotation) -> NoteSave:
        """Save over the annotation as this window showed it; another window's change in
        between is merged, never overwritten (Store.save_note)."""

        def save(text: str) -> str | None:
            if text == seen.note:
                return None
            try:
                done = self.store.save_note(seen, text)
            except ArticleGone:
                return self._save_on_restored(seen, text)
            except ReaderError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return str(exc)
            if done.before is None:
                self._record(Change("add", (), done.annotation))
            else:
                self._record(Change("edit", (done.before,), done.annotation))
            self.notify(SAVED[done.outcome] if text.strip() else "Note removed.",
                        severity="warning" if done.outcome == "conflict" else "information",
                        markup=False)
            return None

        return save

    def _save_on_restored(self, seen: Annotation, text: str) -> str | None:
        """The note's article was deleted in another window: bring the article back with this
        highlight and its note (None when stored, else why not)."""
        if not text.strip():
            return None
        try:
            done = self._into_library(
                lambda: self.store.highlight(
                    self.record.id, self.record.text, seen.start, seen.end, seen.color, note=text
                )
            )
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return str(exc)
        self._record(Change("add", (), done.annotation))
        self.notify("Note saved.", markup=False)
        return None

    def _new_note_saver(self, start: int, end: int) -> NoteSave:
        def save(text: str) -> str | None:
            if not text.strip():
                self.set_info("no note: nothing highlighted")
                return None
            try:
                done = self._into_library(
                    lambda: self.store.highlight(
                        self.record.id, self.record.text, start, end, self.last_color, note=text
                    )
                )
            except ReaderError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return str(exc)
            self.view.clear_selection()
            if done.outcome == "added":
                self._record(Change("add", (), done.annotation))
                self.notify("Note saved.", markup=False)
            else:
                self._record(Change("merge", done.replaced, done.annotation))
                self.notify(
                    "Note saved on the highlight already there (its notes are kept too).",
                    markup=False,
                )
            return None

        return save

    def action_delete_highlight(self) -> None:
        card = self.focused_note_card()  # x on a Notes card acts on that card
        if card is not None and card.draft:
            if (dropped := self.discard_draft(card.draft)) is not None:
                self.undo_stack.append(Change("discard", (), None, dropped))
            return
        ann = self._annotation(card.ann_id) if card else self._annotation_at_cursor()
        if ann is None:
            self.set_info("no highlight under the cursor")
            return
        # Older versions could stack highlights on one span: what looks like one goes as one.
        same = [ann] if ann.orphaned else [
            a
            for a in self.annotations
            if not a.orphaned and (a.start, a.end) == (ann.start, ann.end)
        ]
        notes = [a.note.strip() for a in same if a.note.strip()]
        if not notes:
            self._delete_annotations(same)  # a bare highlight: at once, u brings it back
            return
        # A note is words the reader wrote: one key must not take them without a word.
        from reader.ui.library_columns import shorten
        from reader.ui.screens.confirm import ConfirmDialog

        said = shorten(" ".join(notes[0].split()), 60)
        # Stacked copies each with a note all go: the question counts them, not only the first.
        more = f"its {len(notes)} notes (“{said}” and {len(notes) - 1} more)"
        message = (
            f"Delete this highlight and {more if len(notes) > 1 else f'its note “{said}”'}? "
            "(u undoes it; after you quit, reader notes --deleted still has it)"
        )

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._delete_annotations(same)

        self.app.push_screen(
            ConfirmDialog(message, title="Delete note", yes="Delete", no="Keep"), answered
        )

    def _delete_annotations(self, same: list[Annotation]) -> None:
        try:
            deleted = self.store.delete_annotations([a.id for a in same], seen=same)
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self._load_annotations()  # show what the other window did
            return
        self._record(Change("delete", tuple(deleted), None))
        with_note = sum(1 for a in deleted if a.note.strip())
        self.set_info(
            "highlight deleted (u undoes)" if not with_note
            else "highlight and its note deleted (u undoes)" if with_note == 1
            else f"highlight and its {with_note} notes deleted (u undoes)"
        )

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.set_info("nothing to undo")
            return
        change = self.undo_stack.pop()
        if change.title is not None:
            self.undo_title(change)
            return
        if change.draft is not None:
            self.set_info(self.bring_back_draft(change.draft))
            return
        added = [change.after.id] if change.kind == "add" and change.after is not None else []
        # The words typed go to the deleted notes too: `n` offers them in this window, and
        # `reader notes --deleted` still has them after it is left.
        words = [change.after] if change.after is not None and (
            added or (change.kind == "edit" and len(change.before) == 1
                      and change.after.note != change.before[0].note)
        ) else []
        try:
            kept = self.store.restore_annotations(
                list(change.before), remove=added, expect=change.after, check=True, keep=words
            )
        except ReaderError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self._load_annotations()  # show what the other window did
            return
        self._load_annotations()
        said = f"undo: {undone(change.kind, change.before, change.after)}"
        if change.kind == "add" and change.after and self.keep_undone_note(change.after, kept):
            self.set_info(f"{said} · n brings the words back {KEPT}")
            return
        if (
            change.kind == "edit" and change.after and len(change.before) == 1
            and self.keep_undone_edit(change.before[0], change.after, kept)
        ):
            kept = "the words" if not change.before[0].note.strip() else "your edit"
            self.set_info(f"{said} · n brings {kept} back {KEPT}")
            return
        self.set_info(said)

    def _on_notes_selected(self, ann_id: int) -> None:
        ann = self._annotation(ann_id)
        if ann is None:
            return
        if ann.orphaned:
            self.notify("This note's passage is not in this version of the text.", markup=False)
            return
        self.view.cursor_to_offset(ann.start)
        self.view.focus_span(ann.start, ann.end)

    def on_notes_panel_selected(self, event: Message) -> None:
        ann_id = getattr(event, "ann_id", None)
        if isinstance(ann_id, int):
            self._on_notes_selected(ann_id)
