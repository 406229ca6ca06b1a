"""What the first frame needs from an existing library, read before sqlite-utils is imported.

Opening an article paints its text first; the store (sqlite-utils, migrations, the search
index) opens right after. Two facts must be known earlier: where the reader left the article
(so the first frame shows that place, not the top) and whether its analysis is cached (so no
analysis process is started in vain). They are read here with the standard library's sqlite3,
read-only; any doubt gives None and the store, opened after the first frame, decides (and
reports a damaged or foreign file as it always did).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True, slots=True)
class Peek:
    #: The article's id and reading position, None when the library does not have this text.
    article: tuple[int, int] | None
    cached: bool


def peek(path: str | Path, digest: str, model_id: str, engine: str) -> Peek | None:
    """The library's article of this text (id, position) and whether its analysis is cached;
    None when the file is missing or cannot be read this way (nothing is created or written)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True, timeout=0.1)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT id, position FROM articles WHERE hash = ?", [digest]
        ).fetchone()
        cached = conn.execute(
            "SELECT 1 FROM analysis_cache WHERE text_hash = ? AND model = ? AND engine = ?",
            [digest, model_id, engine],
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    article = (int(row[0]), int(row[1] or 0)) if row is not None else None
    return Peek(article=article, cached=cached is not None)
