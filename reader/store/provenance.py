"""Where an article came from: every source it was opened from, and which one to cite.

The same text read from a file and later from a URL is one article (by content hash) with
two sources; a citation names the most recent URL, else the most recent path.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from reader.store.records import SourceSeen, now

#: Sources that name no place to read the text again (the text's hash stands in for them).
PLACELESS = {"", "-", "<stdin>", "stdin", "sample"}


def record(db: Database, article_id: int, source: str) -> None:
    """The article was just opened from `source` (once per source, with the latest time)."""
    db.execute(
        "INSERT INTO article_sources (article_id, source, opened) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id, source) DO UPDATE SET opened = excluded.opened",
        [article_id, source, now()],
    )
    db.execute("UPDATE articles SET source = ? WHERE id = ?", [source, article_id])


def for_article(db: Database, article_id: int) -> list[SourceSeen]:
    """Newest first."""
    return [
        SourceSeen(source=r["source"], opened=r["opened"])
        for r in db.query(
            "SELECT source, opened FROM article_sources WHERE article_id = ? "
            "ORDER BY opened DESC, rowid DESC",
            [article_id],
        )
    ]


def by_article(db: Database) -> dict[int, list[SourceSeen]]:
    """Every article's sources, newest first, in one query (for the library listing)."""
    out: dict[int, list[SourceSeen]] = {}
    for r in db.query(
        "SELECT article_id, source, opened FROM article_sources "
        "ORDER BY article_id, opened DESC, rowid DESC"
    ):
        out.setdefault(r["article_id"], []).append(SourceSeen(r["source"], r["opened"]))
    return out


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def cited(sources: Sequence[SourceSeen], fallback: str = "") -> str:
    """The source a citation names: the most recent URL, else the most recent path, else
    `fallback` (the text's identity stands in where no place is known)."""
    newest = sorted(sources, key=lambda s: s.opened, reverse=True)
    for seen in newest:
        if is_url(seen.source):
            return seen.source
    for seen in newest:
        if seen.source not in PLACELESS:
            return seen.source
    return fallback


def cited_with_date(sources: Sequence[SourceSeen], last_read: str) -> tuple[str, str]:
    """The source to cite ("" when none names a place) and the local date it was read there
    (YYYY-MM-DD), else the date the article was last read."""
    from datetime import datetime

    source = cited(sources)
    stamp = next((s.opened for s in sources if s.source == source and source), last_read)
    try:
        return source, datetime.fromisoformat(stamp).astimezone().date().isoformat()
    except ValueError:
        return source, stamp[:10]
