"""The article's title, set by the reader (`T`): a text file's title is its first line, and a
new user's "EDITOR NOTE:" line became the title and the export's heading. Saved in the
library (kept when the file is read again), shown in the header, used by every export.

A mixin of ArticleScreen, kept apart so each file has one job.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.screen import Screen

from reader.errors import ReaderError, TitleChanged
from reader.sanitize import one_line
from reader.ui.screens.title_dialog import TitleDialog, TitleTyped
from reader.ui.undo_words import Change

if TYPE_CHECKING:
    from reader.store import Store
    from reader.store.records import ArticleRecord
    from reader.ui.host import ReaderHost


class TitleActions(Screen[None]):
    """`T`: a one-line editor of the title; the typed text kept as a draft on escape.

    The draft is kept by the app, by article id, until it quits: leaving the article and
    opening it again offers it too (it was lost with the screen). Not in the draft file: an
    escaped title is words the reader chose not to keep, not a note being written."""

    if TYPE_CHECKING:
        record: ArticleRecord
        undo_stack: list[Change]

        @property
        def store(self) -> Store: ...
        @property
        def reader_app(self) -> ReaderHost: ...
        def set_info(self, text: str) -> None: ...

    @property
    def _title_draft(self) -> str | None:
        """What was typed in the title editor and not kept (escape): offered by the next `T`."""
        return self.reader_app.title_drafts.get(self.record.id)

    @_title_draft.setter
    def _title_draft(self, text: str | None) -> None:
        drafts = self.reader_app.title_drafts
        if text is None:
            drafts.pop(self.record.id, None)
        else:
            drafts[self.record.id] = text

    def action_edit_title(self) -> None:
        draft = self._title_draft
        start = draft if draft is not None else self.record.title
        self.app.push_screen(TitleDialog(start, draft=draft is not None), self._title_typed)

    def _title_typed(self, typed: TitleTyped | None) -> None:
        if typed is None:
            return
        if not typed.kept:
            changed = typed.text != self.record.title
            self._title_draft = typed.text if changed else None
            if changed:
                self.set_info("title not changed (T brings back what you typed)")
            return
        if one_line(typed.text).strip() == self.record.title:
            # Saving would mark the title as the reader's own (title_set) and freeze a first
            # line's guess against the file's changes, for an enter that changed nothing.
            self._title_draft = None
            self.set_info("title unchanged")
            return
        try:
            # Named as shown here: another window's title since is never replaced unseen.
            record = self.store.set_title(self.record.id, typed.text, seen=self.record.title)
        except TitleChanged as exc:  # shown now; the next T and enter replace it knowingly
            self._title_draft = typed.text
            self._show_title(exc.stored)
            self.set_info(f"title not saved: it changed to “{one_line(exc.stored, 60)}” "
                          "since, in another window (T brings back what you typed; enter "
                          "there sets it)")
            return
        except ReaderError as exc:  # locked by another program, deleted…: the words kept
            self._title_draft = typed.text
            self.set_info(f"title not saved: {exc} (T brings back what you typed)")
            return
        self._title_draft = None
        was = self.record
        self._show_title(record.title)
        self.record = replace(self.record, title_set=record.title_set)
        self.undo_stack.append(Change("title", (), None, title=(was.title, was.title_set,
                                                                 record.title)))
        self.set_info(f"title set: “{one_line(record.title, 40)}” · u puts back "
                      f"“{one_line(was.title, 40)}”")

    def undo_title(self, change: Change) -> None:
        """`u` after `T`: the title before, as the reader's own only if it was (a first
        line's title follows the file again); not over a title another window set since."""
        assert change.title is not None
        old, own, new = change.title
        try:
            record = self.store.set_title(self.record.id, old, seen=new, own=own)
        except TitleChanged as exc:
            self._show_title(exc.stored)
            self.set_info(f"title not put back: it changed to “{one_line(exc.stored, 60)}” "
                          "since, in another window")
            return
        except ReaderError as exc:
            self.undo_stack.append(change)  # still undoable once the library answers
            self.set_info(f"title not put back: {exc}")
            return
        self._show_title(record.title)
        self.record = replace(self.record, title_set=record.title_set)
        self.set_info(f"undo: title back to “{one_line(record.title, 60)}”")

    def _show_title(self, title: str) -> None:
        self.record = replace(self.record, title=title)
        from reader.ui.widgets.header import ArticleHeader

        self.query_one(ArticleHeader).set_title(title)
