"""Highlights and notes, anchored by both W3C selectors so they survive edits of the text."""

from __future__ import annotations

import secrets
import uuid as uuidlib
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from reader.anchoring import Anchor, Selector, anchor, same_words, selector_for
from reader.errors import StoreError
from reader.store.ann_ids import gone, next_id
from reader.store.merge import extends
from reader.store.records import Annotation, now, text_hash

COLUMNS = (
    'id, article_id, start, "end", exact, prefix, suffix, color, note, created, updated, '
    "orphaned, uuid, revision, text_hash, written_exact, written_hash"
)


def new_revision() -> int:
    """A fresh revision for a written row: random, so one never comes back after an undo."""
    return secrets.randbits(62)


def to_annotation(row: dict[str, Any]) -> Annotation:
    return Annotation(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        color=row["color"],
        note=row["note"],
        created=row["created"],
        updated=row["updated"],
        orphaned=bool(row["orphaned"]),
        uuid=row["uuid"],
        revision=row["revision"],
        text_hash=row["text_hash"],
        written_exact=row["written_exact"],
        written_hash=row["written_hash"],
    )


def check_color(color: int) -> None:
    if not isinstance(color, int) or not 1 <= color <= 5:
        raise StoreError(f"Highlight colour must be 1 to 5, not {color!r}.")


def get(db: Database, ann_id: int) -> Annotation | None:
    rows = list(db.query(f"SELECT {COLUMNS} FROM annotations WHERE id = ?", [ann_id]))
    return to_annotation(rows[0]) if rows else None


def for_article(db: Database, article_id: int) -> list[Annotation]:
    """Text order; orphans last (they have no place in the text any more)."""
    return [
        to_annotation(r)
        for r in db.query(
            f"SELECT {COLUMNS} FROM annotations WHERE article_id = ? "
            'ORDER BY orphaned, start, "end", id',
            [article_id],
        )
    ]


def overlapping(db: Database, article_id: int, start: int, end: int) -> list[Annotation]:
    """The article's highlights in the text (orphans have no place) sharing a character with
    [start, end), in text order."""
    return [
        to_annotation(r)
        for r in db.query(
            f"SELECT {COLUMNS} FROM annotations WHERE article_id = ? AND orphaned = 0 "
            'AND start < ? AND "end" > ? ORDER BY start, "end", id',
            [article_id, end, start],
        )
    ]


def merged_note(notes: list[str]) -> str:
    """The notes of merged highlights, in text order, as paragraphs of one note."""
    return "\n\n".join(n.strip() for n in notes if n.strip())


def added_note(existing: str, note: str) -> str:
    """`note` added to a highlight's note as a paragraph of its own, unless one of the two
    holds the other whole (`merge.extends`: words added before or after), which then stands
    for both: the same draft stored from two windows (each offered it) is not kept twice."""
    if extends(existing, note):
        return existing
    if extends(note, existing):
        return note.strip()
    return merged_note([existing, note])


def move(db: Database, ann_id: int, text: str, start: int, end: int, note: str) -> None:
    """Give an annotation a new span of the text (both selectors) and note."""
    if not 0 <= start < end <= len(text):
        raise StoreError(f"A highlight must cover some of the text (got {start}..{end}).")
    sel = selector_for(text, start, end)
    digest = text_hash(text)
    db.execute(
        'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
        "note = ?, updated = ?, revision = ?, text_hash = ?, written_exact = ?, "
        "written_hash = ? WHERE id = ?",
        [
            sel.start, sel.end, sel.exact, sel.prefix, sel.suffix, note, now(), new_revision(),
            digest, sel.exact, digest, ann_id,
        ],
    )


def place(current: str, shown: str, start: int, end: int) -> tuple[int, int] | None:
    """Where [start, end) of `shown` (the text a window shows) is in the article's `current`
    text: the same span when they are one text (the usual case), else where re-anchoring
    finds the passage (another window reopened the article with a new text); None when the
    passage is not in the current text."""
    if shown == current:
        return start, end
    if not 0 <= start < end <= len(shown):
        raise StoreError(f"A highlight must cover some of the text (got {start}..{end}).")
    found = anchor(current, selector_for(shown, start, end), shown)
    return None if found is None else (found.start, found.end)


def add(
    db: Database,
    article_id: int,
    text: str,
    start: int,
    end: int,
    color: int,
    note: str,
    *,
    orphaned: bool = False,
    written: tuple[str, str] | None = None,
) -> int:
    """A new annotation on text[start:end]; `orphaned` when `text` is an earlier version;
    `written` (words, text hash) when the note was written about other words than are there
    now (placed from a window that still shows an earlier version)."""
    check_color(color)
    if not 0 <= start < end <= len(text):
        raise StoreError(f"A highlight must cover some of the text (got {start}..{end}).")
    sel = selector_for(text, start, end)
    stamp = now()
    table = db.table("annotations")
    table.insert(
        {
            "id": next_id(db),  # never a deleted highlight's (ann_ids)
            "article_id": article_id,
            "start": sel.start,
            "end": sel.end,
            "exact": sel.exact,
            "prefix": sel.prefix,
            "suffix": sel.suffix,
            "color": color,
            "note": note,
            "created": stamp,
            "updated": stamp,
            "orphaned": int(orphaned),
            "uuid": str(uuidlib.uuid4()),
            "revision": new_revision(),
            "text_hash": text_hash(text),
            "written_exact": written[0] if written else sel.exact,
            "written_hash": written[1] if written else text_hash(text),
        }
    )
    assert table.last_pk is not None
    return int(table.last_pk)


