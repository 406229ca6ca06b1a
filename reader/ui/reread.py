"""An article opened from the library is read again from its file when that file changed.

A new user edited a file they had read, opened it from the library and was shown the stored,
out-of-date text with no word of the change, while ctrl+o on the same file re-read it and
re-anchored the notes. Opening from the library now does what ctrl+o does, for a source that
is a regular file still there; a URL is never fetched again on opening (that is ctrl+o's).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
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
