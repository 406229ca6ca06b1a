"""A deleted highlight or note is kept in the library, so it can be put back after the window
that deleted it has quit (its undo went with it): real SQLite files, one Store per 'run'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.errors import StoreError
from reader.store import Store

TEXT = "Budget talks\n\nThe mayor said the talks would resume.\nThe vote is on Friday.\n"
PASSAGE = "The mayor said the talks would resume."


def _noted(db_path: Path, make_doc, note: str = "ask the mayor") -> int:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        start = TEXT.index(PASSAGE)
        ann = s.add_annotation(article.id, TEXT, start, start + len(PASSAGE), 3, note)
        s.delete_annotations([ann.id], seen=[ann])
        return article.id


def test_a_note_deleted_then_the_window_quit_can_be_put_back(db_path: Path, make_doc) -> None:
    article_id = _noted(db_path, make_doc, "ask the mayor\nabout Friday")
    with Store.open(db_path) as s:  # the next run: the undo stack is long gone
        (kept,) = s.deleted_notes()
        assert (kept.annotation.note, kept.article_title) == ("ask the mayor\nabout Friday",
                                                              "Budget talks")
        back = s.restore_deleted(kept.number)
        assert (back.note, back.exact, back.color) == ("ask the mayor\nabout Friday", PASSAGE, 3)
        assert [a.note for a in s.annotations(article_id)] == ["ask the mayor\nabout Friday"]
        assert s.deleted_notes() == []
        with pytest.raises(StoreError, match="No deleted note numbered"):
            s.restore_deleted(kept.number)


def test_undo_takes_the_note_off_the_deleted_list(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        ann = s.add_annotation(article.id, TEXT, 0, 6, note="n")
        (gone,) = s.delete_annotations([ann.id], seen=[ann])
        assert len(s.deleted_notes()) == 1
        s.restore_annotations([gone], check=True)
        assert s.deleted_notes() == []


def test_put_back_on_a_changed_text_and_beside_a_highlight_that_took_its_id(
    db_path: Path, make_doc
) -> None:
    article_id = _noted(db_path, make_doc)
    changed = "Budget talks\n\nA new first line.\n\n" + TEXT[len("Budget talks\n\n"):]
    with Store.open(db_path) as s:
        s.save_article(make_doc(text=changed, title="Budget talks"))  # same source: new text
        newer = s.add_annotation(article_id, changed, 0, 6, note="a newer note")
        (kept,) = s.deleted_notes()
        with s.db.conn:  # the deleted id given to the newer one, as a reader before ann_ids
            s.db.execute("UPDATE annotations SET id = ? WHERE id = ?",
                         [kept.annotation.id, newer.id])
        newer = s.annotations(article_id)[0]
        assert newer.id == kept.annotation.id
        back = s.restore_deleted(kept.number)
        assert back.id != newer.id
        assert changed[back.start:back.end] == PASSAGE and not back.orphaned
        notes = {a.id: a.note for a in s.annotations(article_id)}
        assert notes == {newer.id: "a newer note", back.id: "ask the mayor"}


def test_an_article_deleted_with_its_notes_gives_them_back_once_added_again(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        s.add_annotation(article.id, TEXT, 0, 6, note="kept with the article")
        s.delete_article(article.id)
        other = s.save_article(make_doc(text="Other.\n", title="Other", source="/o.txt"))
        assert other.id == article.id  # SQLite gave the deleted article's id to the next
        (kept,) = s.deleted_notes()
        assert not kept.article_here
        with pytest.raises(StoreError, match="is not in the library: add it again"):
            s.restore_deleted(kept.number)
        assert s.annotations(other.id) == []  # never onto the article that took its id
        again = s.save_article(make_doc(text=TEXT, title="Budget talks"))
        back = s.restore_deleted(kept.number)
        assert (back.article_id, back.note) == (again.id, "kept with the article")


def test_a_library_nobody_deleted_in_gets_no_new_table(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        s.add_annotation(article.id, TEXT, 0, 6, note="n")
    with Store.open(db_path, read_only=True) as s:
        assert s.deleted_notes() == []
    tables = {r[0] for r in sqlite3.connect(db_path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "deleted_notes" not in tables


def test_a_note_another_window_brought_back_is_not_listed_as_deleted(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as a, Store.open(db_path) as b:
        article = a.save_article(make_doc(text=TEXT))
        ann = a.add_annotation(article.id, TEXT, 0, 6, note="n")
        (seen_by_b,) = b.annotations(article.id)
        a.delete_annotations([ann.id], seen=[ann])
        (kept,) = a.deleted_notes()
        b.save_note(seen_by_b, "n, and more")  # brings the highlight back with its note
        assert a.deleted_notes() == []
        # The save forgot it, as an undo does: its number is gone with it.
        with pytest.raises(StoreError, match="No deleted note numbered"):
            a.restore_deleted(kept.number)
