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


def test_databases_of_earlier_releases_get_revisions_and_text_hashes(db_path: Path) -> None:
    """From the committed v1 SQL and from the last release's schema (0003)."""
    import sqlite3

    from sqlite_utils import Database

    from reader.store.db import migrations

    v1 = db_path.with_name("v1.db")
    conn = sqlite3.connect(v1)
    conn.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    conn.close()
    v3 = Database(db_path)
    migrations.apply(v3, stop_before="0004_revisions_versions")
    v3.close()
    for path in (v1, db_path):
        db = sqlite3.connect(path)
        db.execute(
            "INSERT INTO articles (id, hash, title, source, text, added, last_opened, position) "
            "VALUES (1, 'h1', 'T', '/t.txt', 'Some text here.', 't0', 't0', 0)"
        )
        for i in (1, 2):
            db.execute(
                'INSERT INTO annotations (article_id, start, "end", exact, note, created, '
                "updated) VALUES (1, 0, 4, 'Some', ?, 't0', 't0')", [f"n{i}"]
            )
        db.commit()
        db.close()
        with Store.open(path) as s:
            anns = s.annotations(1)
            assert [a.text_hash for a in anns] == ["h1", "h1"]
            assert len({a.revision for a in anns}) == 2 and all(a.revision for a in anns)
            done = s.save_note(anns[0], "n1 edited")
            assert (done.outcome, done.annotation.note) == ("saved", "n1 edited")
            assert s.article_versions(1) == []


def test_a_note_whose_highlight_only_moved_meanwhile_is_saved_not_merged(two) -> None:
    """Found by a new user: after the article's file changed (its notes re-anchored, each with
    a new revision), saving a note opened before said it was merged with a change made in
    another window; only its place had changed. A colour changed elsewhere is the same."""
    a, b, article_id = two
    text = a.get_article(article_id).text
    a.add_annotation(article_id, text, 10, 20, note="about this")
    (seen,) = a.annotations(article_id)
    moved = b.reanchor(article_id, "A new first line.\n\n" + text)
    assert moved[0].start != seen.start and moved[0].revision != seen.revision
    done = a.save_note(seen, "about this, edited")
    assert done.outcome == "saved"
    assert a.annotations(article_id)[0].note == "about this, edited"
    (seen,) = a.annotations(article_id)
    b.update_annotation(seen.id, color=3)
    assert a.save_note(seen, "edited again").outcome == "saved"


def test_a_note_saved_on_a_highlight_deleted_elsewhere_never_joins_the_one_that_took_its_id(
    two,
) -> None:
    """B edits a note; A deletes its highlight, then highlights another sentence, which SQLite
    gives the freed id; B's save merged its words into A's new note, on the other passage."""
    a, b, article_id = two
    text = a.get_article(article_id).text
    ann = a.add_annotation(article_id, text, 0, 5, note="base")
    (seen_by_b,) = b.annotations(article_id)
    with a.db.conn:  # deleted as a reader without deleted_notes (ann_ids) deletes
        a.db.execute("DELETE FROM annotations WHERE id = ?", [ann.id])
    newer = a.add_annotation(article_id, text, 10, 20, note="A's other note")
    assert newer.id == ann.id
    done = b.save_note(seen_by_b, "base, and B's words")
    assert done.outcome == "restored" and done.annotation.id != newer.id
    notes = {(n.start, n.end): n.note for n in a.annotations(article_id)}
    assert notes == {(0, 5): "base, and B's words", (10, 20): "A's other note"}


def test_a_new_highlight_never_takes_a_deleted_ones_id(two) -> None:
    """SQLite gives the highest deleted id to the next row; a window's editor, draft ("ann:1")
    and undo name a highlight by id, so a deleted one's id must not name another."""
    a, b, article_id = two
    text = a.get_article(article_id).text
    first = a.add_annotation(article_id, text, 0, 5, note="first")
    a.delete_annotations([first.id], seen=[first])
    second = b.add_annotation(article_id, text, 10, 20, note="second")
    assert second.id != first.id
    b.delete_annotations([second.id], seen=[second])
    a.restore_deleted(a.deleted_notes()[0].number)  # the second back, then a third
    third = a.add_annotation(article_id, text, 30, 40)
    assert third.id not in (first.id, second.id)
