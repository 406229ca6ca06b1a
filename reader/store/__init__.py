"""Persistence for the reader: library, annotations and analysis cache in SQLite.

Never imports Textual (or spaCy): the CLI and tests use it headless.
"""

from reader.store import _light_import  # noqa: F401  (first: keeps numpy out of start-up)
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
