"""Which notes `reader notes` exports: those of the articles named (several may be), or of
every article with notes; with a speaker, only the notes on that person's quotes, the person
found as `reader quotes --speaker` finds them (merged across articles, accents folded)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.notes_record import ArticleNotes
    from reader.store import Store


def article_ids(store: Store, refs: Sequence[str]) -> list[int]:
    """The articles named, in the order given, each once. Each must name one article: one
    that matches several is an error listing them (find_article), never a guess."""
    ids: list[int] = []
    for ref in refs:
        article = store.find_article(ref).id
        if article not in ids:
            ids.append(article)
    return ids


def gather_notes(store: Store, refs: Sequence[str], speaker: str | None) -> list[ArticleNotes]:
    """The notes to export (see the module's docstring)."""
    from reader.export import article_notes
    from reader.people.named import library_names

    rows = store.speaker_rows()
    names = library_names(rows)
    ids = article_ids(store, refs) if refs else [
        s.id for s in store.list_articles() if s.highlights]
    notes = [article_notes(store, article, names) for article in ids]
    if speaker is None:
        return notes
    from reader.people.library import speakers_named

    members = speakers_named(rows, speaker)
    if not members:
        raise ReaderError(f"No speaker in the library matches {speaker!r}; "
                          "see `reader quotes` for every speaker.")
    wanted = {names.get(m, m[1]) for m in members}
    kept = [on_quotes_of(a, wanted) for a in notes]
    return [a for a in kept if a.annotations]


def on_quotes_of(notes: ArticleNotes, wanted: set[str]) -> ArticleNotes:
    """The article's notes whose passage touches a quote by one of the `wanted` names."""
    quotes = [q for q in notes.quotes if q.speaker in wanted]
    kept = [
        ann for ann in notes.annotations
        if not ann.orphaned and any(q.start < ann.end and ann.start < q.end for q in quotes)
    ]
    return dataclasses.replace(notes, annotations=kept)
