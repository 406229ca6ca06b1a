"""Benchmark texts: the sample article, and long texts made by repeating the dev articles.

Long texts are generated, never committed: the dev articles of ../shared/corpus/dev (the
repository's sibling `shared/`, or READER_SHARED) repeated whole, paragraphs kept, up to the
size asked for; the bundled sample article when the shared corpus is absent.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
SAMPLE = PACKAGE_DIR / "samples" / "seed.txt"


def shared_dir() -> Path | None:
    """The read-only shared material: $READER_SHARED, else the repository's sibling `shared/`."""
    candidates = [os.environ.get("READER_SHARED", ""), str(PACKAGE_DIR.parents[1] / "shared")]
    for candidate in candidates:
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    return None


def dev_articles() -> list[str]:
    """The dev corpus texts in name order (the sample article if there is no corpus)."""
    shared = shared_dir()
    paths = sorted((shared / "corpus" / "dev").glob("*.txt")) if shared else []
    texts = [p.read_text(encoding="utf-8").strip("\n") for p in paths]
    texts = [t for t in texts if t.strip()]
    return texts or [SAMPLE.read_text(encoding="utf-8").strip("\n")]


def long_text(chars: int) -> str:
    """About `chars` characters of whole paragraphs, cycling through the dev articles.

    Paragraphs are never cut: the text stops at the last paragraph that fits (at least one).
    Articles are separated by a blank line, as paragraphs are.
    """
    articles = dev_articles()
    parts: list[str] = []
    size = 0
    index = 0
    while size < chars:
        for paragraph in articles[index % len(articles)].split("\n"):
            extra = len(paragraph) + 1
            if parts and size + extra > chars:
                return "\n".join(parts) + "\n"
            parts.append(paragraph)
            size += extra
        if size < chars:
            parts.append("")
            size += 1
        index += 1
    return "\n".join(parts) + "\n"


def single_paragraph(chars: int) -> str:
    """About `chars` characters of real sentences as one paragraph (no line break at all): the
    dev articles' lines joined by spaces, repeated, cut at a word."""
    flat = " ".join(" ".join(line.split()) for a in dev_articles() for line in a.splitlines())
    text = (flat + " ") * (chars // (len(flat) + 1) + 1)
    return text[:chars].rsplit(" ", 1)[0] + "\n"


def write_single_paragraph(chars: int, directory: str | Path) -> Path:
    path = Path(directory) / f"paragraph-{chars}.txt"
    path.write_text(single_paragraph(chars), encoding="utf-8")
    return path


def body_word(text: str, skip: int = 200, before: int = 2000) -> str:
    """A long word first seen between `skip` and `before` characters in: on the first screen
    but not in a title made of the opening words, and never cut by wrapping."""
    opening = set(text[:skip].split())
    for word in text[skip:before].split():
        if len(word) >= 8 and word.isalpha() and word not in opening:
            return word
    return first_line_phrase(text, 1)


def write_long_text(chars: int, directory: str | Path | None = None) -> Path:
    """Write long_text(chars) as UTF-8 to `directory` (a new temp dir by default)."""
    folder = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="reader-bench-"))
    path = folder / f"long-{chars}.txt"
    path.write_text(long_text(chars), encoding="utf-8")
    return path


def first_line_phrase(text: str, words: int = 4) -> str:
    """The first words of the first non-empty line: something only the article's body shows."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split()[:words])
    return ""
