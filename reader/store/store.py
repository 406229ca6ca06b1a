"""The Store façade the app and the CLI call: one connection, used from one thread."""

from __future__ import annotations

from reader.store import _light_import  # noqa: F401  (before sqlite-utils: keeps numpy out)

# isort: split
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from reader.analysis.model import Analysis
from reader.anchoring import same_words
from reader.errors import ArticleGone, TitleChanged
from reader.store import annotations as notes
from reader.store import articles, cache, deleted_notes, imports, people_rows, provenance, search
from reader.store.db import (
    BUSY_TIMEOUT,
    open_database,
    schema_version,
    translate_errors,
    write_transaction,
)
from reader.store.imports import ImportedNote, ImportedText, ImportResult
from reader.store.merge import merge_notes
from reader.store.note_removal import NoteRemoval
from reader.store.people_rows import QuoteRow, SpeakerRow
from reader.store.records import (
    Annotation,
    ArticleRecord,
    ArticleSummary,
    ArticleVersion,
    Highlighted,
    NoteSaved,
    SourceSeen,
    text_hash,
)
from reader.store.replaced_controls import keep_offsets, only_controls_restored
from reader.store.search import SearchHit


class Store(NoteRemoval):
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

    def wait_for_locks(self, seconds: float) -> None:
        """How long a write waits for another connection's lock before StoreError says the
        database is locked (the interactive reader waits less than a batch)."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # -- articles ---------------------------------------------------------------------------

    def save_article(
        self, document: articles.DocumentLike, *, opened: bool = False
    ) -> ArticleRecord:
        """Upsert by content hash. The same source with a changed text keeps its notes,
        re-anchored onto the new text; the earlier text stays as a version while notes point
        into it, and cached analyses of texts no article reads any more are dropped. Notes
        re-anchored here are notes written, so the write is checkpointed as theirs are."""
        with write_transaction(self.db, self.path, notes=True):
            article_id = self._save(document, opened=opened)
        record = self.get_article(article_id)
        assert record is not None
        return record

    def _save(self, document: articles.DocumentLike, *, opened: bool = False) -> int:
        """`opened`: saved to be read now (the app), not filed unread (`reader add`): the
        library's "Last read" is now, not "never"."""
        existing = articles.by_hash(self.db, text_hash(document.text))
        if existing is not None:
            if opened:
                articles.touch(self.db, existing.id)
            article_id = existing.id
        elif (same := articles.by_source(self.db, document.source)) is not None:
            if only_controls_restored(same.text, document.text):
                keep_offsets(self.db, same.id, document.text)
            articles.replace_text(self.db, same.id, document)
            if opened:
                articles.touch(self.db, same.id)
            notes.reanchor(self.db, same.id, document.text)
            articles.prune_versions(self.db, same.id)
            cache.prune(self.db)
            article_id = same.id
        else:
            article_id = articles.insert(self.db, document)
            if opened:  # read, not only filed
                articles.touch(self.db, article_id)
        articles.keep_metadata(self.db, article_id, document)
        provenance.record(self.db, article_id, document.source)
        return article_id

    def add_analysed(
        self, items: list[tuple[articles.DocumentLike, Analysis]], model_id: str, engine: str
    ) -> list[int]:
        """Articles with their analyses, all in one transaction (`reader add` writes in
        batches: one commit for many articles, not one each): their ids, in order; one
        checkpoint a batch, for the notes an article's new text re-anchored."""
        with write_transaction(self.db, self.path, notes=True):
            ids = []
            for document, analysis in items:
                cache.put(self.db, text_hash(document.text), model_id, engine, analysis)
                ids.append(self._save(document))
        return ids

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

    def find_by_hash(self, digest: str) -> ArticleRecord | None:
        with translate_errors(self.path):
            return articles.by_hash(self.db, digest)

    def list_articles(self) -> list[ArticleSummary]:
        with translate_errors(self.path):
            seen = provenance.by_article(self.db)
            return [
                replace(s, sources=tuple(seen.get(s.id, ()))) for s in articles.summaries(self.db)
            ]

    def import_notes(
        self, texts: list[ImportedText], items: list[ImportedNote]
    ) -> ImportResult:
        """Texts and annotations from another library, all or nothing (see store.imports)."""
        with write_transaction(self.db, self.path, notes=True):
            for text in texts:
                imports.add_text(self.db, text)
            result = ImportResult()
            for item in items:
                imports.add_note(self.db, item, result)
        return result

    def article_sources(self, article_id: int) -> list[SourceSeen]:
        """Every place the article was opened from, newest first."""
        with translate_errors(self.path):
            return provenance.for_article(self.db, article_id)

    def article_versions(self, article_id: int) -> list[ArticleVersion]:
        """Earlier texts of the article that notes (orphans) still point into, newest first."""
        with translate_errors(self.path):
            return articles.versions(self.db, article_id)

    def has_articles(self) -> bool:
        with translate_errors(self.path):
            return articles.has_any(self.db)

    def delete_article(self, article_id: int) -> None:
        with write_transaction(self.db, self.path, notes=True):
            deleted_notes.keep_article(self.db, article_id)  # its notes can come back
            articles.delete(self.db, article_id)

    def set_title(
        self, article_id: int, title: str, *, seen: str | None = None, own: bool = True
    ) -> ArticleRecord:
        """The reader's title for the article (kept when its file is read again); the record
        as it now is. StoreError for an empty title or an article not here; TitleChanged,
        nothing written, when `seen` (the title the window shows) is no longer the stored one:
        another window's title is never replaced unseen."""
        with write_transaction(self.db, self.path, notes=True):  # the reader's words
            stored = articles.get(self.db, article_id)
            if seen is not None and stored is not None and stored.title not in (seen, title):
                raise TitleChanged(stored.title)
            articles.set_title(self.db, article_id, title, own=own)
        return self._article(article_id)

    def set_position(self, article_id: int, offset: int) -> None:
        with write_transaction(self.db, self.path):
            articles.set_position(self.db, article_id, offset)

    def search(
        self,
        query: str,
        *,
        kinds: tuple[str, ...] = ("text", "quote", "note"),
        speaker: str | None = None,
        members: frozenset[tuple[int, str]] | None = None,
        limit: int | None = 200,
    ) -> list[SearchHit]:
        """Full-text search of texts, quotes and notes (words as typed); see store.search."""
        with translate_errors(self.path):
            return search.search(
                self.db, query, kinds=kinds, speaker=speaker, members=members, limit=limit
            )

    def quote_rows(self, article_id: int | None = None) -> list[QuoteRow]:
        """Every quote in the library (or one article), with its article, oldest first."""
        with translate_errors(self.path):
            return people_rows.quotes(self.db, article_id)

    def guessed_speakers(self) -> dict[tuple[int, str], bool]:
        """(article id, speaker) quoted -> whether their every quote there is a guess."""
        with translate_errors(self.path):
            return people_rows.guessed_speakers(self.db)

    def speaker_rows(self) -> list[SpeakerRow]:
        """Every speaker of every article, as its analysis names and classifies them."""
        with translate_errors(self.path):
            return people_rows.speakers(self.db)

    def speakers_stamp(self) -> tuple[int, int, int]:
        """Changes when the speakers' rows do, by this window or another: a re-analysis or an
        add inserts rows (a higher rowid), a delete removes some (a lower count)."""
        with translate_errors(self.path):
            count, top = self.db.execute(
                "SELECT count(*), coalesce(max(rowid), 0) FROM speaker_rows").fetchone()
        return self.data_version(), int(count), int(top)

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

    def search_index_damage(self) -> str | None:
        """One sentence when the full-text index is damaged (reader.store.index_check)."""
        from reader.store.index_check import index_damage

        return index_damage(self.db, self.path)

    def quick_check(self) -> list[str]:
        """What SQLite's quick_check finds wrong in the file's pages (empty: nothing)."""
        with translate_errors(self.path):
            rows = [str(r[0]) for r in self.db.execute("PRAGMA quick_check").fetchall()]
        return [] if rows == ["ok"] else rows

    def cache_size(self) -> tuple[int, int]:
        """(entries, bytes) of the analysis cache."""
        with translate_errors(self.path):
            return cache.size(self.db)

    def newest_analysis(self, text_hash: str) -> Analysis | None:
        """Any cached analysis of the text, newest first (speakers for exports)."""
        with translate_errors(self.path):
            return cache.newest(self.db, text_hash)

    # -- annotations ------------------------------------------------------------------------

    def annotations(self, article_id: int) -> list[Annotation]:
        with translate_errors(self.path):
            return notes.for_article(self.db, article_id)

    def annotations_stamp(self, article_id: int) -> tuple[object, ...]:
        """What changes whenever any of the article's annotations does (their number, newest
        write, revisions, orphan flags): one indexed aggregate instead of reading thousands."""
        with translate_errors(self.path):
            row = self.db.execute(
                "SELECT count(*), max(updated), total(revision), total(orphaned) "
                "FROM annotations WHERE article_id = ?",
                [article_id],
            ).fetchone()
        return tuple(row)

    def changes_told(self, article_id: int) -> set[tuple[int, str]]:
        """(annotation id, change key) of each change to a note's passage already told: the
        key is Annotation.change_key (stored in the column still named text_hash; keys
        written by earlier versions were the article's hash and simply match nothing)."""
        with translate_errors(self.path):
            rows = self.db.execute(
                "SELECT t.annotation_id, t.text_hash FROM changes_told t JOIN annotations a "
                "ON a.id = t.annotation_id WHERE a.article_id = ?", [article_id]).fetchall()
        return {(ann_id, digest) for ann_id, digest in rows}

    def mark_changes_told(self, told: Iterable[tuple[int, str]]) -> None:
        """Remember that these changes were told (a note deleted meanwhile is skipped)."""
        with translate_errors(self.path), write_transaction(self.db, self.path):
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO changes_told (annotation_id, text_hash) "
                "SELECT id, ? FROM annotations WHERE id = ?",
                [(digest, ann_id) for ann_id, digest in told])

    def data_version(self) -> int:
        """SQLite's count of commits by other connections (windows): while it stays the same,
        nothing another window stored needs reading again."""
        with translate_errors(self.path):
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def reanchor(self, article_id: int, text: str) -> list[Annotation]:
        with write_transaction(self.db, self.path, notes=True):
            notes.reanchor(self.db, article_id, text)
        return self.annotations(article_id)

    def add_annotation(
        self, article_id: int, text: str, start: int, end: int, color: int = 1, note: str = ""
    ) -> Annotation:
        """Annotate text[start:end]; `text` is the text the caller shows, which another window
        may have replaced since: the passage is then placed on the current text, or kept as an
        orphan on the version the caller shows (see _add_elsewhere)."""
        with write_transaction(self.db, self.path, notes=True):
            article = self._article(article_id)
            placed = notes.place(article.text, text, start, end)
            if placed is None:
                ann_id = self._add_elsewhere(article, text, start, end, color, note)
            else:
                written = self._written(article, text, start, end, placed)
                ann_id = notes.add(
                    self.db, article_id, article.text, *placed, color, note, written=written
                )
        return self._annotation(ann_id)

    def _written(
        self, article: ArticleRecord, shown: str, start: int, end: int, placed: tuple[int, int]
    ) -> tuple[str, str] | None:
        """The words the caller annotated and the text they are in, when the passage was
        placed on the current text (another window changed it) where its words differ: the
        note keeps them, and that version stays, as after re-anchoring (Annotation.changed)."""
        words = shown[start:end]
        if shown == article.text or same_words(article.text[placed[0] : placed[1]], words):
            return None
        articles.keep_version(self.db, article.id, article.title, shown)
        return words, text_hash(shown)

    def _article(self, article_id: int) -> ArticleRecord:
        article = articles.get(self.db, article_id)
        if article is None:
            raise ArticleGone(
                f"The article (id {article_id}) is no longer in the library; it was deleted, "
                "perhaps in another window."
            )
        return article

    def _add_elsewhere(
        self, article: ArticleRecord, shown: str, start: int, end: int, color: int, note: str
    ) -> int:
        """The passage is only in the text the caller shows, an earlier version: keep that
        version and the annotation on it, as an orphan, rather than lose the note."""
        articles.keep_version(self.db, article.id, article.title, shown)
        return notes.add(self.db, article.id, shown, start, end, color, note, orphaned=True)

    def highlight(
        self, article_id: int, text: str, start: int, end: int, color: int = 1, note: str = ""
    ) -> Highlighted:
        """Highlight [start, end) without ever stacking highlights on one passage.

        Inside an existing highlight (the same span included) only `note` is added to its
        note. Overlapping highlights are merged with the passage into one covering them all:
        the first in text order keeps its id and colour, their notes (and `note`) are joined as
        paragraphs, the rest are deleted. Otherwise a new highlight of `color` is added. The
        check and the write are one transaction, so two windows highlighting the same sentence
        at once make one highlight.
        """
        with write_transaction(self.db, self.path, notes=True):
            article = self._article(article_id)
            placed = notes.place(article.text, text, start, end)
            if placed is None:
                ann_id = self._add_elsewhere(article, text, start, end, color, note)
                return Highlighted("added", self._annotation(ann_id))
            written = self._written(article, text, start, end, placed)
            text = article.text
            start, end = placed
            touching = notes.overlapping(self.db, article_id, start, end)
            around = next((a for a in touching if a.start <= start and end <= a.end), None)
            if around is not None:
                if note.strip():
                    joined = notes.added_note(around.note, note)
                    if joined != around.note:
                        notes.update(self.db, around.id, note=joined, color=None)
                    return Highlighted("existing", self._annotation(around.id), (around,))
                return Highlighted("existing", around)
            if not touching:
                ann_id = notes.add(
                    self.db, article_id, text, start, end, color, note, written=written
                )
            else:
                ann_id = touching[0].id
                notes.move(
                    self.db,
                    ann_id,
                    text,
                    min(start, touching[0].start),
                    max(end, *(a.end for a in touching)),
                    notes.merged_note([*(a.note for a in touching), note]),
                )
                for ann in touching[1:]:
                    notes.delete(self.db, ann.id)
        outcome = "merged" if touching else "added"
        return Highlighted(outcome, self._annotation(ann_id), tuple(touching))

    def update_annotation(
        self, ann_id: int, *, note: str | None = None, color: int | None = None
    ) -> Annotation:
        with write_transaction(self.db, self.path, notes=True):
            notes.update(self.db, ann_id, note=note, color=color)
        return self._annotation(ann_id)

    def save_note(self, seen: Annotation, note: str) -> NoteSaved:
        """Save `note` over the annotation as the editor saw it, never over a change it has
        not seen: when another window saved in between, both edits are merged (see merge.py);
        when it deleted the highlight, the highlight comes back with the note."""
        with write_transaction(self.db, self.path, notes=True):
            before = notes.get(self.db, seen.id)
            if before is not None and seen.uuid and before.uuid != seen.uuid:
                before = None  # deleted, and SQLite gave its id to a newer highlight: not ours
            if before is None:
                current = articles.get(self.db, seen.article_id)
                if current is None:
                    raise ArticleGone("The article of that note was deleted in another window.")
                back = notes.restore_free(self.db, replace(seen, note=note), current.hash)
                deleted_notes.forget(self.db, [seen.uuid])  # back: no longer a deleted note
                return NoteSaved("restored", self._annotation(back), None)
            if notes.save_note_if(self.db, seen.id, seen.revision, note):
                return NoteSaved("saved", self._annotation(seen.id), before)
            merged = merge_notes(seen.note, before.note, note)
            if merged.text != before.note:
                notes.update(self.db, seen.id, note=merged.text, color=None)
            # Only the highlight changed since (moved by a new version of the article, another
            # colour): the note is saved as typed, with nothing to merge and nothing to say.
            outcome = (
                "conflict" if merged.conflict else "saved" if before.note == seen.note else "merged"
            )
        return NoteSaved(outcome, self._annotation(seen.id), before)
