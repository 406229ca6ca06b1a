"""Plain records the store hands out: no database handle ever leaves the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from reader.anchoring import same_words


def text_hash(text: str) -> str:
    """sha256 of the text as decoded: the article's identity and the analysis cache key."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def now() -> str:
    """UTC timestamp with microseconds, so "most recently read" orders reliably."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    hash: str
    title: str
    source: str
    kind: str
    text: str
    added: str
    last_opened: str
    position: int
    #: Who wrote it and when, as its source said (an HTML page's metadata); "" when unknown.
    byline: str = ""
    date: str = ""
    #: Ever opened to read (`reader add` files articles unread: "Last read" says "never").
    opened: bool = True
    #: The title is the reader's own (T), kept when the text is read again or put back.
    title_set: bool = False


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    title: str
    source: str
    added: str
    last_opened: str
    #: From the newest cached analysis; None when the article was never analysed.
    quotes: int | None
    speakers: int | None
    #: Highlights with a note written on them (the library's Notes column).
    notes: int
    #: Every place the article was opened from, newest first.
    sources: tuple[SourceSeen, ...] = ()
    #: Every highlight, with a note or not (what deleting the article deletes).
    highlights: int = 0
    #: Ever opened to read (`reader add` files articles unread: "Last read" says "never").
    opened: bool = True


@dataclass(frozen=True, slots=True)
class Annotation:
    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    color: int
    note: str
    created: str
    updated: str
    #: True when re-anchoring could not find the passage in the current text.
    orphaned: bool = False
    #: Stable identity for exports (the W3C annotation's IRI is urn:uuid:<uuid>).
    uuid: str = ""
    #: Changes on every write: a save names the revision it saw (compare-and-swap).
    revision: int = 0
    #: The text (by hash) the selectors point into: the article's current text, or for an
    #: orphan the earlier version it was last found in (Store.article_version).
    text_hash: str = ""
    #: The words the note was written about, and the text (by hash) in which the passage last
    #: read so: kept when the article's text changed them (a version of the article stays).
    written_exact: str = ""
    written_hash: str = ""

    @property
    def changed(self) -> bool:
        """True when the passage is found in the current text but its words are no longer
        those the note was written about (spacing, punctuation and case aside)."""
        return (
            bool(self.written_exact)
            and not self.orphaned
            and not same_words(self.exact, self.written_exact)
        )

    @property
    def change_key(self) -> str:
        """Which change a "passage changed" notice is about: the passage's words now and the
        words it was written about, not the whole text's hash, so an edit elsewhere in the
        article does not announce the same change again."""
        return text_hash(f"{self.exact}\0{self.written_exact}")


@dataclass(frozen=True, slots=True)
class Highlighted:
    """What highlighting a passage did (Store.highlight).

    "added": a new annotation; "existing": the passage was already highlighted, nothing
    changed; "merged": the highlights it overlapped became one, `annotation`, covering them
    all. `replaced` holds those highlights as they were, for undo.
    """

    outcome: Literal["added", "existing", "merged"]
    annotation: Annotation
    replaced: tuple[Annotation, ...] = ()


@dataclass(frozen=True, slots=True)
class NoteSaved:
    """What saving a note did (Store.save_note).

    "saved": nobody else had changed the annotation; "merged": another window had, and both
    edits went in cleanly; "conflict": both changed the same words, so both texts are kept in
    the note, marked; "restored": another window had deleted the highlight, so it is back
    with the note. `before` is the annotation as it was just before (None when restored).
    """

    outcome: Literal["saved", "merged", "conflict", "restored"]
    annotation: Annotation
    before: Annotation | None


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """An earlier text of an article, kept while notes point into it."""

    article_id: int
    hash: str
    title: str
    text: str
    added: str
    replaced: str


@dataclass(frozen=True, slots=True)
class SourceSeen:
    """A place an article was opened from, and when it last was."""

    source: str
    opened: str
