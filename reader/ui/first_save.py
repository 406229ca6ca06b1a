"""The article `reader FILE` opens saved in a thread worker, on a connection of its own.

A new file of 200,000 short lines froze the screen once its text was shown: the article and
its search index (a row a line) were written on the screen's thread, and the first key waited
~6.6 s for them. The save now runs in a thread; the text can be read meanwhile, and the keys
that need the stored article wait for it (article_hold).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from pathlib import Path

    from reader.sources import Document
    from reader.store import ArticleRecord

#: The worker group of the save (one at a time: the start document is saved once).
SAVE_GROUP = "start-save"
#: Seconds the save waits for another program's write lock (a second window saving the same
#: big file): nothing waits on it but the keys that need the stored article, so longer than the
#: screen's one second (db.INTERACTIVE_TIMEOUT).
SAVE_TIMEOUT = 30.0


def save_start(db_path: Path, document: Document) -> ArticleRecord | ReaderError:
    """In a worker thread: the document saved, in one transaction (whole or not at all), on a
    connection of its own (a sqlite3 connection belongs to the thread that made it), opened
    (created, migrated) here first; the error returned when it could not be, for the app to
    say on its own thread (any error: one the app did not foresee ended it with a
    traceback)."""
    from reader.store import Store

    try:
        with Store.open(db_path, timeout=SAVE_TIMEOUT) as store:
            return store.save_article(document, opened=True)
    except ReaderError as exc:
        return exc
    except Exception as exc:  # sqlite3, OSError (a full disk), a bug: said, never a traceback
        return ReaderError(f"The article could not be saved in the library: {exc}.")
