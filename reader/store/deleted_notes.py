"""Deleted highlights and notes kept in the library, so a note deleted by mistake can be put
back after the window that deleted it has quit (`u` only undoes within one window's life).

Every delete (`x`, a deleted article's notes) copies the annotations into the table
`deleted_notes` in the same transaction: no delete without its copy. `reader notes --deleted`
lists them, `reader notes --restore N` puts one back, placed by its passage's words on the
article's text as it is now (an orphan, never dropped, when they are gone). The table is made
by the first delete, not by a migration: a library nobody deleted in stays as it was, and a
reader of the same schema that knows nothing of the table opens it as before.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, fields, replace
from typing import Any

from sqlite_utils import Database

from reader.errors import StoreError
from reader.store import annotations as notes
from reader.store import articles
from reader.store.ann_ids import DELETED_TABLE, gone
from reader.store.records import Annotation, ArticleRecord, now

TABLE = DELETED_TABLE


@dataclass(frozen=True, slots=True)
class DeletedNote:
    """One deleted annotation: `number` is what `reader notes --restore` takes."""

    number: int
    deleted: str
    article_title: str
    article_here: bool
    annotation: Annotation


def _ensure(db: Database) -> None:
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "number INTEGER PRIMARY KEY AUTOINCREMENT, deleted TEXT NOT NULL, "
        "article_id INTEGER, article_added TEXT NOT NULL, article_hash TEXT NOT NULL, "
        "article_title TEXT NOT NULL, uuid TEXT NOT NULL, annotation TEXT NOT NULL, "
        "article_source TEXT NOT NULL DEFAULT '')"
    )
    db.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_uuid ON {TABLE} (uuid)")
    if "article_source" not in db[TABLE].columns_dict:  # made before the source was kept
        db[TABLE].add_column("article_source", str, not_null_default="")


#: What a row written by a reader that knew fewer fields gets for those it lacks.
_BLANK = {"id": 0, "article_id": 0, "start": 0, "end": 0, "exact": "", "prefix": "",
          "suffix": "", "color": 1, "note": "", "created": "", "updated": ""}


def _annotation(data: str) -> Annotation:
    """A kept annotation from its JSON as any reader wrote it: the fields this one knows, the
    defaults for those it lacks, the rest (a newer reader's) left aside, never a traceback."""
    try:
        kept = json.loads(data)
    except ValueError:
        kept = {}
    if not isinstance(kept, dict):
        kept = {}
    values: dict[str, Any] = {}
    for field in fields(Annotation):
        if field.name in kept:
            values[field.name] = kept[field.name]
        elif field.default is MISSING:
            values[field.name] = _BLANK[field.name]
    return Annotation(**values)


def _exists(db: Database) -> bool:
    return db[TABLE].exists()


def keep(db: Database, anns: list[Annotation], article: ArticleRecord) -> None:
    """Copy `anns` (of `article`, about to be deleted) into the table; inside the delete's
    transaction."""
    if not anns:
        return
    _ensure(db)
    stamp = now()
    # One row per highlight: an earlier row of the same one (deleted, brought back by another
    # window's save, deleted again) would list it twice and could put its old words back.
    forget(db, [a.uuid for a in anns])
    gone(db, max(a.id for a in anns))  # an article's notes go with it, not by notes.delete
    db.conn.executemany(
        f"INSERT INTO {TABLE} (deleted, article_id, article_added, article_hash, article_title, "
        "uuid, annotation, article_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(stamp, article.id, article.added, article.hash, article.title, a.uuid,
          json.dumps(asdict(a)), article.source) for a in anns],
    )


def keep_article(db: Database, article_id: int) -> None:
    """Before an article is deleted with its notes: keep its notes."""
    article = articles.get(db, article_id)
    if article is not None:
        keep(db, notes.for_article(db, article_id), article)


def forget(db: Database, uuids: list[str]) -> None:
    """These annotations are back (undo): no longer listed as deleted."""
    if uuids and _exists(db):
        db.conn.executemany(f"DELETE FROM {TABLE} WHERE uuid = ?", [(u,) for u in uuids])


def listing(db: Database) -> list[DeletedNote]:
    """Newest first; not those back in the library by another way (another window's save
    on a highlight this one deleted brings it back, an import). Each article is looked up
    once, by id, date and hash only: never its text (a book is megabytes)."""
    if not _exists(db):
        return []
    rows = db.execute(
        f"SELECT number, deleted, article_id, article_added, article_hash, {_source(db)}, "
        f"article_title, annotation FROM {TABLE} WHERE uuid NOT IN (SELECT uuid FROM annotations) "
        "ORDER BY number DESC"
    ).fetchall()
    here: dict[tuple[int, str, str, str], bool] = {}
    listed = []
    for number, deleted, article_id, added, digest, source, title, data in rows:
        key = (article_id, added, digest, source)
        if key not in here:
            here[key] = _article_id(db, *key) is not None
        listed.append(DeletedNote(number, deleted, title, here[key],
                                  _annotation(data)))
    return listed


