"""What a person types is searched as words: an apostrophe, a hyphen or dots are no FTS5 syntax
error, and the syntax the README promises still works. A real SQLite library holding the
bundled sample article (its typographic apostrophes, "U.S." and hyphenated words)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store import Store
from reader.store.search_query import fts_query
from reader.ui.launch import sample_document


@pytest.fixture
def library(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "library.db")
    store.save_article(sample_document())
    yield store
    store.close()


@pytest.mark.parametrize(("typed", "word"), [
    ("Israel's", "Israel’s"),       # a straight apostrophe finds the typographic one
    ("Israel’s", "Israel’s"),
    ("U.S.", "U.S."),
    ("hostage-release", "hostage-release"),
    ("non-starters", "non-starters"),
])
def test_punctuated_words_are_found(library: Store, typed: str, word: str) -> None:
    text = library.get_article(1).text
    hits = library.search(typed, kinds=("text",))
    assert hits, typed
    assert len(hits) == len({text.index(line) for line in text.splitlines() if word in line})
    for hit in hits:
        assert text[hit.offset :].lower().startswith(re.split(r"[’'.\-]", word)[0].lower())


def test_the_documented_syntax_still_works(library: Store) -> None:
    text = library.get_article(1).text
    paragraphs = [p for p in text.splitlines() if p.strip()]

    def count(pred) -> int:
        return sum(1 for p in paragraphs if pred(p))

    assert len(library.search("Hamas's OR Iran's", kinds=("text",))) == count(
        lambda p: "Hamas’s" in p or "Iran’s" in p)
    assert len(library.search("Hamas's NOT Israel's", kinds=("text",))) == count(
        lambda p: "Hamas’s" in p and "Israel’s" not in p)
    # A quoted phrase is one phrase: its words side by side, in order.
    assert library.search('"Israel\'s army"', kinds=("text",)) == []
    assert library.search("hostage-rel*", kinds=("text",))
    assert library.search("NEAR(Hamas's U.S., 40)", kinds=("text",))
    assert library.search("(Hamas's OR Iran's) U.S.", kinds=("text",))


@pytest.mark.parametrize("typed", [
    "Israel's", "co-operation", "U.S.", '"unclosed', "plan AND", "NEAR(plan", "a AND NOT b",
    "(open", "close)", "speaker: x", "^start", "C++", "x * y", "1,000", "NEAR(a b, 3", "OR x",
])
def test_every_typed_query_is_valid_fts5(typed: str) -> None:
    """What the builder gives the index is never a syntax error."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, speaker, tokenize='porter unicode61')")
    query = fts_query(typed)
    assert query
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["word", "Israel's", "’", '"', "(", ")", "*", "AND", "OR", "NOT", "NEAR", "NEAR(", ",", "3",
     "-", ".", ":", "^", "+", " ", "é", "\u00a0"]), max_size=12).map("".join))
def test_no_typed_text_is_an_fts5_syntax_error(typed: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, speaker, tokenize='porter unicode61')")
    query = fts_query(typed)
    if query:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall()


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=400),
    st.lists(st.sampled_from(["", "a ", "b OR ", "NOT c ", "d AND ", "NEAR(e f) ", ") ("]),
             min_size=400, max_size=400),
    st.booleans(),
)
def test_deeply_nested_groups_are_valid_fts5(depth: int, words: list[str], closed: bool) -> None:
    """FTS5's parser overflows its stack at about 32 nested groups: deeper ones are flattened,
    and brackets around one word dropped, so no depth typed is refused."""
    typed = "".join("(" + w for w in words[:depth]) + "Gaza" + (")" * depth if closed else "")
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, speaker, tokenize='porter unicode61')")
    query = fts_query(typed)
    assert query
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall()


@pytest.mark.parametrize("brackets", [50, 100, 5000])
def test_a_word_in_many_brackets_is_the_word(library: Store, brackets: int) -> None:
    assert fts_query("(" * brackets + "Gaza") == '"Gaza"'
    found = library.search("(" * brackets + "Hamas's" + ")" * brackets, kinds=("text",))
    assert found and found == library.search("Hamas's", kinds=("text",))
