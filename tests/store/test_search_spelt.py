"""Umlauts spelt out in the library's search: "Mueller" finds "Müller", "Weiss" finds "Weiß"
and "Müller" finds "Mueller", because the index holds each row with its umlauts spelt out;
a typed "ae", "oe" or "ue" is never read as an umlaut ("Joe" found "Jo", "does" found "dos",
"Michael" found "Michal"). An old library's index is made again with the spelt-out rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.analysis.model import Analysis, Quote
from reader.store import Store
from reader.store.records import text_hash

TEXT = ("Talks\n\nJo met Michal and the Police chief; dos and job were said. "
        "Anna Müller met Jürgen Weiß.\n")


def found_words(store: Store, query: str) -> list[str]:
    """The words each hit marks in its context (what the article opens at)."""
    return [h.context[slice(*h.match)] for h in store.search(query)]


@pytest.mark.parametrize("query", ["Joe", "Joe*", "Michael", "does", "Poe", "Poe*", "Sue"])
def test_a_typed_ae_oe_or_ue_is_no_umlaut(store: Store, make_doc, query: str) -> None:
    store.save_article(make_doc(text=TEXT, title="Talks"))
    assert store.search(query) == []


def test_a_name_with_an_umlaut_is_found_spelt_out_and_marked(store: Store, make_doc) -> None:
    store.save_article(make_doc(text=TEXT, title="Talks"))
    assert found_words(store, "Mueller") == ["Müller"]
    assert found_words(store, "muell*") == ["Müller"]
    assert found_words(store, '"Anna Mueller"') == ["Anna Müller"]
    assert found_words(store, "Juergen Weiss") == ["Jürgen Weiß"]
    assert found_words(store, "Muller") == ["Müller"]  # the tokenizer drops the accent


def test_a_note_and_a_speaker_are_found_spelt_out(store: Store, make_doc) -> None:
    record = store.save_article(make_doc(text=TEXT, title="Talks"))
    start = TEXT.index("Jo met")
    quote = Quote(id=0, start=start, end=start + 6, text="Jo met", speaker="Jürgen Weiß")
    store.cache_analysis(text_hash(record.text), "m", "1", Analysis(quotes=[quote]))
    store.add_annotation(record.id, record.text, 0, 5, note="Gespräch mit Frau Müller")
    assert [h.kind for h in store.search("Gespraech")] == ["note"]
    assert [h.speaker for h in store.search("Juergen", kinds=("quote",))] == ["Jürgen Weiß"]
    assert store.search("Joe", kinds=("note", "quote")) == []


def _as_before_0012(path: Path) -> None:
    """The index as a library made before 0012 has it: no spelt-out columns, an FTS5 table
    of body and speaker, note triggers that fill neither."""
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                "(name LIKE 'search_rows_%' OR name LIKE 'annotations_search%')"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE search_rows_fts")
    conn.execute("ALTER TABLE search_rows DROP COLUMN body_spelt")
    conn.execute("ALTER TABLE search_rows DROP COLUMN speaker_spelt")
    conn.commit()
    Database(conn).table("search_rows").enable_fts(
        ["body", "speaker"], create_triggers=True, tokenize="porter unicode61")
    note_row = ("INSERT INTO search_rows (article_id, kind, ref, start, \"end\", body) "
                "SELECT new.article_id, 'note', new.id, new.start, new.\"end\", new.note "
                "WHERE new.note != '';")
    conn.execute(f"CREATE TRIGGER annotations_search_ai AFTER INSERT ON annotations BEGIN "
                 f"{note_row} END")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_search_spelt_out'")
    conn.commit()
    conn.close()


def test_an_old_library_is_indexed_again_with_its_umlauts_spelt_out(
    db_path: Path, make_doc
) -> None:
    with Store.open(db_path) as s:
        record = s.save_article(make_doc(text=TEXT, title="Talks"))
        s.add_annotation(record.id, record.text, 0, 5, note="Gespräch mit Frau Müller")
    _as_before_0012(db_path)
    with Store.open(db_path) as s:
        assert sorted((h.kind, h.context[slice(*h.match)]) for h in s.search("Mueller")) == [
            ("note", "Müller"), ("text", "Müller")]
        assert [h.kind for h in s.search("Gespraech")] == ["note"]
        s.add_annotation(record.id, record.text, 6, 10, note="Grüße")  # the new triggers
        assert [h.kind for h in s.search("Gruesse")] == ["note"]
        assert s.search("Joe") == [] and s.search("dos")
        assert [h.kind for h in s.search("Police")] == ["text"]
