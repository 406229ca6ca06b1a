"""Deleted notes as another window saves and deletes them too (the reviewer's findings on
deleted_notes): real SQLite files, one Store per window."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from reader.store import Store
from reader.store import annotations as notes

TEXT = "Budget talks\n\nThe mayor said the talks would resume.\nThe vote is on Friday.\n"
PASSAGE = "The mayor said the talks would resume."


def test_a_note_brought_back_by_a_save_then_deleted_again_is_kept_once_with_its_last_words(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as a, Store.open(db_path) as b:
        article = a.save_article(make_doc(text=TEXT, title="Budget talks"))
        start = TEXT.index(PASSAGE)
        seen = a.add_annotation(article.id, TEXT, start, start + len(PASSAGE), 2, "old words")
        a.delete_annotation(seen.id)  # window A deletes it
        back = b.save_note(seen, "B's new words").annotation  # B's editor saves: it is back
        assert b.deleted_notes() == []
        a.delete_annotation(back.id)  # deleted again
        kept = a.deleted_notes()
        assert [k.annotation.note for k in kept] == ["B's new words"]
        restored = a.restore_deleted(kept[0].number)
        assert restored.note == "B's new words"
        assert a.deleted_notes() == []


def test_no_new_highlight_takes_an_id_a_merge_or_an_undone_add_let_go(
    db_path: Path, make_doc
) -> None:
    text = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=text))
        s.highlight(article.id, text, 0, 3, note="n1")
        second = s.highlight(article.id, text, 8, 13, note="n2").annotation
        s.highlight(article.id, text, 0, 13)  # merged: the second highlight's row is deleted
        after_merge = s.highlight(article.id, text, 15, 19).annotation
        assert after_merge.id > second.id
        added = s.highlight(article.id, text, 30, 35).annotation
        s.restore_annotations([], remove=[added.id])  # its add undone
        after_undo = s.highlight(article.id, text, 48, 51).annotation
        assert after_undo.id > added.id


def test_a_note_saved_back_over_a_taken_id_never_gets_a_deleted_highlights_id(
    db_path: Path, make_doc
) -> None:
    text = "One two three. Four five six. Seven eight nine."
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=text))
        first = s.highlight(article.id, text, 0, 3).annotation
        s.delete_annotation(first.id)
        with s.db.conn:  # a reader from before the high-water mark gives its id to another
            notes.restore(s.db, replace(first, uuid="another highlight"), article.hash)
        top = s.highlight(article.id, text, 15, 19, note="kept when deleted").annotation
        s.delete_annotation(top.id)
        back = s.save_note(first, "typed").annotation  # a window still showing `first`
        assert back.id not in {first.id, top.id}
        (kept,) = s.deleted_notes()
        assert s.restore_deleted(kept.number).id == top.id  # its own id is still free


def test_a_deleted_note_kept_by_another_readers_version_is_listed_and_put_back(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        start = TEXT.index(PASSAGE)
        ann = s.add_annotation(article.id, TEXT, start, start + len(PASSAGE), 4, "my words")
        s.delete_annotation(ann.id)
        row = json.loads(s.db.execute("SELECT annotation FROM deleted_notes").fetchone()[0])
        row["tags"] = ["a newer reader's field"]
        del row["written_hash"], row["suffix"]  # and fields an older one did not have
        with s.db.conn:
            s.db.execute("UPDATE deleted_notes SET annotation = ?", [json.dumps(row)])
        (kept,) = s.deleted_notes()
        assert kept.annotation.note == "my words"
        back = s.restore_deleted(kept.number)
        assert (back.note, back.exact, back.color, back.orphaned) == ("my words", PASSAGE, 4,
                                                                      False)


def test_a_deleted_notes_table_made_before_sources_were_kept_still_lists_and_gains_them(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        with s.db.conn:  # as this round's first builds made it
            s.db.execute(
                "CREATE TABLE deleted_notes (number INTEGER PRIMARY KEY AUTOINCREMENT, "
                "deleted TEXT NOT NULL, article_id INTEGER, article_added TEXT NOT NULL, "
                "article_hash TEXT NOT NULL, article_title TEXT NOT NULL, uuid TEXT NOT NULL, "
                "annotation TEXT NOT NULL)"
            )
        assert s.deleted_notes() == []
        article = s.save_article(make_doc(text=TEXT, source="/data/budget.txt"))
        ann = s.add_annotation(article.id, TEXT, 14, 23, note="n")
        s.delete_article(article.id)
        s.save_article(make_doc(text=TEXT + "More.\n", source="/data/budget.txt"))
        (kept,) = s.deleted_notes()
        assert kept.article_here and s.restore_deleted(kept.number).exact == ann.exact


def test_another_windows_first_write_after_the_first_delete_made_its_tables_works(
    db_path: Path, make_doc
) -> None:
    """The first delete makes deleted_notes (and the id mark): a window open since, which had
    not read the schema again, failed its next save with "no such table: annotations"."""
    with Store.open(db_path) as a:
        article = a.save_article(make_doc(text=TEXT))
        with Store.open(db_path) as b:
            gone = a.add_annotation(article.id, TEXT, 0, 6, note="one")
            kept = a.add_annotation(article.id, TEXT, 14, 23, note="two")
            a.delete_annotation(gone.id)
            a.update_annotation(kept.id, note="two, then")
            assert b.update_annotation(kept.id, note="three").note == "three"
