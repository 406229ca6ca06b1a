"""The analysis cache: one complete entry per (text hash, model id, engine version)."""

from __future__ import annotations

from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.store import search_index
from reader.store.records import now


def get(db: Database, digest: str, model_id: str, engine: str) -> Analysis | None:
    row = db.execute(
        "SELECT analysis FROM analysis_cache WHERE text_hash = ? AND model = ? AND engine = ?",
        [digest, model_id, engine],
    ).fetchone()
    return Analysis.from_json(row[0]) if row else None


def has(db: Database, digest: str, model_id: str, engine: str) -> bool:
    """Whether an entry exists, without reading it (a book's analysis is megabytes)."""
    row = db.execute(
        "SELECT 1 FROM analysis_cache WHERE text_hash = ? AND model = ? AND engine = ?",
        [digest, model_id, engine],
    ).fetchone()
    return row is not None


def put(db: Database, digest: str, model_id: str, engine: str, analysis: Analysis) -> None:
    """Write one entry and drop the entries older engines made for this text.

    The caller runs this inside a transaction, so either the whole entry exists or none.
    """
    db.execute(
        "DELETE FROM analysis_cache WHERE text_hash = ? AND engine != ?", [digest, engine]
    )
    db.execute(
        "INSERT OR REPLACE INTO analysis_cache "
        "(text_hash, model, engine, analysis, quotes, speakers, created) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            digest,
            model_id,
            engine,
            analysis.to_json(indent=None),
            len(analysis.quotes),
            len(analysis.speakers),
            now(),
        ],
    )
    search_index.index_text_hash(db, digest)


def newest(db: Database, digest: str) -> Analysis | None:
    """The most recent cached analysis of a text, whatever made it (for speakers in exports)."""
    row = db.execute(
        "SELECT analysis FROM analysis_cache WHERE text_hash = ? ORDER BY created DESC LIMIT 1",
        [digest],
    ).fetchone()
    return Analysis.from_json(row[0]) if row else None


def prune(db: Database) -> None:
    """Drop entries for texts no article reads now: earlier versions are kept for their notes,
    not re-analysed, and a book's analysis is megabytes."""
    db.execute(
        "DELETE FROM analysis_cache WHERE text_hash NOT IN (SELECT hash FROM articles)"
    )


def size(db: Database) -> tuple[int, int]:
    """(entries, bytes of analysis JSON) for `reader library`."""
    row = db.execute(
        "SELECT count(*), coalesce(sum(length(CAST(analysis AS BLOB))), 0) FROM analysis_cache"
    ).fetchone()
    return int(row[0]), int(row[1])
