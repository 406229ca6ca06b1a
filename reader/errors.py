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


class AnalysisProcessError(ReaderError):
    """The analysis process crashed or stopped; the article is still readable without it."""
