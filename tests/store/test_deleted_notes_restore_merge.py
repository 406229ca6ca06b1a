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
