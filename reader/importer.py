"""`reader notes --import FILE`: W3C Web Annotation JSON-LD (as `reader notes --format json`
writes it) back into the library. Reading and checking the file is here; placing the notes on
their texts is the store's (reader.store.imports).

A file that is not such JSON is refused with one sentence and nothing is written. An article
entry whose text is empty is the one exception: it is skipped and said, and the rest is
imported (an empty text holds no passage, so no note is lost by leaving it out; refusing the
whole file would leave every other note out for one bad entry).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, urlparse

from reader.anchoring import Selector
from reader.errors import ReaderError
from reader.jsonld import (
    ADDED,
    ARTICLES,
    COLOR,
    LAST_READ,
    ORPHANED,
    SHA256,
    SOURCES,
    TEXT,
    WRITTEN_ABOUT,
)
from reader.sources import normalise_text
from reader.store.imports import ImportedNote, ImportedText, lf_line_ends
from reader.store.records import SourceSeen


class NotesFileError(ReaderError):
    """The file is not Web Annotation JSON the reader can read."""


MAX_NOTES_BYTES = 500_000_000


def read_file(path: str) -> Any:
    """The JSON in PATH (`-`: standard input). Only a regular file is read, and at most
    MAX_NOTES_BYTES of it: a FIFO with no writer would wait forever, /dev/zero never ends."""
    from reader.sources import SourceError, read_regular_file, read_stdin

    if not path:
        raise NotesFileError("--import needs the name of a notes file (- for standard input).")
    try:
        raw = read_stdin(None, MAX_NOTES_BYTES) if path == "-" else (
            read_regular_file(path, MAX_NOTES_BYTES)[1]
        )
    except SourceError as exc:
        raise NotesFileError(str(exc)) from None
    try:
        return _without_lone_surrogates(json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotesFileError(f"{path}: not JSON ({exc}).") from None
    except RecursionError:
        raise NotesFileError(f"{path}: JSON nested too deeply to be a notes file.") from None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(data: Any) -> Any:
    """The parsed JSON with each lone surrogate (a "\\ud800" escape with no pair: JSON
    allows it, UTF-8 cannot hold it) as U+FFFD: SQLite refused such a note, and the import
    ended in a traceback."""
    if isinstance(data, str):
        return _LONE_SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_without_lone_surrogates(v) for v in data]
    if isinstance(data, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in data.items()}
    return data


def _page_items(page: Any, path: str) -> list[dict[str, Any]]:
    """An AnnotationPage's annotations; anything else in it is refused, never skipped."""
    if not isinstance(page, dict):
        raise NotesFileError(f"{path}: a page of the collection is not an AnnotationPage.")
    items = page.get("items", [])
    if not isinstance(items, list):
        raise NotesFileError(f"{path}: a page's items are not a list of annotations.")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise NotesFileError(f"{path}: item {i + 1} of a page is not an annotation.")
    return items


def _items(data: Any, path: str) -> list[dict[str, Any]]:
    """The annotations of a collection (every page), a page, one annotation or a list."""
    if isinstance(data, list):
        if any(not isinstance(d, dict) or d.get("type") != "Annotation" for d in data):
            raise NotesFileError(
                f"{path}: not a W3C Web Annotation document (a list of other things)."
            )
        return data
    if not isinstance(data, dict):
        raise NotesFileError(f"{path}: not a W3C Web Annotation document.")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return _page_items(data, path)
    if kind == "AnnotationCollection":
        out: list[dict[str, Any]] = []
        page = data.get("first")
        while page is not None:
            out += _page_items(page, path)
            page = page.get("next")
        return out
    raise NotesFileError(f"{path}: not a W3C Web Annotation document (type {kind!r}).")


def _path_of(iri: str) -> str:
    """A file: IRI as the path the library records; any other IRI as it is."""
    parsed = urlparse(iri)
    if parsed.scheme == "file":
        return unquote(parsed.path)
    return iri


def _text(value: Any) -> str:
    """Text as the reader keeps an article's: line breaks as \\n, NUL as U+FFFD (SQLite's
    text functions end a string at NUL: search showed words cut out and wrong places)."""
    return normalise_text(str(value))


def _note_text(value: str) -> str:
    """A note's words as the editor keeps them: lines end in \\n (a file written on Windows
    ends them in \\r\\n, which made the same note look rewritten and merged it in twice)."""
    return lf_line_ends(value).replace("\x00", "\ufffd")


