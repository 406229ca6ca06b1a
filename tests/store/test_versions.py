"""Reopening a path whose text changed: the earlier text stays while notes point into it, the
notes are re-anchored to the new text, and cached analyses of texts nothing reads are dropped."""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.store import Store, text_hash

OLD = (
    "Harbour plan approved\n\n"
    "The council voted on Tuesday to rebuild the old harbour wall. “It will protect the "
    "fishing fleet for fifty years,” said Ana Ruiz, the harbour master. Work starts in May.\n"
)
NEW = (
    "Storm delays vote\n\n"
    "A winter storm closed the town hall, and the meeting was moved to next month. Officials "
    "said the ferry timetable would change as well.\n"
)
PASSAGES = ["council", "voted", "Tuesday", "harbour wall", "fishing fleet", "Ana Ruiz", "May"]


def test_the_earlier_text_stays_while_its_notes_point_into_it(store: Store, make_doc) -> None:
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    for i, passage in enumerate(PASSAGES):
        start = OLD.index(passage)
        store.add_annotation(old.id, OLD, start, start + len(passage), note=f"note {i}")
    new = store.save_article(make_doc(NEW, source="/news/harbour.txt"))
    assert (new.id, new.text) == (old.id, NEW)
    anns = store.annotations(new.id)
    assert len(anns) == 7 and all(a.orphaned for a in anns)
    (version,) = store.article_versions(new.id)
    assert (version.hash, version.text) == (old.hash, OLD)
    # Every orphan says which text its selectors point into, and that text has the passage.
    for ann in anns:
        assert ann.text_hash == version.hash
        assert version.text[ann.start : ann.end] == ann.exact


def test_notes_that_move_along_leave_no_version_behind(store: Store, make_doc) -> None:
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    start = OLD.index("Ana Ruiz")
    store.add_annotation(old.id, OLD, start, start + 8, note="who?")
    edited = OLD.replace("Work starts in May.", "Work starts in June.")
    new = store.save_article(make_doc(edited, source="/news/harbour.txt"))
    (ann,) = store.annotations(new.id)
    assert (ann.orphaned, ann.exact, ann.text_hash) == (False, "Ana Ruiz", text_hash(edited))
    assert store.article_versions(new.id) == []


def test_a_text_that_comes_back_brings_its_orphans_back(store: Store, make_doc) -> None:
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    start = OLD.index("fishing fleet")
    store.add_annotation(old.id, OLD, start, start + 13, note="kept")
    store.save_article(make_doc(NEW, source="/news/harbour.txt"))
    again = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    (ann,) = store.annotations(again.id)
    assert (ann.orphaned, ann.exact, ann.note) == (False, "fishing fleet", "kept")
    assert store.article_versions(again.id) == []


def test_cached_analyses_of_replaced_texts_are_pruned(store: Store, make_doc) -> None:
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    other = store.save_article(make_doc(NEW, title="Other", source="/news/other.txt"))
    store.cache_analysis(old.hash, "m", "1", Analysis())
    store.cache_analysis(other.hash, "m", "1", Analysis())
    entries, size = store.cache_size()
    assert entries == 2 and size > 0
    edited = OLD + "Update: the vote was unanimous.\n"
    store.save_article(make_doc(edited, source="/news/harbour.txt"))
    assert store.cached_analysis(old.hash, "m", "1") is None
    assert store.cached_analysis(other.hash, "m", "1") == Analysis()
    assert store.cache_size()[0] == 1


def test_deleting_an_article_deletes_its_versions(store: Store, make_doc) -> None:
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    store.add_annotation(old.id, OLD, 0, 7, note="x")
    store.save_article(make_doc(NEW, source="/news/harbour.txt"))
    store.delete_article(old.id)
    assert store.db.execute("SELECT count(*) FROM article_versions").fetchone()[0] == 0


def test_a_window_showing_the_earlier_text_annotates_the_current_one(
    store: Store, db_path, make_doc
) -> None:
    """Another window reopened the path with a new text; this one still shows the old text."""
    old = store.save_article(make_doc(OLD, source="/news/harbour.txt"))
    with Store.open(db_path) as other:
        moved = "Correction appended at the top.\n\n" + OLD.replace("Work starts in May.", "")
        other.save_article(make_doc(moved, source="/news/harbour.txt"))
    start = OLD.index("Ana Ruiz")
    done = store.highlight(old.id, OLD, start, start + 8)
    assert (done.annotation.start, done.annotation.exact) == (moved.index("Ana Ruiz"), "Ana Ruiz")
    assert not done.annotation.orphaned
    # A passage the new text no longer has is kept, with the old text it points into.
    start = OLD.index("Work starts in May.")
    gone = store.add_annotation(old.id, OLD, start, start + 19, note="still mine")
    assert (gone.orphaned, gone.note, gone.text_hash) == (True, "still mine", old.hash)
    (version,) = store.article_versions(old.id)
    assert version.text[gone.start : gone.end] == "Work starts in May."
