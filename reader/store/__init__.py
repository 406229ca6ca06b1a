"""Persistence for the reader: library, annotations and analysis cache in SQLite.

Never imports Textual (or spaCy): the CLI and tests use it headless. The names below are
imported when first used, so `reader.store.peek` and `reader.store.records` load without
sqlite-utils (the article's first frame needs neither it nor the store).
"""

# No `from __future__ import annotations` here: it would shadow the `annotations` submodule.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.store.records import (
        Annotation,
        ArticleRecord,
        ArticleSummary,
        Highlighted,
        text_hash,
    )
    from reader.store.store import Store

__all__ = [
    "Annotation", "ArticleRecord", "ArticleSummary", "Highlighted", "Store", "text_hash",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from reader.store.store import Store

        return Store
    if name in __all__:
        from reader.store import records

        return getattr(records, name)
    raise AttributeError(f"module 'reader.store' has no attribute {name!r}")