def _source(db: Database) -> str:
    """The kept source column, or '' for a table made before it was kept."""
    return "article_source" if "article_source" in db[TABLE].columns_dict else "''"


def _article_id(
    db: Database, article_id: int, added: str, digest: str, source: str
) -> int | None:
    """The article the note was deleted from: the same id added at the same time (SQLite
    gives a deleted article's id to the next one added), else the same text added again,
    else the article read from the same file or address now (its text changed since: the
    note is placed by its words, or kept with the orphans)."""
    row = db.execute(
        "SELECT id FROM articles WHERE id = ? AND added = ? UNION ALL "
        "SELECT id FROM articles WHERE hash = ? LIMIT 1",
        [article_id, added, digest],
    ).fetchone()
    if row is None and _one_place(source):
        row = db.execute(
            "SELECT id FROM articles WHERE source = ? UNION ALL "
            "SELECT article_id FROM article_sources WHERE source = ? LIMIT 1",
            [source, source],
        ).fetchone()
    return int(row[0]) if row else None


def _one_place(source: str) -> bool:
    """Only absolute paths and URLs name one place (as articles.by_source)."""
    return source not in articles.TRANSIENT_SOURCES and (
        source.startswith("/") or "://" in source
    )


def notes_with_uuid(db: Database, uuid: str) -> bool:
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM annotations WHERE uuid = ?)", [uuid]
    ).fetchone()[0] == 1


def restore(db: Database, number: int) -> Annotation:
    """Put deleted annotation `number` back, placed on its article's text as it is now
    (merged into a highlight there now: _merged);
    inside a write transaction. StoreError when there is no such number, or its article is
    not in the library (its text or its file added again lets it be restored)."""
    row = db.execute(
        f"SELECT article_id, article_added, article_hash, {_source(db)}, uuid, article_title, "
        f"annotation FROM {TABLE} WHERE number = ?",
        [number],
    ).fetchone() if _exists(db) else None
    if row is None:
        raise StoreError(f"No deleted note numbered {number}: reader notes --deleted lists them.")
    if notes_with_uuid(db, row[4]):
        raise StoreError(f"Deleted note {number} is already back in the library.")
    found_id = _article_id(db, *row[:4])
    article = articles.get(db, found_id) if found_id is not None else None
    if article is None:
        again = f"reader add {row[3]}" if _one_place(row[3]) else "reader add FILE with its text"
        raise StoreError(
            f"The article of deleted note {number} (“{row[5]}”) is not in the library: add it "
            f"again ({again}), then restore the note; it is placed by its words, or kept with "
            "the orphans if they are gone."
        )
    ann = _annotation(row[6])
    new_id = notes.restore_free(db, replace(ann, article_id=article.id), article.hash)
    notes.reanchor(db, article.id, article.text, only=new_id)  # not the article's 2,000 others
    db.execute(f"DELETE FROM {TABLE} WHERE number = ?", [number])
    restored = notes.get(db, new_id)
    assert restored is not None
    return _merged(db, restored, article.text)


def _merged(db: Database, back: Annotation, text: str) -> Annotation:
    """Never two highlights on one passage (Store.highlight's promise): a note put back where
    a highlight is now joins it as highlight() joins them: inside one, its note is added to
    that one's; over several, the first in text order covers them all with every note. The
    annotation that holds the note is returned (its uuid differs from the note's: merged)."""
    if back.orphaned:
        return back
    touching = [a for a in notes.overlapping(db, back.article_id, back.start, back.end)
                if a.id != back.id]
    if not touching:
        return back
    around = next((a for a in touching if a.start <= back.start and back.end <= a.end), None)
    if around is not None:
        notes.delete(db, back.id)
        if back.note.strip():
            notes.update(db, around.id, note=notes.added_note(around.note, back.note), color=None)
        kept = around.id
    else:
        every = sorted([*touching, back], key=lambda a: (a.start, a.end, a.id))
        kept = every[0].id
        notes.move(db, kept, text, min(a.start for a in every), max(a.end for a in every),
                   notes.merged_note([a.note for a in every]))
        for ann in every[1:]:
            notes.delete(db, ann.id)
    merged = notes.get(db, kept)
    assert merged is not None
    return merged
