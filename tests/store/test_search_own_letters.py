"""Letters NFKD keeps (ł, ø, æ, œ, þ, đ) in the library's search: "Walesa" finds "Wałęsa" and
"aeon" finds "æon", as the filters and the article's `/` do, the mark on the text's letters;
a library indexed before is spelt again by migration 0014 (notes' triggers too)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.analysis.model import Analysis, Quote
from reader.store import Store
from reader.store.records import text_hash

TEXT = "Strike\n\nLech Wałęsa met Søren Ørsted in Łódź; an æon of œuvres, said Þór.\n"
#: What a row's copy held before 0014: only the umlauts and ß spelt out.
_OLD = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"}


def found_words(store: Store, query: str) -> list[str]:
    return sorted(h.context[slice(*h.match)] for h in store.search(query))


def _old_spelt(text: str) -> str:
    spelt = text.translate(str.maketrans(_OLD))
    return "" if spelt == text else spelt


def _old_sql(column: str) -> str:
    expr = column
    for letter, pair in _OLD.items():
        expr = f"replace({expr}, '{letter}', '{pair}')"
    return f"coalesce(nullif({expr}, {column}), '')"


def _as_before_0014(path: Path) -> None:
    """The index as 0012 and 0013 left it: copies and note triggers spelling umlauts only."""
    conn = sqlite3.connect(path)
    conn.create_function("old_spelt", 1, _old_spelt)
    conn.execute("UPDATE search_rows SET body_spelt = old_spelt(body), "
                 "speaker_spelt = old_spelt(speaker)")
    for name in ("ai", "au"):
        conn.execute(f"DROP TRIGGER annotations_search_{name}")
    note_row = ("INSERT INTO search_rows (article_id, kind, ref, start, \"end\", body, "
                "body_spelt) SELECT new.article_id, 'note', new.id, new.start, new.\"end\", "
                f"new.note, {_old_sql('new.note')} WHERE new.note != '';")
    conn.execute(f"CREATE TRIGGER annotations_search_ai AFTER INSERT ON annotations BEGIN "
                 f"{note_row} END")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_search_own_letters'")
    conn.commit()
    conn.close()


def test_letters_of_their_own_are_found_plain_and_marked(store: Store, make_doc) -> None:
    record = store.save_article(make_doc(text=TEXT, title="Strike"))
    assert found_words(store, "Walesa") == ["Wałęsa"]
    assert found_words(store, '"Lech Walesa"') == ["Lech Wałęsa"]
    assert found_words(store, "Orsted") == ["Ørsted"]
    assert found_words(store, "Lodz") == ["Łódź"]
    assert found_words(store, "aeon") == ["æon"]
    assert found_words(store, "oeuvre*") == ["œuvres"]
    assert found_words(store, "Thor") == ["Þór"]
    assert found_words(store, "Wałęsa") == ["Wałęsa"]
    start = TEXT.index("an æon")
    quote = Quote(id=0, start=start, end=start + 6, text="an æon", speaker="Þór Ørsted")
    store.cache_analysis(text_hash(record.text), "m", "1", Analysis(quotes=[quote]))
    store.add_annotation(record.id, record.text, 0, 6, note="ask Wałęsa")
    assert [h.kind for h in store.search("Walesa", kinds=("note",))] == ["note"]
    assert [h.speaker for h in store.search("Orsted", kinds=("quote",))] == ["Þór Ørsted"]


def test_an_old_library_is_spelt_again(db_path: Path, make_doc) -> None:
    with Store.open(db_path) as s:
        record = s.save_article(make_doc(text=TEXT, title="Strike"))
        s.add_annotation(record.id, record.text, 0, 6, note="Rozmowa w Łodzi z Müllerem")
    _as_before_0014(db_path)
    conn = sqlite3.connect(db_path)  # the old index does miss it
    assert not conn.execute("SELECT count(*) FROM search_rows_fts WHERE search_rows_fts "
                            "MATCH 'Walesa'").fetchone()[0]
    conn.close()
    with Store.open(db_path) as s:
        assert sorted((h.kind, h.context[slice(*h.match)]) for h in s.search("Lodz*")) == [
            ("note", "Łodzi"), ("text", "Łódź")]
        assert found_words(s, "Walesa") == ["Wałęsa"]
        assert [h.kind for h in s.search("Muellerem")] == ["note"]
        s.add_annotation(record.id, record.text, 6, 10, note="Ørsted's æon")  # new triggers
        assert [h.kind for h in s.search("aeon", kinds=("note",))] == ["note"]
        assert s.search("Joe") == []
