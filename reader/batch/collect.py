"""The files a `reader add PATH...` means: files as given, folders searched recursively for
text, Markdown and HTML, in a stable order, each file once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.sources import HTML_SUFFIXES, MARKDOWN_SUFFIXES, is_url

ARTICLE_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Missing:
    """A PATH that names nothing readable: reported on its own line, the run goes on."""

    path: str
    reason: str


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


def collect(paths: list[str]) -> tuple[list[Path], list[Missing]]:
    """(files in order, PATHs that are neither a file nor a folder)."""
    found: list[Path] = []
    missing: list[Missing] = []
    seen: set[Path] = set()
    for spec in paths:
        path = Path(spec).expanduser()
        if is_url(spec) and not path.exists():
            # "no such file or folder" sent the person looking for a file
            missing.append(Missing(spec, "a web address, and reader add takes only files and "
                                         "folders (reader open URL reads the page into the "
                                         "library)"))
            continue
        if path.is_dir():
            candidates = list(_walk(path))
        elif path.exists():
            candidates = [path]  # named explicitly: read whatever it is (sources.py decides)
        else:
            missing.append(Missing(spec, "no such file or folder"))
            continue
        for file in candidates:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found, missing
