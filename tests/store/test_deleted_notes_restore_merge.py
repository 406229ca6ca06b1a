"""A deleted note put back where a highlight is now joins it, as Store.highlight joins them:
never two highlights on one passage (real SQLite file)."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store

TEXT = "Budget talks\n\nThe mayor said the talks would resume.\nThe vote is on Friday.\n"
PASSAGE = "The mayor said the talks would resume."


def test_a_note_put_back_on_a_passage_highlighted_since_joins_that_highlight(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        start = TEXT.index(PASSAGE)
        old = s.highlight(article.id, TEXT, start, start + len(PASSAGE), note="deleted words")
        s.delete_annotation(old.annotation.id)
        now = s.highlight(article.id, TEXT, start, start + len(PASSAGE), note="new words")
        (kept,) = s.deleted_notes()
        back = s.restore_deleted(kept.number)
        (only,) = s.annotations(article.id)
        assert only.id == back.id == now.annotation.id
        assert only.note == "new words\n\ndeleted words"


def test_a_note_put_back_over_part_of_a_highlight_since_makes_one_covering_both(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT))
        start = TEXT.index(PASSAGE)
        old = s.highlight(article.id, TEXT, start, start + 14, note="first")  # "The mayor said"
        s.delete_annotation(old.annotation.id)
        later = TEXT.index("said the talks")
        s.highlight(article.id, TEXT, later, later + 14, note="second")  # "said the talks"
        s.restore_deleted(s.deleted_notes()[0].number)
        (only,) = s.annotations(article.id)
        assert (only.exact, only.note) == ("The mayor said the talks", "first\n\nsecond")


def test_notes_of_a_deleted_article_go_back_onto_its_file_read_again_with_other_text(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, source="/data/budget.txt"))
        start = TEXT.index(PASSAGE)
        s.highlight(article.id, TEXT, start, start + 9, note="on the mayor")
        friday = TEXT.index("Friday")
        s.highlight(article.id, TEXT, friday, friday + 6, note="on Friday")
        s.delete_article(article.id)
        edited = TEXT.replace("The vote is on Friday.", "The vote was put off.")
        again = s.save_article(make_doc(text=edited, source="/data/budget.txt"))
        kept = s.deleted_notes()
        assert [k.article_here for k in kept] == [True, True]
        by_note = {k.annotation.note: k.number for k in kept}
        mayor = s.restore_deleted(by_note["on the mayor"])
        assert (mayor.article_id, mayor.exact, mayor.orphaned) == (again.id, "The mayor", False)
        gone = s.restore_deleted(by_note["on Friday"])
        assert (gone.article_id, gone.orphaned, gone.note) == (again.id, True, "on Friday")


def test_a_deleted_notes_article_not_in_the_library_is_named_by_its_file(
    db_path: Path, make_doc
) -> None:
    import pytest

    from reader.errors import StoreError

    with Store.open(db_path) as s:
        article = s.save_article(make_doc(text=TEXT, source="/data/budget.txt"))
        s.highlight(article.id, TEXT, 14, 23, note="n")
        s.delete_article(article.id)
        with pytest.raises(StoreError, match=r"reader add /data/budget\.txt"):
            s.restore_deleted(s.deleted_notes()[0].number)
