"""One article's notes as every export format reads them (Markdown, CSV, JSON-LD)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reader.analysis.model import Quote
from reader.store.records import Annotation, SourceSeen


@dataclass(frozen=True, slots=True)
class ArticleNotes:
    """One article's notes, and its quotes (from the cached analysis) for speakers."""

    title: str
    source: str
    annotations: Sequence[Annotation]
    quotes: Sequence[Quote] = field(default_factory=tuple)
    text_hash: str = ""
    #: The article's text, carried by the JSON-LD export so an import can place the notes.
    text: str = ""
    #: Every place the article was opened from, newest first.
    sources: Sequence[SourceSeen] = field(default_factory=tuple)
    #: When it came into the library and was last read ("": never), for an import to keep.
    added: str = ""
    last_read: str = ""
    #: The page's byline and date published ("" when it gave none), for citations.
    byline: str = ""
    date: str = ""
    #: Each speaker's role, by name, to sign their quotes ("Tom Becker, councilman").
    roles: Mapping[str, str] = field(default_factory=dict)
