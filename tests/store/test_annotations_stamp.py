"""Store.annotations_stamp and data_version, by which a second window notices another window's
stored notes without reading thousands of them every few seconds: the stamp changes with every
change of the article's annotations and with nothing else; data_version with any commit made
through another connection. A real SQLite file, two connections."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store


def test_the_stamp_follows_every_change_of_the_articles_notes_and_nothing_else(
    store: Store, db_path: Path, make_doc
) -> None:
    article = store.save_article(make_doc())
    other = store.save_article(make_doc(text="Another story entirely.\n", source="/o.txt"))
    stamps = [store.annotations_stamp(article.id)]

    def changed() -> bool:
        stamps.append(store.annotations_stamp(article.id))
        return stamps[-1] != stamps[-2]

    ann = store.add_annotation(article.id, article.text, 0, 5)
    assert changed()
    store.update_annotation(ann.id, note="a note")
    assert changed()
    store.update_annotation(ann.id, color=3)
    assert changed()
    store.set_position(article.id, 40)
    store.add_annotation(other.id, other.text, 0, 7, note="elsewhere")
    assert not changed()
    store.reanchor(article.id, "Nothing of the old words.\n")  # the passage is gone: orphaned
    assert changed()
    store.delete_annotation(ann.id)
    assert changed()


def test_data_version_moves_with_another_connections_commit_only(
    store: Store, db_path: Path, make_doc
) -> None:
    article = store.save_article(make_doc())
    before = store.data_version()
    store.set_position(article.id, 10)  # this connection's own write
    assert store.data_version() == before
    window_a = Store.open(db_path)
    try:
        window_a.set_position(article.id, 20)
    finally:
        window_a.close()
    assert store.data_version() != before
