"""The three-way merge of two edits of one note: nothing either side typed is dropped."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from reader.store.merge import CONFLICT_LINE, merge_notes


def test_one_side_changed_takes_that_side() -> None:
    assert merge_notes("a b", "a b", "a b c").text == "a b c"
    assert merge_notes("a b", "a b c", "a b").text == "a b c"
    assert merge_notes("a b", "x", "x").text == "x"


def test_edits_of_different_words_both_go_in() -> None:
    merged = merge_notes("Lopez said peace talks resume", "Maria Lopez said peace talks resume",
                         "Lopez said peace talks resume on Monday")
    assert (merged.text, merged.conflict) == (
        "Maria Lopez said peace talks resume on Monday", False)


def test_additions_at_the_same_place_keep_both_theirs_first() -> None:
    merged = merge_notes("first", "first + edit by A", "first + edit by B")
    assert (merged.text, merged.conflict) == ("first + edit by A + edit by B", False)


def test_two_new_notes_become_paragraphs() -> None:
    assert merge_notes("", "from A", "from B").text == "from A\n\nfrom B"


def test_rewrites_of_the_same_words_keep_both_whole() -> None:
    merged = merge_notes("check this claim", "verified by phone", "probably false")
    assert merged.conflict
    assert merged.text == f"verified by phone\n\n{CONFLICT_LINE}\nprobably false"


words = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "\n", "  "]), max_size=8).map(
    " ".join
)


@given(words, words, words)
def test_every_added_word_survives(base: str, theirs: str, mine: str) -> None:
    """Whatever the two sides did, every word either side added is in the result as often."""
    merged = Counter(merge_notes(base, theirs, mine).text.split())
    for side in (theirs, mine):
        added = Counter(side.split()) - Counter(base.split())
        assert not added - merged
