"""Saving a note names the revision it was based on: two connections to one file (two readers)
never overwrite each other's note, and two highlights of one sentence stay one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import Store


@pytest.fixture
def two(db_path: Path, make_doc) -> Iterator[tuple[Store, Store, int]]:
    a = Store.open(db_path)
    article = a.save_article(make_doc())
    b = Store.open(db_path)
    yield a, b, article.id
    a.close()
    b.close()


def test_the_second_save_merges_instead_of_overwriting(two) -> None:
    a, b, article_id = two
    text = a.get_article(article_id).text
    ann = a.add_annotation(article_id, text, 0, 5, note="first")
    (seen_by_a,) = a.annotations(article_id)
    (seen_by_b,) = b.annotations(article_id)
    assert a.save_note(seen_by_a, "first + edit by A").outcome == "saved"
    done = b.save_note(seen_by_b, "first + edit by B")
    assert done.outcome == "merged"
    assert done.before.note == "first + edit by A"  # what undo puts back
    assert a.annotations(article_id)[0].note == "first + edit by A + edit by B"
    assert done.annotation.revision != ann.revision


def test_every_write_changes_the_revision(two) -> None:
    a, _, article_id = two
    text = a.get_article(article_id).text
    ann = a.add_annotation(article_id, text, 0, 5)
    seen = {ann.revision}
    for change in ({"color": 3}, {"note": "x"}):
        ann = a.update_annotation(ann.id, **change)
        assert ann.revision not in seen
        seen.add(ann.revision)


def test_a_note_saved_on_a_highlight_deleted_elsewhere_brings_it_back(two) -> None:
    a, b, article_id = two
    text = a.get_article(article_id).text
    ann = a.add_annotation(article_id, text, 0, 5, note="old")
    b.delete_annotation(ann.id)
    done = a.save_note(ann, "kept")
    assert done.outcome == "restored"
    assert [(x.id, x.note) for x in b.annotations(article_id)] == [(ann.id, "kept")]


def test_highlighting_one_sentence_twice_with_notes_makes_one_highlight(two) -> None:
    a, b, article_id = two
    text = a.get_article(article_id).text
    first = a.highlight(article_id, text, 24, 60, note="from A")
    second = b.highlight(article_id, text, 24, 60, note="from B")
    assert (first.outcome, second.outcome) == ("added", "existing")
    (only,) = a.annotations(article_id)
    assert only.note == "from A\n\nfrom B"
    assert second.replaced[0].note == "from A"  # for undo


def test_undo_refuses_to_overwrite_a_change_it_has_not_seen(two) -> None:
    from reader.errors import StoreError

    a, b, article_id = two
    text = a.get_article(article_id).text
    before = a.add_annotation(article_id, text, 0, 5, note="one")
    after = a.update_annotation(before.id, note="two")
    b.update_annotation(before.id, note="three")
    with pytest.raises(StoreError, match="another window"):
        a.restore_annotations([before], expect=after, check=True)
    assert a.annotations(article_id)[0].note == "three"
