"""An article opened from the library is read again from its file when that file changed.

A new user edited a file they had read, opened it from the library and was shown the stored,
out-of-date text with no word of the change, while ctrl+o on the same file re-read it and
re-anchored the notes. Opening from the library now does what ctrl+o does, for a source that
is a regular file still there; a URL is never fetched again on opening (that is ctrl+o's).

A search hit or a quote opened that way was placed by offsets in the old text, which in the
new one point at other words: `moved_span` finds the passage again the way notes are
re-anchored (the exact words with what came before and after them).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from pathlib import Path

    from reader.sources import Document
    from reader.store import ArticleRecord


def changed_file(record: ArticleRecord) -> Document | None:
    """The file's document when its text is no longer the stored one, else None (not a file,
    gone, unreadable: the stored copy is read, as before)."""
    source = record.source
    if not os.path.isabs(source) or not os.path.isfile(source):
        return None  # a URL, stdin, a pasted text, or a file since moved or deleted
    from reader.sources import load_source
    from reader.store import text_hash

    try:
        document = load_source(source)
    except (ReaderError, OSError):
        return None
    return None if text_hash(document.text) == record.hash else document


def save_changed(db_path: Path, document: Document) -> ArticleRecord | ReaderError:
    """In a worker thread: the file's new text saved and its notes re-anchored, as ctrl+o
    does, on a connection of its own (a sqlite3 connection belongs to the thread that made
    it); the error, returned, when it could not be (the app says it on its own thread)."""
    from reader.store import Store

    try:
        with Store.open(db_path, create=False) as store:
            return store.save_article(document, opened=True)
    except ReaderError as exc:
        return exc


_WORD_AT = re.compile(r"\w+")


def moved_span(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Where old[start:end] is in `new` (a bare offset stands for the word there), or None
    when it is gone or could be in more than one place with no context to tell."""
    from reader.anchoring import anchor, selector_for

    if end <= start:
        word = _WORD_AT.match(old, start)
        end = word.end() if word else min(len(old), start + 1)
    found = anchor(new, selector_for(old, start, end), old)
    return None if found is None else (found.start, found.end)
