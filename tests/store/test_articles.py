"""Articles in a real database file: upsert by hash, positions, listing, finding, deleting."""

from __future__ import annotations

import time

import pytest

from reader.analysis.model import Analysis, Quote, Speaker
from reader.errors import StoreError
from reader.store import Store, text_hash


def test_same_text_twice_is_one_article(store: Store, make_doc) -> None:
    a = store.save_article(make_doc())
    b = store.save_article(make_doc(source="/elsewhere/copy.txt"), opened=True)
    assert a.id == b.id
    assert a.hash == text_hash(make_doc().text)
    assert b.last_opened > a.last_opened
    assert b.added == a.added
    assert len(store.list_articles()) == 1


def test_position_is_kept_and_clamped(store: Store, make_doc, db_path) -> None:
    a = store.save_article(make_doc())
    store.set_position(a.id, 42)
    store.close()
    reopened = Store.open(db_path)
    assert reopened.get_article(a.id).position == 42
    reopened.set_position(a.id, 10**9)
    assert reopened.get_article(a.id).position == len(a.text)
    reopened.set_position(a.id, -5)
    assert reopened.get_article(a.id).position == 0
    reopened.close()


def test_list_is_most_recent_first_with_counts(store: Store, make_doc) -> None:
    first = store.save_article(make_doc(text="First article.\n", title="First", source="/a"))
    second = store.save_article(make_doc(text="Second article.\n", title="Second", source="/b"))
    store.add_annotation(first.id, first.text, 0, 5, note="n")
    store.add_annotation(first.id, first.text, 6, 13)
    store.cache_analysis(
        first.hash,
        "model 1",
        "1",
        Analysis(
            quotes=[Quote(id=0, start=0, end=5, text="First", speaker="A"),
                    Quote(id=1, start=6, end=13, text="article", speaker="B")],
            speakers=[Speaker(name="A"), Speaker(name="B")],
        ),
    )
    listed = store.list_articles()
    assert [s.title for s in listed] == ["Second", "First"]
    assert (listed[0].notes, listed[0].quotes, listed[0].speakers) == (0, None, None)
    # Two highlights, one of them with a note written: the Notes column counts that one.
    assert (listed[1].notes, listed[1].quotes, listed[1].speakers) == (1, 2, 2)
    assert (listed[0].highlights, listed[1].highlights) == (0, 2)
    time.sleep(0.001)  # opened again in the reader: the most recent
    store.save_article(make_doc(text="First article.\n", title="First", source="/a"), opened=True)
    assert [s.id for s in store.list_articles()] == [first.id, second.id]


def test_has_articles(store: Store, make_doc) -> None:
    assert store.has_articles() is False
    store.save_article(make_doc())
    assert store.has_articles() is True


def test_find_article_by_id_hash_title_source(store: Store, make_doc) -> None:
    a = store.save_article(make_doc())
    b = store.save_article(make_doc(text="Other text.\n", title="Budget vote", source="/x/b.txt"))
    assert store.find_article(str(a.id)).id == a.id
    assert store.find_article(b.hash[:8]).id == b.id
    assert store.find_article("geneva").id == a.id
    assert store.find_article("Budget vote").id == b.id
    assert store.find_article("b.txt").id == b.id
    with pytest.raises(StoreError, match="No article"):
        store.find_article("nothing like this")
    store.save_article(make_doc(text="Third.\n", title="Budget talks", source="/x/c.txt"))
    with pytest.raises(StoreError, match="2 articles match 'budget'"):
        store.find_article("budget")


def test_delete_article_takes_annotations_and_cache(store: Store, make_doc) -> None:
    a = store.save_article(make_doc())
    store.add_annotation(a.id, a.text, 0, 5, note="gone")
    store.cache_analysis(a.hash, "m", "1", Analysis())
    store.delete_article(a.id)
    assert store.get_article(a.id) is None
    assert store.annotations(a.id) == []
    assert store.cached_analysis(a.hash, "m", "1") is None
    assert store.db.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0


def test_changed_text_from_same_source_keeps_notes_reanchored(store: Store, make_doc) -> None:
    a = store.save_article(make_doc())
    start = a.text.index("This plan will fail")
    ann = store.add_annotation(a.id, a.text, start, start + 19, note="really?")
    edited = "UPDATE: corrected.\n\n" + a.text
    b = store.save_article(make_doc(text=edited))
    assert b.id == a.id
    assert b.text == edited
    (moved,) = store.annotations(a.id)
    assert moved.id == ann.id
    assert edited[moved.start : moved.end] == "This plan will fail"
    assert moved.note == "really?"


