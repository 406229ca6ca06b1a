"""Annotations through the Store: add/update/delete/restore, ordering, orphans, re-anchoring."""

from __future__ import annotations

import pytest

from reader.errors import StoreError
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
    with pytest.raises(StoreError, match="No article"):
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
