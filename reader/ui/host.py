"""What a screen may ask of the app, so that screens never import the app module."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from reader.analysis.runner import Runner
    from reader.people.named import NamesCache
    from reader.store import ArticleRecord, Store


class ReaderHost(Protocol):
    """The app as the article screen sees it: the store, and a runner started early."""

    store: Store
    #: Titles typed with `T` and escaped, by article id (kept while the app runs).
    title_drafts: dict[int, str]
    #: The library's merged names of speakers, read again only when the speakers change.
    people_names: NamesCache

    @property
    def store_path(self) -> Path:
        """The library's file, known without opening it (the store may open only later)."""
        ...

    def take_runner(self) -> Runner | None: ...

    async def ready_record(self, record: ArticleRecord) -> ArticleRecord | None:
        """The record once the library has it (saved after the first frame); None: stopping."""
        ...

    def start_taken(self) -> None:
        """The screen has the saved record: a quit typed during the save may leave now."""
