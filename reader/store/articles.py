"""Articles: saved by content hash, with the last-read time and the reading position."""

from __future__ import annotations

from typing import Any, Protocol

from sqlite_utils import Database

from reader.errors import StoreError
from reader.sanitize import one_line
from reader.store import search_index
from reader.store.records import ArticleRecord, ArticleSummary, ArticleVersion, now, text_hash

#: Sources that do not name a place the same article can be read from again.
TRANSIENT_SOURCES = {"", "-", "<stdin>", "stdin"}


class DocumentLike(Protocol):
    title: str
    source: str
    text: str
    kind: str


def to_record(row: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(
        id=row["id"],
        hash=row["hash"],
        title=row["title"],
        source=row["source"],
        kind=row["kind"],
        text=row["text"],
        added=row["added"],
        last_opened=row["last_opened"],
        position=row["position"],
        byline=row.get("byline") or "",
        date=row.get("date") or "",
        opened=bool(row.get("opened", 1)),
        title_set=bool(row.get("title_set", 0)),
    )


def get(db: Database, article_id: int) -> ArticleRecord | None:
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    return to_record(rows[0]) if rows else None


def by_hash(db: Database, digest: str) -> ArticleRecord | None:
    rows = list(db.query("SELECT * FROM articles WHERE hash = ?", [digest]))
    return to_record(rows[0]) if rows else None


def by_source(db: Database, source: str) -> ArticleRecord | None:
    """The article last read from this place: only absolute paths and URLs name one place."""
    if source in TRANSIENT_SOURCES or not (source.startswith("/") or "://" in source):
        return None
    rows = list(
        db.query(
            "SELECT a.* FROM articles a JOIN article_sources s ON s.article_id = a.id "
            "WHERE s.source = ? ORDER BY s.opened DESC LIMIT 1",
            [source],
        )
    )
    return to_record(rows[0]) if rows else None


def insert(db: Database, document: DocumentLike) -> int:
    stamp = now()
    text = document.text
    cursor = db.execute(
        # A record put back (deleted in another window) keeps a title the reader chose.
        "INSERT INTO articles (hash, title, source, kind, text, added, last_opened, position, "
        "byline, date, title_set) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
        [
            text_hash(text),
            document.title,
            document.source,
            getattr(document, "kind", "text") or "text",
            text,
            stamp,
            stamp,
            getattr(document, "byline", "") or "",
            getattr(document, "date", "") or "",
            int(bool(getattr(document, "title_set", False))),
        ],
    )
    assert cursor.lastrowid is not None
    search_index.index_article(db, cursor.lastrowid)
    return cursor.lastrowid


def keep_metadata(db: Database, article_id: int, document: DocumentLike) -> None:
    """What the source says of its author and date now (a page re-read may have gained them);
    a source that says nothing (a text file) leaves what the library knows."""
    byline = getattr(document, "byline", "") or ""
    date = getattr(document, "date", "") or ""
    if byline or date:
        db.execute(
            "UPDATE articles SET byline = ?, date = ? WHERE id = ?", [byline, date, article_id]
        )


def touch(db: Database, article_id: int) -> None:
    """The article is being read now."""
    db.execute(
        "UPDATE articles SET last_opened = ?, opened = 1 WHERE id = ?", [now(), article_id]
    )


def replace_text(db: Database, article_id: int, document: DocumentLike) -> None:
    """The same source now reads differently: keep the article (and its notes), new text.

    The text it had is kept as an earlier version first; prune_versions drops it again once
    re-anchoring has shown that no note points into it. When it was last read is the caller's
    to say (touch): `reader add` of a changed file is no reading.
    """
    db.execute(
        "INSERT OR IGNORE INTO article_versions (article_id, hash, title, text, added, replaced) "
        "SELECT id, hash, title, text, added, ? FROM articles WHERE id = ?",
        [now(), article_id],
    )
    text = document.text
    db.execute(
        # A title the reader chose (set_title) stays: the file's first line is only a guess.
        "UPDATE articles SET hash = ?, title = CASE WHEN title_set THEN title ELSE ? END, "
        "kind = ?, text = ?, position = min(position, ?) WHERE id = ?",
        [
            text_hash(text),
            document.title,
            getattr(document, "kind", "text") or "text",
            text,
            len(text),
            article_id,
        ],
    )
    search_index.index_article(db, article_id)


def set_title(db: Database, article_id: int, title: str, *, own: bool = True) -> None:
    """The reader's own title for an article, kept when its file is read again (a text file's
    title is its first line: an "EDITOR NOTE:" line became the title and the export's
    heading). One line, never empty: StoreError otherwise. `own=False` (an undo back to the
    file's own title) lets the file's title follow its changes again."""
    title = one_line(title).strip()
    if not title:
        raise StoreError("A title needs at least one word.")
    if get(db, article_id) is None:
        raise StoreError(f"No article {article_id} in the library; see `reader library`.")
    db.execute("UPDATE articles SET title = ?, title_set = ? WHERE id = ?",
               [title, int(own), article_id])


def keep_version(db: Database, article_id: int, title: str, text: str) -> None:
    """Keep `text` as an earlier version (a window still showing it saved a note on it)."""
    stamp = now()
    db.execute(
        "INSERT OR IGNORE INTO article_versions (article_id, hash, title, text, added, replaced) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [article_id, text_hash(text), title, text, stamp, stamp],
    )


def prune_versions(db: Database, article_id: int) -> None:
    """Drop the earlier texts no annotation points into any more (nor the current text): an
    orphan's, or the text a changed passage was written about (Annotation.changed)."""
    db.execute(
        "DELETE FROM article_versions WHERE article_id = ? "
        "AND hash = (SELECT hash FROM articles WHERE id = ?)",
        [article_id, article_id],
    )
    db.execute(
        "DELETE FROM article_versions WHERE article_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM annotations n WHERE n.article_id = article_versions.article_id "
        "AND article_versions.hash IN (n.text_hash, n.written_hash))",
        [article_id],
    )


def versions(db: Database, article_id: int) -> list[ArticleVersion]:
    """The article's earlier texts that notes point into, newest first."""
    return [
        ArticleVersion(
            article_id=r["article_id"], hash=r["hash"], title=r["title"], text=r["text"],
            added=r["added"], replaced=r["replaced"],
        )
        for r in db.query(
            "SELECT * FROM article_versions WHERE article_id = ? ORDER BY replaced DESC",
            [article_id],
        )
    ]


def set_position(db: Database, article_id: int, offset: int) -> None:
    """A reading position that moved is reading: "Last read" is the last time the reader
    moved in the article, not the time it was opened (two new users read it so)."""
    db.execute(
        "UPDATE articles SET position = max(0, min(?, length(text))), last_opened = ?, "
        "opened = 1 WHERE id = ?",
        [offset, now(), article_id],
    )


def delete(db: Database, article_id: int) -> None:
    article = get(db, article_id)
    if article is None:
        return
    db.execute("DELETE FROM analysis_cache WHERE text_hash = ?", [article.hash])
    db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def has_any(db: Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


def summaries(db: Database) -> list[ArticleSummary]:
    sql = """
        SELECT a.id, a.title, a.source, a.added, a.last_opened,
               a.opened,
               (SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS highlights,
               (SELECT count(*) FROM annotations n WHERE n.article_id = a.id
                AND trim(n.note, ' ' || char(9, 10, 13)) != '') AS notes,
               c.quotes, c.speakers
        FROM articles a
        LEFT JOIN analysis_cache c ON c.rowid = (
            SELECT c2.rowid FROM analysis_cache c2 WHERE c2.text_hash = a.hash
            ORDER BY c2.created DESC LIMIT 1)
        ORDER BY a.opened DESC, a.last_opened DESC, a.id DESC
    """
    return [
        ArticleSummary(
            id=r["id"],
            title=r["title"],
            source=r["source"],
            added=r["added"],
            last_opened=r["last_opened"],
            quotes=r["quotes"],
            speakers=r["speakers"],
            notes=r["notes"],
            highlights=r["highlights"],
            opened=bool(r["opened"]),
        )
        for r in db.query(sql)
    ]


def find(db: Database, ref: str) -> ArticleRecord:
    """Resolve what a person typed: an id, a hash prefix, a title or a source (or part of one)."""
    ref = ref.strip()
    if not ref:
        raise StoreError("Name an article by its id, title or source.")
    if ref.isdigit() and (article := get(db, int(ref))) is not None:
        return article
    steps: list[tuple[str, list[Any]]] = []
    if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
        steps.append(("hash LIKE ? || '%'", [ref.lower()]))
    steps += [
        (
            "title = ? OR source = ? OR id IN "
            "(SELECT article_id FROM article_sources WHERE source = ?)",
            [ref, ref, ref],
        ),
        # Part of a title or of a source in one step: an article whose title says "church"
        # and another whose address does are two matches, not the first one silently.
        ("instr(lower(title), lower(?)) > 0 OR instr(lower(source), lower(?)) > 0",
         [ref, ref]),
    ]
    for where, params in steps:
        rows = list(
            db.query(f"SELECT * FROM articles WHERE {where} ORDER BY last_opened DESC", params)
        )
        if len(rows) == 1:
            return to_record(rows[0])
        if len(rows) > 1:
            names = ", ".join(f"{r['id']} “{one_line(r['title'], 40)}”" for r in rows[:5])
            more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
            raise StoreError(f"{len(rows)} articles match {ref!r}: {names}{more}; "
                             "be more precise, or give the id.")
    raise StoreError(f"No article in the library matches {ref!r}; see `reader library`.")
