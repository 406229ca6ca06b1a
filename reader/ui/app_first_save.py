"""The start document's save in a worker, and a quit while it runs (ReaderApp derives from
this, so that app.py stays under the 500-line limit).

`reader FILE` of a new file shows the text at once and saves it in a thread
(reader.ui.first_save). A quit meanwhile waits for the save and for the screen to take the
saved record: leaving before then stored no reading position (the screen still had no id).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.ui.app_reread import RereadOnOpen

if TYPE_CHECKING:
    from reader.errors import DatabaseDamagedError, ReaderError
    from reader.sources import Document
    from reader.store import ArticleRecord, Store


#: Looks (0.02 s apart) for the held keys to have acted before a quit waiting for the save
#: leaves.
HELD_KEYS_WAIT = 100


class FirstSave(RereadOnOpen):
    """The start document saved off the screen's thread; the quit that waits for it."""

    #: The start document is being saved in a worker, until the screen has the saved record;
    #: a quit meanwhile leaves after it.
    _saving_start = False
    _leave_when_saved = False

    if TYPE_CHECKING:
        _store: Store | None
        _db_path: str | None
        _back_to: tuple[str, str | None, tuple[int, int] | None]

        @property
        def store(self) -> Store: ...
        def _database_damaged(self, exc: DatabaseDamagedError) -> None: ...
        def _unsaved_record(self, document: Document) -> ArticleRecord: ...
        def _lasting_error(self, text: str) -> None: ...

    async def _save_in_worker(self, document: Document) -> ArticleRecord | None:
        """As _save_document, the save in a thread (reader.ui.first_save): a big new file
        wrote its search index on the screen's thread, and no key was answered meanwhile."""
        from functools import partial
        from pathlib import Path

        from reader.errors import ReaderError
        from reader.ui.first_save import SAVE_GROUP, save_start

        self._back_to = ("articles", None, None)
        # The library opens on this thread after the save: opening asks for the write lock
        # (db.check_writable), which a second window saving the same big file holds.
        path = self._store.path if self._store is not None else self._db_path
        assert path is not None
        worker = self.run_worker(
            partial(save_start, Path(path), document), group=SAVE_GROUP, thread=True,
            description=f"Saving {document.source} in the library", exit_on_error=False,
        )
        self._saving_start = True
        try:
            result = await worker.wait()
            self.store  # noqa: B018  # opened now; one that cannot be used stops the app
        except ReaderError:
            self._saving_start = False
            return None
        except BaseException:
            self._saving_start = False
            raise
        # _saving_start stays set until the screen has the record (start_taken).
        return self._said_saved(document, result)

    def start_taken(self) -> None:
        """The article screen has the saved record (its id) and its held keys are on their
        way: a quit typed during the save leaves now, its reading position stored."""
        self._saving_start = False
        if self._leave_when_saved:
            self.call_later(self._leave_after_held_keys, HELD_KEYS_WAIT)

    def _leave_after_held_keys(self, tries: int) -> None:
        """Leave once the held keys have acted: `n` and the words after it in its editor,
        kept (the terminal closed during the save lost them: the app left before `n`'s editor
        opened, and the words it would have taken were in no draft)."""
        from reader.ui.screens.article import ArticleScreen
        from reader.ui.screens.article_hold import KeysAfterNote

        articles = [s for s in self.screen_stack if isinstance(s, ArticleScreen)]
        pending = any(isinstance(getattr(s, "_typing_to", None), KeysAfterNote)
                      for s in articles)
        # The held keys travel the app's queue, then the screen's and the focused widget's.
        queued = self.message_queue_size + sum(s.message_queue_size for s in articles)
        if self.focused is not None:
            queued += self.focused.message_queue_size
        if (pending or queued) and tries > 0:
            self.set_timer(0.02, lambda: self._leave_after_held_keys(tries - 1))
            return
        self._keep_typed_notes()  # an editor the held keys opened: its words to its draft
        if getattr(self, "_stopping", False):  # nobody is left to answer it: stored too
            self._save_open_notes()
        self._leave()

    def _leave(self) -> None:
        """Leave, once the article being saved is in the library (its reading position is
        then saved too; the save is one transaction, so it is never left half-written)."""
        if self._saving_start:
            if not self._leave_when_saved:
                self._leave_when_saved = True
                self.notify("Saving the article in the library; the reader quits once it is "
                            "saved.", markup=False)
            return
        super()._leave()

    def _said_saved(
        self, document: Document, saved: ArticleRecord | ReaderError
    ) -> ArticleRecord | None:
        """The saved record, or, when the save failed, the library's copy or one in memory
        with a lasting error; None when the app is stopping (a damaged or unusable library)."""
        from reader.errors import DatabaseDamagedError, ReaderError

        if isinstance(saved, DatabaseDamagedError):
            self._database_damaged(saved)  # said already when the guarded store raised it
            return None
        if isinstance(saved, ReaderError):
            if self.fatal_error is not None:
                return None  # the store could not be opened: the app is stopping
            record = self._unsaved_record(document)
            said = "" if record.id else " The article is shown, but nothing of it is saved."
            self._lasting_error(f"{saved}{said}")
        else:
            record = saved
        if document.note:
            self.notify(document.note, markup=False)
        return record