def _note(item: dict[str, Any], where: str) -> ImportedNote:
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, dict):
        raise NotesFileError(f"{where}: the annotation has no target.")
    selectors = target.get("selector", [])
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list):
        selectors = []
    by_type = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    quote = by_type.get("TextQuoteSelector")
    if not quote or not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise NotesFileError(f"{where}: the annotation has no TextQuoteSelector with the passage.")
    position = by_type.get("TextPositionSelector")
    start = end = 0
    has_position = False
    if position is not None and not item.get(ORPHANED):
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            raise NotesFileError(f"{where}: the TextPositionSelector is not a valid range.")
        has_position = True
    body = item.get("body")
    bodies = body if isinstance(body, list) else [body] if body else []
    note = "\n\n".join(
        _note_text(b["value"])
        for b in bodies
        if isinstance(b, dict) and b.get("type") == "TextualBody"
        and isinstance(b.get("value"), str)
    )
    color = item.get(COLOR, 1)
    if not isinstance(color, int) or not 1 <= color <= 5:
        color = 1
    ident = str(item.get("id", ""))
    written = item.get(WRITTEN_ABOUT)
    return ImportedNote(
        selector=Selector(start, end, _text(quote["exact"]), _text(quote.get("prefix", "")),
                          _text(quote.get("suffix", ""))),
        has_position=has_position,
        color=color,
        note=note,
        created=str(item.get("created", "")),
        updated=str(item.get("modified", "")),
        uuid=ident.removeprefix("urn:uuid:") if ident.startswith("urn:uuid:") else "",
        text_hash=str(target.get(SHA256, "")),
        source=_path_of(str(target.get("source", ""))),
        written_exact=_text(written) if isinstance(written, str) else "",
    )


def _texts(data: Any, path: str) -> tuple[list[ImportedText], list[int]]:
    """The texts the notes point into (`reader:articles`), and the numbers of the entries
    skipped for an empty text; a malformed entry is refused, never skipped, so the notes are
    not placed without the text they came with."""
    if not isinstance(data, dict) or ARTICLES not in data:
        return [], []
    entries = data[ARTICLES]
    if not isinstance(entries, list):
        raise NotesFileError(f"{path}: {ARTICLES} is not a list of articles.")
    out = []
    empty: list[int] = []
    for i, entry in enumerate(entries):
        where = f"{path}: {ARTICLES} entry {i + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get(TEXT), str):
            raise NotesFileError(f"{where} has no {TEXT}.")
        if not entry[TEXT].strip():
            # An empty file is no article when read; nor is it when imported.
            empty.append(i + 1)
            continue
        seen = entry.get(SOURCES, [])
        if not isinstance(seen, list):
            raise NotesFileError(f"{where}: {SOURCES} is not a list.")
        sources = tuple(
            SourceSeen(str(s["source"]), str(s.get("opened", "")))
            for s in seen
            if isinstance(s, dict) and isinstance(s.get("source"), str)
        )
        added, last_read = (v if isinstance(v := entry.get(k), str) else "" for k in STAMPS)
        out.append(
            ImportedText(str(entry.get("title", "")), _text(entry[TEXT]), sources, added, last_read)
        )
    return out, empty


#: When the article came into the other library and was last read there.
STAMPS = (ADDED, LAST_READ)


def parse(data: Any, path: str) -> tuple[list[ImportedText], list[ImportedNote], list[int]]:
    """The texts, the notes, and the numbers of the article entries skipped as empty."""
    items = _items(data, path)
    notes = [_note(item, f"{path}: annotation {i + 1}") for i, item in enumerate(items)]
    texts, empty = _texts(data, path)
    return texts, notes, empty


def import_into(db_path: str, path: str) -> str:
    """Import the notes file into the database; the one sentence that says what happened.

    The file is read and checked before the database is opened, so a bad file writes nothing.
    """
    from reader.store import Store

    texts, notes, empty = parse(read_file(path), path)
    with Store.open(db_path) as store:
        result = store.import_notes(texts, notes)
    parts = [f"imported {result.added} of {len(notes)} annotations"]
    if empty:
        entries = ", ".join(str(n) for n in empty)
        parts.append(
            f"{ARTICLES} entr{'y' if len(empty) == 1 else 'ies'} {entries} of the file "
            f"{'has an empty text and was' if len(empty) == 1 else 'have empty texts and were'}"
            " not added"
        )
    if result.present:
        parts.append(f"{result.present} were already in the library")
    if result.updated:
        parts.append(
            f"{result.updated} of those had a note with other words there, now merged in"
        )
    if result.orphaned:
        parts.append(f"{result.orphaned} no longer match their text and are kept as orphans")
    if result.unplaced:
        parts.append(
            f"{len(result.unplaced)} match no article in the library (open their article, then "
            "import again)"
        )
    return "; ".join(parts) + "."
