"""A real library in SQLite, and real damage to it: a page's bytes overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store import Store

TEXT = "Story {n}\n\n“We will cut taxes,” Ann Lee said in speech number {n}.\n" + "Filler. " * 400


def library_of(path: Path, make_doc, articles: int = 60) -> Path:
    with Store.open(path) as s:
        for n in range(articles):
            text = TEXT.format(n=n)
            a = s.save_article(make_doc(text=text, title=f"Story {n}", source=f"/news/{n}.txt"))
            s.add_annotation(a.id, text, 0, 5, note=f"note {n}")
    return path


def damage_a_page(path: Path) -> None:
    """Overwrite one leaf page in the middle of the articles table with garbage. The first
    query (is the library empty?) does not reach it; listing the library does."""
    with sqlite3.connect(path) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' "
            "ORDER BY pageno"
        )]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((pages[len(pages) // 2] - 1) * size)
        fh.write(b"\x0d" + b"\xa5" * (size - 1))