def test_relative_or_stdin_sources_never_merge(store: Store, make_doc) -> None:
    for source in ("stdin", "-", "notes.txt"):
        a = store.save_article(make_doc(text=f"One {source}.\n", source=source))
        b = store.save_article(make_doc(text=f"Two {source}.\n", source=source))
        assert a.id != b.id


def test_mark_opened_moves_an_article_to_the_top_and_keeps_it(store: Store, make_doc) -> None:
    first = store.save_article(make_doc(text="First article.\n", title="First", source="/a"))
    second = store.save_article(make_doc(text="Second article.\n", title="Second", source="/b"))
    assert [s.id for s in store.list_articles()] == [second.id, first.id]
    time.sleep(0.001)
    record = store.mark_opened(first.id)
    assert record is not None and (record.id, record.text) == (first.id, first.text)
    assert [s.id for s in store.list_articles()] == [first.id, second.id]
    assert store.mark_opened(9999) is None


def test_an_article_filed_unread_is_never_opened_until_read(store: Store, make_doc) -> None:
    """Found by a new user: the library's "Last read" gave a time for articles `reader add`
    had filed and nobody had opened."""
    filed = store.save_article(make_doc())
    store.save_article(make_doc())  # `reader add` again: still unread
    read = store.save_article(make_doc(text="Read at once.\n", source="/b"), opened=True)
    opened = {s.id: s.opened for s in store.list_articles()}
    assert opened == {filed.id: False, read.id: True}
    store.mark_opened(filed.id)
    assert all(s.opened for s in store.list_articles())


def test_moving_in_an_article_is_reading_it(store: Store, make_doc) -> None:
    """Found by two new users: "Last read" kept the time the article was opened, though they
    read on in it for minutes; a position saved later is the last time it was read."""
    filed = store.save_article(make_doc())
    assert not filed.opened
    opened = store.save_article(make_doc(), opened=True)
    time.sleep(0.01)
    store.set_position(opened.id, 40)
    read_on = store.get_article(opened.id)
    assert read_on.opened and read_on.last_opened > opened.last_opened
    assert [s.last_opened for s in store.list_articles()] == [read_on.last_opened]


def test_a_title_the_reader_sets_is_kept_when_the_file_is_read_again(
    store: Store, make_doc
) -> None:
    """A text file's title is its first line ("EDITOR NOTE: …" became the title and the
    export's heading): the reader's own title is saved, and a changed file re-read keeps it."""
    a = store.save_article(make_doc(title="EDITOR NOTE: updated"))
    b = store.set_title(a.id, "  Talks resume\nin Geneva ")
    assert b.title == "Talks resume in Geneva"  # one line
    assert store.get_article(a.id).title == "Talks resume in Geneva"
    c = store.save_article(make_doc(text="Later.\n\n" + a.text, title="EDITOR NOTE: again"))
    assert c.id == a.id and c.title == "Talks resume in Geneva"
    with pytest.raises(StoreError):
        store.set_title(a.id, " \n ")
    assert store.find_article("Talks resume in Geneva").id == a.id
    other = store.save_article(make_doc(text="Other text.", source="/data/other.txt",
                                        title="First line"))
    moved = store.save_article(make_doc(text="Other text, changed.", source="/data/other.txt",
                                        title="New first line"))
    assert moved.id == other.id and moved.title == "New first line"  # no title set: the file's


def test_an_article_put_back_after_a_delete_keeps_the_readers_title(
    store: Store, make_doc
) -> None:
    """Another window deleted the article; this window puts its record back (a note typed
    here): the title the reader chose stays theirs, so a later re-read of the changed file
    keeps it rather than taking the file's first line."""
    a = store.save_article(make_doc(title="EDITOR NOTE: updated"))
    record = store.set_title(a.id, "Talks resume in Geneva")
    store.delete_article(a.id)
    back = store.save_article(record, opened=True)
    assert back.title == "Talks resume in Geneva" and back.title_set
    again = store.save_article(make_doc(text="Later.\n\n" + a.text, title="EDITOR NOTE: again"))
    assert again.id == back.id and again.title == "Talks resume in Geneva"
