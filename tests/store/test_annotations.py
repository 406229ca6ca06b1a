"""Annotations through the Store: add/update/delete/restore, ordering, orphans, re-anchoring."""

from __future__ import annotations

import pytest

from reader.errors import ArticleGone, StoreError
from reader.store import Store


@pytest.fixture
def article(store: Store, make_doc):
    return store.save_article(make_doc())


def span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_add_keeps_both_selectors(store: Store, article) -> None:
    s, e = span(article.text, "We will not give up on peace")
    ann = store.add_annotation(article.id, article.text, s, e, color=3, note="key line")
    assert (ann.start, ann.end, ann.exact) == (s, e, "We will not give up on peace")
    assert ann.prefix == article.text[s - 32 : s]
    assert ann.suffix == article.text[e : e + 32]
    assert (ann.color, ann.note, ann.orphaned) == (3, "key line", False)
    assert ann.created == ann.updated
    assert ann.uuid


def test_annotations_in_text_order(store: Store, article) -> None:
    late = store.add_annotation(article.id, article.text, *span(article.text, "Tom Reed"))
    early = store.add_annotation(article.id, article.text, *span(article.text, "Geneva"))
    assert [a.id for a in store.annotations(article.id)] == [early.id, late.id]


def test_update_note_and_colour(store: Store, article) -> None:
    ann = store.add_annotation(article.id, article.text, 0, 5)
    changed = store.update_annotation(ann.id, note="new note")
    assert changed.note == "new note" and changed.color == 1
    assert changed.updated > ann.updated
    assert store.update_annotation(ann.id, color=5).color == 5
    with pytest.raises(StoreError, match="1 to 5"):
        store.update_annotation(ann.id, color=9)


def test_delete_and_restore_same_id(store: Store, article) -> None:
    ann = store.add_annotation(article.id, article.text, 0, 5, note="undo me")
    deleted = store.delete_annotation(ann.id)
    assert deleted == ann
    assert store.annotations(article.id) == []
    assert store.restore_annotation(deleted) == ann
    assert store.annotations(article.id) == [ann]


def test_bad_spans_are_refused(store: Store, article) -> None:
    for start, end in [(5, 5), (-1, 3), (0, len(article.text) + 1), (7, 3)]:
        with pytest.raises(StoreError):
            store.add_annotation(article.id, article.text, start, end)
    with pytest.raises(ArticleGone, match="no longer in the library"):
        store.add_annotation(999, article.text, 0, 3)


def test_reanchor_moves_and_orphans_and_lists_orphans_last(store: Store, article) -> None:
    text = article.text
    kept = store.add_annotation(article.id, text, *span(text, "The minister arrived"))
    gone = store.add_annotation(article.id, text, *span(text, "Critics were doubtful."), note="!")
    new_text = "A new first line.\n\n" + text.replace("Critics were doubtful. ", "")
    result = store.reanchor(article.id, new_text)
    assert [a.id for a in result] == [kept.id, gone.id]
    moved, orphan = result
    assert new_text[moved.start : moved.end] == "The minister arrived"
    assert not moved.orphaned
    assert orphan.orphaned and orphan.note == "!" and orphan.exact == "Critics were doubtful."
    # The passage comes back: the orphan is found again.
    again = store.reanchor(article.id, text)
    assert [a.orphaned for a in again] == [False, False]
    assert text[again[1].start : again[1].end] == "Critics were doubtful."


def test_round_trip_through_file(db_path, make_doc) -> None:
    with Store.open(db_path) as s:
        a = s.save_article(make_doc())
        ann = s.add_annotation(a.id, a.text, *span(a.text, "Tom Reed"), color=4, note="who?")
    with Store.open(db_path) as s:
        assert s.annotations(a.id) == [ann]
        assert s.get_article(a.id).text == make_doc().text


def test_highlighting_a_highlighted_passage_adds_nothing(store: Store, article) -> None:
    s, e = span(article.text, "We will not give up on peace")
    first = store.highlight(article.id, article.text, s, e, color=2)
    assert first.outcome == "added" and (first.annotation.start, first.annotation.end) == (s, e)
    again = store.highlight(article.id, article.text, s, e, color=4)
    assert (again.outcome, again.annotation) == ("existing", first.annotation)
    inside = store.highlight(article.id, article.text, s + 3, s + 11)  # "will not"
    assert (inside.outcome, inside.annotation) == ("existing", first.annotation)
    assert store.annotations(article.id) == [first.annotation]


def test_overlapping_highlights_merge_into_one(store: Store, article) -> None:
    text = article.text
    a = store.add_annotation(article.id, text, *span(text, "We will not"), color=3, note="one")
    b = store.add_annotation(article.id, text, *span(text, "give up on"), note="two")
    apart = store.add_annotation(article.id, text, *span(text, "Tom Reed"))
    s, e = span(text, "not give")  # touches both a and b, not `apart`
    done = store.highlight(article.id, text, s, e)
    assert done.outcome == "merged"
    assert done.replaced == (a, b)
    merged = done.annotation
    assert (merged.id, merged.color, merged.exact) == (a.id, 3, "We will not give up on")
    assert merged.note == "one\n\ntwo"
    assert merged.prefix == text[merged.start - 32 : merged.start]
    assert store.annotations(article.id) == [merged, apart]
    # Extending one highlight past its end.
    s, e = span(text, "up on peace")
    grown = store.highlight(article.id, text, s, e).annotation
    assert (grown.id, grown.exact) == (a.id, "We will not give up on peace")
    # Undo puts everything back as it was, in one transaction.
    store.restore_annotations(list(done.replaced))
    assert store.annotations(article.id) == [a, b, apart]


def test_touching_and_orphaned_highlights_are_not_merged(store: Store, article) -> None:
    text = article.text
    s, e = span(text, "We will")
    left = store.add_annotation(article.id, text, s, e)
    right = store.highlight(article.id, text, e, e + 9)  # " not give", starts where left ends
    assert right.outcome == "added"
    store.db.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [left.id])
    assert store.highlight(article.id, text, s, e).outcome == "added"
    assert len(store.annotations(article.id)) == 3


def test_delete_several_at_once(store: Store, article) -> None:
    one = store.add_annotation(article.id, article.text, 0, 5)
    two = store.add_annotation(article.id, article.text, 0, 5, note="a duplicate")
    assert store.delete_annotations([one.id, two.id]) == [one, two]
    assert store.annotations(article.id) == []
    with pytest.raises(StoreError):
        store.delete_annotations([one.id])
    store.restore_annotations([one, two])
    assert store.annotations(article.id) == [one, two]


def test_a_note_added_to_a_highlight_that_holds_it_is_not_repeated(
    store: Store, article
) -> None:
    """Two windows offered the same draft and both stored it on one passage: the note is
    kept once; a longer text that holds the note stands for it; other words are a paragraph."""
    first = store.highlight(article.id, article.text, 0, 6, note="same words").annotation
    assert store.highlight(article.id, article.text, 0, 6, note="same words").annotation.note == (
        "same words"
    )
    more = store.highlight(article.id, article.text, 0, 6, note="same words, and more")
    assert more.annotation.note == "same words, and more"
    other = store.highlight(article.id, article.text, 0, 6, note="ok")
    assert other.annotation.note == "same words, and more\n\nok"
    assert [a.id for a in store.annotations(article.id)] == [first.id]
