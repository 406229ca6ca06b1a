"""The library's search over a very long row: a 1 MB note, or an article that is one paragraph.
FTS5's highlight() copies its output again at each match, so a note saying a word 75,000 times
took seconds of CPU to mark while the search-as-you-type showed nothing. Such rows are marked
by their words in Python, as the index matched them: the same words highlight() marks in a
shorter copy of the row, only where the part of the query they are in holds (no timings
here: the marks and hits are what is checked)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sources import Document
from reader.store import Store
from reader.store.search_marks import HIGHLIGHT_LONGEST, marked
from reader.store.search_query import fts_query

NOTE = "word 漢字 " * 75_000  # 600,000 characters


def test_a_word_said_75000_times_in_a_note_is_found_at_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db") as store:
        text = "A short article. It says word once.\n"
        record = store.save_article(Document(title="Short", source="/a.txt", text=text))
        store.add_annotation(record.id, text, 0, 16, note=NOTE)
        hits = store.search("word")
    note = [h for h in hits if h.kind == "note"]
    assert len(note) == 1 and note[0].offset == 0  # a note opens at its passage, once
    assert note[0].context.startswith("word 漢字 word 漢字")
    assert note[0].context[slice(*note[0].match)] == "word"
    assert [h.offset for h in hits if h.kind == "text"] == [text.index("word")]


def test_a_long_note_is_found_by_a_stem_or_a_prefix(tmp_path: Path) -> None:
    note = "Nothing here. " * (HIGHLIGHT_LONGEST // 14) + "Many Words said, then wordy ones."
    with Store.open(tmp_path / "a.db") as store:
        text = "A short article.\n"
        record = store.save_article(Document(title="Short", source="/a.txt", text=text))
        store.add_annotation(record.id, text, 0, 16, note=note)
        for query in ("word", "wor*", '"many words"'):
            (hit,) = store.search(query)
            assert hit.kind == "note" and len(note) > HIGHLIGHT_LONGEST
            assert hit.context[slice(*hit.match)].lower().startswith(("words", "many words"))


TAIL = "War in Warsaw, warm wars. The studies of a study. Many Words said, then wordy ones."


def _highlighted(body: str, match: str) -> str:
    """SQLite's own marks (highlight()) with the index's tokenizer: what to agree with."""
    with sqlite3.connect(":memory:") as db:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize='porter unicode61')")
        db.execute("INSERT INTO t VALUES (?)", [body])
        rows = db.execute("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?", [match])
        return next((str(row[0]) for row in rows), body)  # a row it does not match: no marks


@pytest.mark.parametrize("query", ["war", "study", "studies", "wor*", '"many words"', "said war"])
def test_a_long_row_is_marked_where_highlight_marks_it(query: str) -> None:
    """Whole words by their stem ("war" not in "warm" or "Warsaw", "studies" for "study"),
    a prefix where asked: the marks highlight() makes in a short row."""
    filler = "Nothing here. " * (HIGHLIGHT_LONGEST // 14)
    match = fts_query(query)
    assert marked(filler + TAIL, match, "[", "]") == filler + _highlighted(TAIL, match)


@pytest.mark.parametrize("query", ["Muller", "Mueller", "Müller", "Weiss", "muell*", "Joe"])
def test_a_long_row_marks_a_name_with_or_without_its_accents(tmp_path: Path, query: str) -> None:
    """"Muller" and "Mueller" find "Müller" (the tokenizer drops accents; the index holds the
    row with its umlauts spelt out): a long note marks the words a short one does, where
    highlight() marks them, and "Joe" none of them (no "ue" is taken for an umlaut)."""
    tail = "Anna Müller met Karl Mueller and Jürgen Weiß, then Muller and Jo."
    long = "Nothing here. " * (HIGHLIGHT_LONGEST // 14) + tail
    with Store.open(tmp_path / "a.db") as store:
        text = "A short article.\n"
        record = store.save_article(Document(title="Short", source="/a.txt", text=text))
        for note in (tail, long):
            store.add_annotation(record.id, text, 0, 16, note=note)
        hits = store.search(query)
    marked_words = [h.context[slice(*h.match)] for h in hits if h.kind == "note"]
    found = {"Muller": "Müller", "Mueller": "Müller", "Müller": "Müller", "Weiss": "Weiß",
             "muell*": "Müller"}.get(query)
    assert marked_words == ([found, found] if found else [])


@pytest.mark.parametrize("query", [
    "then OR (wordy NOT warm)",     # "wordy" is in the row, but so is "warm": neither marked
    "then OR (wordy NOT absent)",
    "war OR (study NOT (warm OR absent))",
    '"many words" OR (wor* NOT "said then")',
    "(war OR study) NOT absent",
    "studies AND (then OR absent) NOT (wordy NOT warm)",
])
def test_only_the_parts_of_a_query_that_hold_are_marked(query: str) -> None:
    """`a OR (b NOT c)` in a row with a, b and c: highlight() marks a alone, as b NOT c fails
    there; the words after a NOT never. A long row was marked with b (and its every word not
    after a NOT) whatever the rest of the query said."""
    filler = "Nothing here. " * (HIGHLIGHT_LONGEST // 14)
    match = fts_query(query)
    assert marked(filler + TAIL, match, "[", "]") == filler + _highlighted(TAIL, match)


ROW_WORDS = ["war", "warm", "wars", "study", "studies", "many", "words", "wordy", "then", "said"]
QUERY_PIECES = ["war", "study", "wor*", "stud*", '"many words"', '"said then"', "then", "absent",
                "NOT", "OR", "AND", "(", ")"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ROW_WORDS), max_size=12).map(" ".join),
       st.lists(st.sampled_from(QUERY_PIECES), min_size=1, max_size=9).map(" ".join))
def test_a_long_row_is_marked_as_fts5_marks_it(row: str, typed: str) -> None:
    """Brackets, OR, NOT, AND, quoted phrases and prefixes, as typed: the marks are
    highlight()'s, and a row the query does not match is not marked at all."""
    match = fts_query(typed)
    if match:
        assert marked(row, match, "[", "]") == _highlighted(row, match)
