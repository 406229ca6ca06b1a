"""Turning a SOURCE (file, URL, stdin) into a Document. Minimal first version: UTF-8 files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.errors import SourceError


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    source: str
    text: str
    #: Short name for reports, e.g. the file's name ("seed.txt").
    name: str = ""
    kind: str = "text"
    #: Something the user should know about how it was read (e.g. the encoding used), or "".
    note: str = ""


def title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return "Untitled"


def load_source(spec: str) -> Document:
    path = Path(spec)
    if not path.exists():
        raise SourceError(f"{spec}: no such file.")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{spec}: not valid UTF-8.") from exc
    return Document(title=title_of(text), source=str(path), text=text, name=path.name)
