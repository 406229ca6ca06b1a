"""An article opened from the library, its file looked at off the main thread.

Opening read the whole file on the UI thread, every time (0.66 s to decode a 5.7 MB Latin-1
file; a hung network mount froze the app). The stored copy is now shown at once and the file
read in a thread worker, as ctrl+o reads one; when its text changed, it is saved (its notes
re-anchored, as ctrl+o does) and the article shown again, at the words the reader was on: the
quote or search hit opened at, or the reading position, found in the new text the way notes
are (reread.moved_span). With an editor or a dialog over the article, what is typed there is
never thrown away: the reader is told ctrl+o re-reads the file instead. ReaderApp derives from
this (app.py stays under the 500-line limit).
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches
from textual.worker import Worker, WorkerState

from reader.ui.app_leaving import Leaving

if TYPE_CHECKING:
    from reader.sources import Document
    from reader.store import ArticleRecord, Store
    from reader.ui.screens.article import ArticleScreen

REREAD_GROUP = "library-reread"
#: The save of the changed file's text, in a thread of its own (after the reread).
SAVE_GROUP = "library-reread-save"


class RereadOnOpen(Leaving):
    """The look at an opened article's file, and what follows when it changed."""

    _checking: tuple[Worker[Any], ArticleRecord] | None = None
    #: (worker, the record shown, the document, focused span, reading position, search).
    _saving: tuple[Any, ...] | None = None

    if TYPE_CHECKING:
        store: Store

        def _show_record(self, record: ArticleRecord, target: tuple[int, int] | None = None,
                         find: str = "", found: Any = ()) -> None: ...

    def check_source(self, record: ArticleRecord) -> None:
        """Read the article's file in a thread (a URL is never fetched again on opening)."""
        from reader.ui.reread import changed_file

        if not os.path.isabs(record.source):
            return
        worker = self.run_worker(
            partial(changed_file, record), name=str(record.id), group=REREAD_GROUP,
            description=f"Checking {record.source}", exclusive=True, thread=True,
            exit_on_error=False,
        )
        self._checking = (worker, record)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in (REREAD_GROUP, SAVE_GROUP) or event.state not in (
            WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED,
        ):
            return
        event.stop()
        if worker.group == SAVE_GROUP:
            saving, self._saving = self._saving, None
            if saving is None or saving[0] is not worker:
                return  # replaced by a later save
            if event.state == WorkerState.SUCCESS:
                self._saved(saving[1], worker.result, *saving[2:])
            elif event.state == WorkerState.ERROR:  # not a ReaderError: sqlite3, OSError, a bug
                self.notify(f"{saving[1].source} changed, but its new text could not be "
                            f"saved: {worker.error}", severity="warning", markup=False)
            return
        checking = self._checking
        if checking is None or checking[0] is not worker:
            return  # replaced by a later opening
        self._checking = None
        if event.state == WorkerState.SUCCESS and worker.result is not None:
            self._file_changed(checking[1], worker.result)

    def saving_text_of(self, article_id: int) -> bool:
        """Whether a worker of this window is saving a new text of the article: the commit
        its connection makes is this window's own, not another window's newer text."""
        return self._saving is not None and self._saving[1].id == article_id

    def _shown(self, stored: ArticleRecord) -> ArticleScreen | None:
        """The article screen showing `stored` as it was read, if it is still in the stack."""
        from reader.ui.screens.article import ArticleScreen

        shown = next((s for s in reversed(self.screen_stack) if isinstance(s, ArticleScreen)),
                     None)
        if shown is None or (shown.record.id, shown.record.hash) != (stored.id, stored.hash):
            return None
        return shown

    def _file_changed(self, stored: ArticleRecord, document: Document) -> None:
        shown = self._shown(stored)
        if shown is None:
            return  # the reader has moved on: the next opening looks again
        if self.screen is not shown:  # an editor or a dialog over it: its words stay
            self.notify(f"{stored.source} changed since it was saved: ctrl+o re-reads it.",
                        markup=False)
            return
        try:
            span = shown.view.focused_span
            position = shown.view.reading_position
        except NoMatches:  # the article screen is still being put up: look once it is
            self.set_timer(0.05, partial(self._file_changed, stored, document))
            return
        from reader.ui.reread import save_changed

        # Saved in a thread, on its own connection (re-anchoring thousands of notes held the
        # screen); what the reader was on is taken now, and the result shown in turn.
        worker = self.run_worker(
            partial(save_changed, self.store.path, document), group=SAVE_GROUP,
            description=f"Saving the new text of {stored.source}", exclusive=True,
            thread=True, exit_on_error=False,
        )
        self._saving = (worker, stored, document, span, position, shown.search_query)

    def _saved(self, stored: ArticleRecord, result: Any, document: Document,
               span: tuple[int, int] | None, position: int, find: str) -> None:
        """The new text is saved (`result`: its record, or the error that stopped it): shown
        as ctrl+o shows it, at the words the reader was on."""
        from reader.errors import DatabaseDamagedError, ReaderError
        from reader.ui.reread import moved_span

        if isinstance(result, DatabaseDamagedError):
            self._database_damaged(result)  # type: ignore[attr-defined]
            return
        if isinstance(result, ReaderError):
            self.notify(f"{stored.source} changed, but its new text could not be saved: "
                        f"{result}", severity="warning", markup=False)
            return
        fresh: ArticleRecord = result
        if document.note:
            self.notify(document.note, markup=False)
        shown = self._shown(stored)
        if shown is None:
            return  # the reader has moved on: the next opening shows the new text
        if self.screen is not shown:  # an editor opened meanwhile: its words stay, and say so
            shown.text_outdated = True  # its notes belong to the new text now
            shown.refresh_bindings()
            self.notify(f"{stored.source} changed: its new text is saved. Reopen the article "
                        "(escape, then enter) to read it.", markup=False)
            return
        if span is not None:
            where = moved_span(stored.text, fresh.text, *span)
            if where is not None:
                self._show_record(replace(fresh, position=where[0]), where, find)
                return
            self.notify("The file changed since it was saved and the passage opened is no "
                        "longer in it.", markup=False)
        moved = moved_span(stored.text, fresh.text, position, position)
        at = moved[0] if moved else min(fresh.position, len(fresh.text))
        self._show_record(replace(fresh, position=at), None, find if span is None else "")
