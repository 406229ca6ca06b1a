"""A book-length text (over the reader's two-parser threshold) made of real articles' paragraphs:
the bundled sample and the shared development corpus, repeated. Read at test time, never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "reader" / "samples" / "seed.txt"
#: The shared corpus beside the checkout (../shared), or beside a worktree's parent.
DEV = next(
    (p / "shared" / "corpus" / "dev" for p in REPO.parents if (p / "shared" / "corpus").is_dir()),
    REPO.parent / "shared" / "corpus" / "dev",
)


def book(min_chars: int = 200_000) -> str:
    """Articles one after another, paragraphs intact, until the text has ``min_chars``."""
    articles = [SAMPLE.read_text(encoding="utf-8").strip()]
    dev = sorted(DEV.glob("*.txt"))
    if not dev:
        pytest.fail(f"the shared corpus is missing: expected articles in {DEV}")
    articles += [p.read_text(encoding="utf-8").strip() for p in dev]
    parts: list[str] = []
    size = 0
    while size < min_chars:
        for article in articles:
            parts.append(article)
            size += len(article) + 2
    return "\n\n".join(parts)
