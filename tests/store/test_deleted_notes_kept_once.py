"""Deleted notes as another window saves and deletes them too (the reviewer's findings on
deleted_notes): real SQLite files, one Store per window."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store

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
