"""The library's full-text index: every article's paragraphs, every quote with its speaker and
every note, in one FTS5 table kept current by the store's write paths.

Rows live in ``search_rows`` (kind, article, offsets, speaker, body); sqlite-utils'
``enable_fts`` keeps ``search_rows_fts`` in step with it by triggers. Notes are indexed by
triggers on ``annotations`` (every write path there, imports included); texts and quotes by
``index_article``, called where an article's text or its cached analysis changes. Deleting an
article cascades to its rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.fold import spelt_out, spelt_sql
from reader.store import people_rows

#: Where one indexed passage of article text ends: a blank line or a line break.
PARAGRAPH_BREAK = re.compile(r"\n+")

KINDS = ("text", "quote", "note")
#: The longest passage of text indexed as one row.
PIECE_CHARS = 1000
#: Rows of one article past which FTS5 is kept in step in one statement, not by its triggers.
BULK_ROWS = 2000
_ROWS_OF = "FROM search_rows WHERE article_id = ? AND kind IN ('text', 'quote')"
#: The index's columns: each row's words, and them with umlauts spelt out (reader.fold), for
#: a typed "Mueller" to find "Müller" without "Joe" finding "Jo".
FTS_COLUMNS = ["body", "speaker", "body_spelt", "speaker_spelt"]
_FTS = ", ".join(FTS_COLUMNS)
TOKENIZE = "porter unicode61"


def create(db: Database) -> None:
    """The tables, the FTS5 index and the triggers that index notes (a migration step)."""
    db.execute(
        """
        CREATE TABLE search_rows (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('text', 'quote', 'note')),
            ref INTEGER NOT NULL DEFAULT 0,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            body_spelt TEXT NOT NULL DEFAULT '',
            speaker_spelt TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX search_rows_article ON search_rows(article_id, kind)")
    db.execute("CREATE INDEX search_rows_ref ON search_rows(kind, ref)")
    db.table("search_rows").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=TOKENIZE)
    db.execute(
        """
        CREATE TABLE quote_rows (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            qid INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker TEXT,
            mention TEXT,
            cue TEXT,
            rule TEXT,
            words INTEGER NOT NULL,
            text TEXT NOT NULL,
            confidence REAL,
            PRIMARY KEY (article_id, qid)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE speaker_rows (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            aliases TEXT NOT NULL,
            role TEXT,
            kind TEXT NOT NULL,
            gender TEXT NOT NULL,
            gender_by TEXT NOT NULL,
            quotes INTEGER NOT NULL,
            words INTEGER NOT NULL,
            PRIMARY KEY (article_id, name)
        )
        """
    )
    _note_triggers(db)


def _note_triggers(db: Database) -> None:
    """The triggers that keep each note's row (its words, and them with umlauts spelt out)."""
    note_row = (
        "INSERT INTO search_rows (article_id, kind, ref, start, \"end\", body, body_spelt) "
        "SELECT new.article_id, 'note', new.id, new.start, new.\"end\", new.note, "
        f"{spelt_sql('new.note')} WHERE new.note != '';"
    )
    drop_row = "DELETE FROM search_rows WHERE kind = 'note' AND ref = old.id;"
    on = "CREATE TRIGGER annotations_search_{} AFTER {} ON annotations BEGIN {} END"
    db.execute(on.format("ai", "INSERT", note_row))
    db.execute(on.format("ad", "DELETE", drop_row))
    db.execute(
        "CREATE TRIGGER annotations_search_au AFTER UPDATE OF note, start, \"end\", article_id "
        f"ON annotations BEGIN {drop_row} {note_row} END"
    )


def add_spelt(db: Database) -> None:
    """A library indexed before the spelt-out copies: the columns added and filled, the FTS5
    index made again with them, and the notes' triggers made to fill them (a migration)."""
    db.table("search_rows").disable_fts()
    for name in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS annotations_search_{name}")
    db.execute("ALTER TABLE search_rows ADD COLUMN body_spelt TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE search_rows ADD COLUMN speaker_spelt TEXT NOT NULL DEFAULT ''")
    db.execute(f"UPDATE search_rows SET body_spelt = {spelt_sql('body')}, "
               f"speaker_spelt = {spelt_sql('speaker')}")
    db.table("search_rows").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=TOKENIZE)
    _note_triggers(db)


