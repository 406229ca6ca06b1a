"""The Store façade the app and the CLI call: one connection, used from one thread."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.errors import StoreError
from reader.store import annotations as notes
from reader.store import articles, cache
from reader.store.db import (
    BUSY_TIMEOUT,
    open_database,
    schema_version,
    translate_errors,
    write_transaction,
)
from reader.store.records import (
    Annotation,
    ArticleRecord,
    ArticleSummary,
    Highlighted,
    text_hash,
)


class Store:
    """Library, annotations and analysis cache in one SQLite file. Every write commits at once."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        timeout: float = BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> Store:
        """Open (creating when allowed) and migrate; StoreError when the file can't be used.

        read_only=True (exports) writes nothing and works on read-only files; writes then
        raise StoreError.
        """
        path = Path(path)
        db = open_database(path, create=create, timeout=timeout, read_only=read_only)
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # -- articles ---------------------------------------------------------------------------

    def save_article(self, document: articles.DocumentLike) -> ArticleRecord:
        """Upsert by content hash. The same source with a changed text keeps its notes,
        re-anchored onto the new text."""
        digest = text_hash(document.text)
        with write_transaction(self.db, self.path):
            existing = articles.by_hash(self.db, digest)
            if existing is not None:
                articles.touch(self.db, existing.id)
                article_id = existing.id
            elif (same := articles.by_source(self.db, document.source)) is not None:
                articles.replace_text(self.db, same.id, document)
                notes.reanchor(self.db, same.id, document.text)
                article_id = same.id
            else:
                article_id = articles.insert(self.db, document)
        record = self.get_article(article_id)
        assert record is not None
        return record

    def mark_opened(self, article_id: int) -> ArticleRecord | None:
        """Record that the article is being read now (the library's "last read" order)."""
        with write_transaction(self.db, self.path):
            articles.touch(self.db, article_id)
        return self.get_article(article_id)

    def get_article(self, article_id: int) -> ArticleRecord | None:
        with translate_errors(self.path):
            return articles.get(self.db, article_id)

    def find_article(self, ref: str) -> ArticleRecord:
        with translate_errors(self.path):
            return articles.find(self.db, ref)

    def list_articles(self) -> list[ArticleSummary]:
        with translate_errors(self.path):
            return articles.summaries(self.db)

    def has_articles(self) -> bool:
        with translate_errors(self.path):
            return articles.has_any(self.db)

    def delete_article(self, article_id: int) -> None:
        with write_transaction(self.db, self.path):
            articles.delete(self.db, article_id)

    def set_position(self, article_id: int, offset: int) -> None:
        with write_transaction(self.db, self.path):
            articles.set_position(self.db, article_id, offset)

    # -- analysis cache ---------------------------------------------------------------------

    def cached_analysis(self, text_hash: str, model_id: str, engine: str) -> Analysis | None:
        with translate_errors(self.path):
            return cache.get(self.db, text_hash, model_id, engine)

    def has_cached_analysis(self, text_hash: str, model_id: str, engine: str) -> bool:
        with translate_errors(self.path):
            return cache.has(self.db, text_hash, model_id, engine)

    def cache_analysis(
        self, text_hash: str, model_id: str, engine: str, analysis: Analysis
    ) -> None:
        with write_transaction(self.db, self.path):
            cache.put(self.db, text_hash, model_id, engine, analysis)

    def newest_analysis(self, text_hash: str) -> Analysis | None:
        """Any cached analysis of the text, newest first (speakers for exports)."""
        with translate_errors(self.path):
            return cache.newest(self.db, text_hash)

    # -- annotations ------------------------------------------------------------------------

    def annotations(self, article_id: int) -> list[Annotation]:
        with translate_errors(self.path):
            return notes.for_article(self.db, article_id)

    def reanchor(self, article_id: int, text: str) -> list[Annotation]:
        with write_transaction(self.db, self.path):
            notes.reanchor(self.db, article_id, text)
        return self.annotations(article_id)

    def add_annotation(
        self, article_id: int, text: str, start: int, end: int, color: int = 1, note: str = ""
    ) -> Annotation:
        with write_transaction(self.db, self.path):
            if articles.get(self.db, article_id) is None:
                raise StoreError(f"No article with id {article_id}.")
            ann_id = notes.add(self.db, article_id, text, start, end, color, note)
        return self._annotation(ann_id)

    def highlight(
        self, article_id: int, text: str, start: int, end: int, color: int = 1
    ) -> Highlighted:
        """Highlight [start, end) without ever stacking highlights on one passage.

        Inside an existing highlight (the same span included) nothing changes. Overlapping
        highlights are merged with the passage into one covering them all: the first in text
        order keeps its id and colour, their notes are joined as paragraphs, the rest are
        deleted. Otherwise a new highlight of `color` is added.
        """
        with write_transaction(self.db, self.path):
            if articles.get(self.db, article_id) is None:
                raise StoreError(f"No article with id {article_id}.")
            touching = notes.overlapping(self.db, article_id, start, end)
            around = next((a for a in touching if a.start <= start and end <= a.end), None)
            if around is not None:
                return Highlighted("existing", around)
            if not touching:
                ann_id = notes.add(self.db, article_id, text, start, end, color, "")
            else:
                ann_id = touching[0].id
                notes.move(
                    self.db,
                    ann_id,
                    text,
                    min(start, touching[0].start),
                    max(end, *(a.end for a in touching)),
                    notes.merged_note([a.note for a in touching]),
                )
                for ann in touching[1:]:
                    notes.delete(self.db, ann.id)
        outcome = "merged" if touching else "added"
        return Highlighted(outcome, self._annotation(ann_id), tuple(touching))

    def update_annotation(
        self, ann_id: int, *, note: str | None = None, color: int | None = None
    ) -> Annotation:
        with write_transaction(self.db, self.path):
            notes.update(self.db, ann_id, note=note, color=color)
        return self._annotation(ann_id)

    def delete_annotation(self, ann_id: int) -> Annotation:
        with write_transaction(self.db, self.path):
            ann = notes.get(self.db, ann_id)
            if ann is None:
                raise StoreError(f"No annotation with id {ann_id}.")
            notes.delete(self.db, ann_id)
        return ann

    def delete_annotations(self, ann_ids: list[int]) -> list[Annotation]:
        """Delete several annotations at once (all or none); returns them as they were."""
        with write_transaction(self.db, self.path):
            found = [notes.get(self.db, ann_id) for ann_id in ann_ids]
            if any(ann is None for ann in found):
                raise StoreError("One of those annotations no longer exists.")
            for ann_id in ann_ids:
                notes.delete(self.db, ann_id)
        return [ann for ann in found if ann is not None]

    def restore_annotations(
        self, anns: list[Annotation], *, remove: list[int] | None = None
    ) -> None:
        """Undo in one transaction: delete the ids in `remove`, put back `anns` exactly."""
        with write_transaction(self.db, self.path):
            for ann_id in remove or []:
                notes.delete(self.db, ann_id)
            for ann in anns:
                if articles.get(self.db, ann.article_id) is None:
                    raise StoreError("The article of that annotation was deleted.")
                notes.restore(self.db, ann)

    def restore_annotation(self, ann: Annotation) -> Annotation:
        with write_transaction(self.db, self.path):
            if articles.get(self.db, ann.article_id) is None:
                raise StoreError("The article of that annotation was deleted.")
            notes.restore(self.db, ann)
        return self._annotation(ann.id)

    def _annotation(self, ann_id: int) -> Annotation:
        with translate_errors(self.path):
            ann = notes.get(self.db, ann_id)
        if ann is None:
            raise StoreError(f"No annotation with id {ann_id}.")
        return ann