def update(db: Database, ann_id: int, *, note: str | None, color: int | None) -> None:
    changes: dict[str, Any] = {}
    if note is not None:
        changes["note"] = note
    if color is not None:
        check_color(color)
        changes["color"] = color
    if not changes:
        return
    changes["updated"] = now()
    changes["revision"] = new_revision()
    sets = ", ".join(f"{k} = ?" for k in changes)
    db.execute(f"UPDATE annotations SET {sets} WHERE id = ?", [*changes.values(), ann_id])


def save_note_if(db: Database, ann_id: int, revision: int, note: str) -> bool:
    """Compare-and-swap: write the note only over the revision the editor started from."""
    cursor = db.execute(
        "UPDATE annotations SET note = ?, updated = ?, revision = ? "
        "WHERE id = ? AND revision = ?",
        [note, now(), new_revision(), ann_id, revision],
    )
    return cursor.rowcount == 1


def delete(db: Database, ann_id: int) -> None:
    gone(db, ann_id)  # its id is never given to another highlight
    db.execute("DELETE FROM annotations WHERE id = ?", [ann_id])


def restore(db: Database, ann: Annotation, current_hash: str) -> None:
    """Put back exactly what was deleted, under the same id (undo). The revision too: it names
    that content, so a window that saw it may save over it again."""
    db.table("annotations").insert(
        {
            "id": ann.id,
            "article_id": ann.article_id,
            "start": ann.start,
            "end": ann.end,
            "exact": ann.exact,
            "prefix": ann.prefix,
            "suffix": ann.suffix,
            "color": ann.color,
            "note": ann.note,
            "created": ann.created,
            "updated": ann.updated,
            "orphaned": int(ann.orphaned),
            "uuid": ann.uuid or str(uuidlib.uuid4()),
            "revision": ann.revision or new_revision(),
            "text_hash": ann.text_hash or current_hash,
            "written_exact": ann.written_exact or ann.exact,
            "written_hash": ann.written_hash or ann.text_hash or current_hash,
        },
        replace=True,
    )


def restore_free(db: Database, ann: Annotation, current_hash: str) -> int:
    """restore(), under a new id when a newer highlight has taken the old one (SQLite gives a
    deleted row's id to the next insert): never over it. Returns the id it has."""
    if get(db, ann.id) is None:
        restore(db, ann, current_hash)
        return ann.id
    new_id = next_id(db)  # never a deleted highlight's (ann_ids)
    restore(db, replace(ann, id=new_id), current_hash)
    return new_id


def reanchor(db: Database, article_id: int, text: str, *, only: int | None = None) -> None:
    """Move every annotation of the article onto `text`; flag (never drop) what is gone.

    An orphan keeps its selectors and the hash of the text they point into, so that earlier
    version of the article stays in the library (articles.prune_versions keeps it). A passage
    found with other words than those its note was written about (an approximate match: a
    name or a "not" changed) is placed where it is now, but keeps those words and the hash of
    the text they were in (that version stays too): `Annotation.changed` says so. With
    `only`, that one annotation alone (a deleted note put back).
    """
    digest = text_hash(text)
    texts: dict[str, str | None] = {digest: text}  # each earlier version read once
    placed = get(db, only) if only is not None else None
    for ann in for_article(db, article_id) if only is None else [placed] if placed else []:
        sel = Selector(ann.start, ann.end, ann.exact, ann.prefix, ann.suffix)
        if ann.text_hash not in texts:
            texts[ann.text_hash] = _version(db, article_id, ann.text_hash)
        written = texts[ann.text_hash]
        found = _as_written(text, ann, written) or anchor(text, sel, written)
        if found is None:
            if not ann.orphaned:
                # Keep the old selectors: the passage may come back in a later version.
                db.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [ann.id])
            continue
        new = selector_for(text, found.start, found.end)
        written = ann.written_exact or ann.exact
        as_written = same_words(new.exact, written)
        written_hash = digest if as_written else (ann.written_hash or ann.text_hash)
        if new == sel and not ann.orphaned and ann.text_hash == digest and (
            written_hash == ann.written_hash
        ):
            continue
        if as_written and ann.changed:
            # Back to the words it was written about: a later change, even to the same words
            # as before (A, B, A, B), is a newer version to tell of again.
            db.execute("DELETE FROM changes_told WHERE annotation_id = ?", [ann.id])
        db.execute(
            'UPDATE annotations SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
            "orphaned = 0, text_hash = ?, revision = ?, written_exact = ?, written_hash = ? "
            "WHERE id = ?",
            [new.start, new.end, new.exact, new.prefix, new.suffix, digest, new_revision(),
             written if not as_written else new.exact, written_hash, ann.id],
        )


def _version(db: Database, article_id: int, digest: str) -> str | None:
    """The text a note's offsets are in (its text_hash): kept as an earlier version."""
    rows = list(db.query(
        "SELECT text FROM article_versions WHERE article_id = ? AND hash = ? LIMIT 1",
        [article_id, digest],
    ))
    return str(rows[0]["text"]) if rows else None


def _as_written(text: str, ann: Annotation, written: str | None) -> Anchor | None:
    """A changed passage whose words it was written about are back (the file restored): there,
    exactly, rather than wherever the changed words best match. An approximate match counts
    when its words are those (a comma for a full stop where an attribution was added)."""
    if not ann.written_exact or same_words(ann.written_exact, ann.exact):
        return None
    sel = Selector(ann.start, ann.end, ann.written_exact, ann.prefix, ann.suffix)
    found = anchor(text, sel, written)
    if found is None or (
        found.method == "fuzzy"
        and not same_words(text[found.start : found.end], ann.written_exact)
    ):
        return None
    return found