def respell(db: Database) -> None:
    """Each row's spelt-out copy written again by today's `spelt_out`, and the notes' triggers
    made again with it (a migration): copies written before the letters of their own were
    spelt ("Wałęsa") left "Walesa" unfound. Only the rows whose copy changes are written, so
    FTS5's triggers re-index those alone; one statement in the migration's transaction, so an
    interrupted one leaves the old index whole and runs again at the next open."""
    for name in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS annotations_search_{name}")
    _note_triggers(db)
    db.conn.create_function("reader_spelt", 1, spelt_out, deterministic=True)
    db.execute(
        "UPDATE search_rows SET body_spelt = reader_spelt(body), "
        "speaker_spelt = reader_spelt(speaker) "
        "WHERE body_spelt != reader_spelt(body) OR speaker_spelt != reader_spelt(speaker)"
    )


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each indexed passage: a line, cut at sentence ends when it is long (a
    book's one-line chapter), so each match is listed on its own and opens where it is."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if text[start : brk.start()].strip():
            yield from pieces(text, start, brk.start())
        start = brk.end()
    if text[start:].strip():
        yield from pieces(text, start, len(text))


def pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > PIECE_CHARS:
        cut = -1
        for mark in (". ", "? ", "! ", "; ", ", ", " "):
            cut = text.rfind(mark, start + PIECE_CHARS // 2, start + PIECE_CHARS)
            if cut >= 0:
                cut += len(mark)
                break
        if cut < 0:
            cut = start + PIECE_CHARS
        yield start, cut
        start = cut
    yield start, end


def index_article(db: Database, article_id: int) -> None:
    """(Re)index the article's current text and the quotes of its newest cached analysis.

    The caller runs this inside its write transaction, so the index never lags the text.
    """
    row = db.execute("SELECT hash, text FROM articles WHERE id = ?", [article_id]).fetchone()
    old = db.execute(f"SELECT count(*) {_ROWS_OF}", [article_id]).fetchone()[0]
    with _in_bulk(db, "search_rows_ad", old) as bulk:
        if bulk:
            db.execute(
                f"INSERT INTO search_rows_fts (search_rows_fts, rowid, {_FTS}) "
                f"SELECT 'delete', id, {_FTS} {_ROWS_OF}", [article_id])
        db.execute(f"DELETE {_ROWS_OF}", [article_id])
    db.execute("DELETE FROM quote_rows WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM speaker_rows WHERE article_id = ?", [article_id])
    if row is None:
        return
    digest, text = row
    rows: list[tuple[int, str, int, int, str, str]] = [
        (article_id, "text", start, end, "", text[start:end]) for start, end in paragraphs(text)
    ]
    cached = db.execute(
        "SELECT analysis FROM analysis_cache WHERE text_hash = ? ORDER BY created DESC LIMIT 1",
        [digest],
    ).fetchone()
    if cached is not None:
        analysis = Analysis.from_json(cached[0])
        rows += [
            (article_id, "quote", q.start, q.end, q.speaker or "", q.text)
            for q in analysis.quotes
        ]
        people_rows.write(db, article_id, analysis, text)
    last = db.execute("SELECT coalesce(max(id), 0) FROM search_rows").fetchone()[0]
    with _in_bulk(db, "search_rows_ai", len(rows)) as bulk:
        db.conn.executemany(
            'INSERT INTO search_rows (article_id, kind, start, "end", speaker, body, '
            "body_spelt, speaker_spelt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((*row, spelt_out(row[5]), spelt_out(row[4])) for row in rows),
        )
        if bulk:  # the new rows have the ids after the largest (INTEGER PRIMARY KEY)
            db.execute(
                f"INSERT INTO search_rows_fts (rowid, {_FTS}) "
                f"SELECT id, {_FTS} FROM search_rows WHERE id > ?", [last])


@contextmanager
def _in_bulk(db: Database, trigger: str, rows: int) -> Iterator[bool]:
    """Whether the caller keeps FTS5 in step itself, in one statement: for many rows, the
    trigger that does it row by row is dropped meanwhile and made again as it was. Each firing
    costs ~70 µs, so a file of 200,000 short lines took 15 s to save, then as long again when
    its analysis was cached, the screen frozen both times; in one statement, about a quarter.
    Inside the caller's write transaction only, so no other window ever sees the index without
    its trigger (a failure rolls the drop back with the rest)."""
    made = None
    if rows > BULK_ROWS and db.conn.in_transaction:
        made = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]
        ).fetchone()
    if made is None:
        yield False
        return
    db.execute(f'DROP TRIGGER "{trigger}"')
    yield True
    db.execute(made[0])


def index_text_hash(db: Database, digest: str) -> None:
    """Reindex every article that reads this text (its cached analysis changed)."""
    for (article_id,) in db.execute("SELECT id FROM articles WHERE hash = ?", [digest]).fetchall():
        index_article(db, article_id)


def rebuild(db: Database) -> None:
    """Index everything from scratch: the migration that adds the index to an old library."""
    db.execute("DELETE FROM search_rows")
    for (article_id,) in db.execute("SELECT id FROM articles").fetchall():
        index_article(db, article_id)
    db.execute(
        "INSERT INTO search_rows (article_id, kind, ref, start, \"end\", body, body_spelt) "
        f"SELECT article_id, 'note', id, start, \"end\", note, {spelt_sql('note')} "
        "FROM annotations WHERE note != ''"
    )
