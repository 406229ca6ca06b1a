"""Notes brought in from another library (`reader notes --import`): each text is added once
(by content hash), each annotation once (by its UUID), placed on its text by the text's hash,
by a source the article was opened from, or by re-anchoring its selectors in the library."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from reader.anchoring import Selector, anchor, same_words, selector_for
from reader.store import annotations as notes
from reader.store import articles
from reader.store.ann_ids import next_id
from reader.store.merge import extends
from reader.store.records import SourceSeen, now, text_hash


@dataclass(frozen=True, slots=True)
class ImportedText:
    title: str
    text: str
    sources: tuple[SourceSeen, ...] = ()
    #: When the other library added it and last read it ("": never; both "" in older files).
    added: str = ""
    last_read: str = ""


@dataclass(frozen=True, slots=True)
class ImportedNote:
    selector: Selector
    #: False when the exported position was stale (an orphan): only the quote is trusted.
    has_position: bool
    color: int
    note: str
    created: str
    updated: str
    uuid: str = ""
    text_hash: str = ""
    source: str = ""
    #: The words the note was written about, when its passage had changed since ("": the
    #: selector's own).
    written_exact: str = ""


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    present: int = 0
    #: Of those present, the ones whose note the file had with other words: merged in.
    updated: int = 0
    orphaned: int = 0
    #: Annotations no text in the library could take (their selectors are kept nowhere).
    unplaced: list[ImportedNote] = field(default_factory=list)


def add_text(db: Database, item: ImportedText) -> int:
    """The article with this text, added when the library lacks it; its sources merged in."""
    existing = articles.by_hash(db, text_hash(item.text))
    if existing is not None:
        article_id = existing.id
    else:
        source = item.sources[0].source if item.sources else ""
        article_id = articles.insert(db, _Doc(item.title, source, item.text))
    for seen in item.sources:
        db.execute(
            "INSERT INTO article_sources (article_id, source, opened) VALUES (?, ?, ?) "
            "ON CONFLICT (article_id, source) DO UPDATE SET opened = max(opened, excluded.opened)",
            [article_id, seen.source, seen.opened],
        )
    if existing is None and item.added:  # as the other library had it
        db.execute(
            "UPDATE articles SET added = ?, last_opened = ?, opened = ? WHERE id = ?",
            [item.added, item.last_read or item.added, int(bool(item.last_read)), article_id],
        )
    elif existing is None and item.sources:  # a file from before: guessed from the sources
        # Read when it was read there, so the library keeps its order across machines; the
        # file does not say whether it was ever opened there: opened from two places, or from
        # one at two times, it was.
        opened = [seen.opened for seen in item.sources]
        db.execute(
            "UPDATE articles SET added = ?, last_opened = ?, opened = ? WHERE id = ?",
            [min(opened), max(opened), int(min(opened) != max(opened)), article_id],
        )
    return article_id


#: Between the two texts of a note that both libraries rewrote (as two windows' edits are kept).
IMPORT_LINE = "── also written in another library ──"


def joined_note(ours: str, ours_updated: str, theirs: str, theirs_updated: str) -> str:
    """The note once the file's version of it is in: the text that is the other with words
    added before or after (an addition on either side), else both, the older first, under
    IMPORT_LINE. Line ends do not count: a note is the same whether its lines end in \\n
    or \\r\\n (a library that took such a note in before keeps it so)."""
    if lf_line_ends(ours) == lf_line_ends(theirs):
        return ours
    if extends(ours, theirs):
        return ours
    if extends(theirs, ours):
        return theirs
    older, newer = (ours, theirs) if ours_updated <= theirs_updated else (theirs, ours)
    return f"{older.rstrip()}\n\n{IMPORT_LINE}\n{newer.strip()}"


def lf_line_ends(note: str) -> str:
    """A note's lines as the editor keeps them, ending in \\n (not \\r\\n nor \\r)."""
    return note.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class _Doc:
    title: str
    source: str
    text: str
    kind: str = "text"


def find_article(db: Database, item: ImportedNote) -> int | None:
    """The text's hash first (current text or a kept version), then a source the article was
    opened from, then the one article whose text the passage re-anchors into."""
    if item.text_hash:
        if (same := articles.by_hash(db, item.text_hash)) is not None:
            return same.id
        row = db.execute(
            "SELECT article_id FROM article_versions WHERE hash = ? LIMIT 1", [item.text_hash]
        ).fetchone()
        if row is not None:
            return int(row[0])
    if item.source:
        row = db.execute(
            "SELECT article_id FROM article_sources WHERE source = ? ORDER BY opened DESC "
            "LIMIT 1",
            [item.source],
        ).fetchone()
        if row is not None:
            return int(row[0])
    found = [
        int(r["id"])
        for r in db.query("SELECT id, text FROM articles WHERE instr(text, ?) > 0",
                          [item.selector.exact])
        if anchor(r["text"], item.selector) is not None
    ]
    return found[0] if len(found) == 1 else None


def add_note(db: Database, item: ImportedNote, result: ImportResult) -> None:
    present = item.uuid and db.execute(
        "SELECT id, note, updated FROM annotations WHERE uuid = ?", [item.uuid]
    ).fetchone()
    if present:
        result.present += 1
        ann_id, ours, when = present
        note = joined_note(ours, when, item.note, item.updated)
        if note != ours:
            # Edited in the other library since: its words were dropped as "already here".
            notes.update(db, ann_id, note=note, color=None)
            result.updated += 1
        return
    article_id = find_article(db, item)
    if article_id is None:
        result.unplaced.append(item)
        return
    article = articles.get(db, article_id)
    assert article is not None
    sel = item.selector
    if not item.has_position:
        sel = Selector(0, 0, sel.exact, sel.prefix, sel.suffix)
    found = anchor(article.text, sel)
    if found is not None:
        placed = selector_for(article.text, found.start, found.end)
        orphaned, digest = False, article.hash
    else:
        placed, orphaned = sel, True
        digest = item.text_hash or article.hash
        result.orphaned += 1
    written = item.written_exact or item.selector.exact
    # Placed on other words than it was written about (the library's text differs): keep
    # those words, as re-anchoring does; the text they were in is named if it was known.
    as_written = same_words(placed.exact, written)
    written_hash = digest if as_written else (item.text_hash if item.written_exact == "" else "")
    notes.check_color(item.color)
    db.table("annotations").insert(
        {
            "id": next_id(db),  # never a deleted highlight's (ann_ids)
            "article_id": article_id,
            "start": placed.start,
            "end": placed.end,
            "exact": placed.exact,
            "prefix": placed.prefix,
            "suffix": placed.suffix,
            "color": item.color,
            "note": item.note,
            "created": item.created or now(),
            "updated": item.updated or now(),
            "orphaned": int(orphaned),
            "uuid": item.uuid or str(uuidlib.uuid4()),
            "revision": notes.new_revision(),
            "text_hash": digest,
            "written_exact": placed.exact if as_written else written,
            "written_hash": written_hash,
        }
    )
    result.added += 1
