"""Another window's stored notes, shown in this one without reopening the article.

Two windows on one library each keep the article's annotations as read at opening: without a
fresh look, a note stored in window A stayed old in window B (its Notes tab, and the editor `n`
opened on it), so B's user edited a text that was no longer the note. SQLite's data_version
says whether any other connection committed since the last look, and a stamp of the article's
annotations whether any of them changed, so the look costs a pragma, at most an aggregate,
until one did (an article may hold thousands of highlights).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.store.records import Annotation

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Store


class StoredNotesRefresh:
    """Mixin of the article screen (see AnnotationActions)."""

    annotations: list[Annotation]
    _seen_version: int | None = None
    _seen_stamp: tuple[object, ...] | None = None

    if TYPE_CHECKING:
        record: ArticleRecord

        @property
        def store(self) -> Store: ...

        def _show_annotations(self, annotations: list[Annotation]) -> None: ...

    def refresh_annotations(self) -> None:
        """Show what another window stored since: a read, on a timer, on the Notes tab and
        before a note is opened. An open editor keeps the note it opened on, and its save
        merges with the stored one (Store.save_note)."""
        seen = self._seen_version
        if seen is None:
            return  # not loaded yet: the first load reads them
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
        if fresh is not None and fresh != self.annotations:
            self._show_annotations(fresh)
