"""One exception family for what a user can get wrong: the CLI prints one line, exit 2."""


class ReaderError(Exception):
    """A problem the user can fix; its message is one clear sentence."""

    exit_code = 2


class SourceError(ReaderError):
    """The input could not be read as an article."""


class ModelNotFoundError(ReaderError):
    """No spaCy pipeline could be loaded."""


class StoreError(ReaderError):
    """The annotations database could not be opened or written."""


class TitleChanged(StoreError):
    """Another window set the article's title since this one showed it: `stored` is that."""

    def __init__(self, stored: str) -> None:
        super().__init__(f"another window set the title to “{stored}” since")
        self.stored = stored


class ArticleGone(StoreError):
    """The article was deleted from the library (in another window) while open here."""


class DatabaseDamagedError(StoreError):
    """SQLite found the file corrupt: nothing more is read or written, the reader stops."""


class AnalysisProcessError(ReaderError):
    """The analysis process crashed or stopped; the article is still readable without it."""


def too_large(label: str, size: int | None, max_bytes: int) -> SourceError:
    """The one sentence for an input over the size limit (files, stdin and URLs)."""
    got = f" ({size / 1e6:.1f} MB)" if size is not None else ""
    return SourceError(f"{label} is too large{got}; the limit is {max_bytes / 1e6:g} MB.")
