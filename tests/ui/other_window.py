"""Window A for the tests of two windows on one library: a real process running now (its pid
makes its drafts live, not kept from before), and the draft A keeps of a note on the
article's first line, as A writes it to the real draft file."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reader.drafts import Draft, DraftBox
from reader.store import ArticleRecord, Store

TYPED = "typed in window A"


@contextmanager
def window_a() -> Iterator[str]:
    """A process standing for window A while the block runs; yields the owner its drafts name."""
    process = subprocess.Popen(["sleep", "120"])
    try:
        yield f"{process.pid}:a"
    finally:
        process.kill()
        process.wait()


def keep_first_line_draft(store: Store, record: ArticleRecord, owner: str, **more: Any) -> None:
    """A's draft (`TYPED`) on the article's first line, in the real draft file."""
    end = record.text.index("\n")
    DraftBox(store.path).keep(Draft(
        record.id, f"span:0:{end}", TYPED, record.text[:end], span=(0, end, 1),
        owner=owner, article_added=record.added, **more))
