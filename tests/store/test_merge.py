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


def test_two_new_notes_are_both_kept_under_a_line() -> None:
    """Joined as bare paragraphs, two windows' first notes read as one note."""
    merged = merge_notes("", "from A", "from B")
    assert (merged.text, merged.conflict) == (f"from A\n\n{CONFLICT_LINE}\nfrom B", True)


def test_a_rewrite_and_an_addition_keep_both_whole() -> None:
    """A word merge made "window two words plus edit", a note neither window wrote."""
    merged = merge_notes("window one words", "window one words plus edit", "window two words")
    assert merged.conflict
    assert merged.text == f"window one words plus edit\n\n{CONFLICT_LINE}\nwindow two words"
    assert merge_notes("a b c", "a b c d", "a c").conflict  # a removed word is a rewrite too


def test_the_same_addition_on_both_sides_is_kept_once() -> None:
    assert merge_notes("a", "a b", "a b c").text == "a b c"
    assert merge_notes("a", "a b c", "a b").text == "a b c"


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


def test_a_note_inside_a_word_of_the_other_is_no_addition() -> None:
    """Found in review: a plain substring test let "look at page 4" stand for "ok", and the
    import merge dropped the note "ok"."""
    from reader.drafts import Draft, joined
    from reader.store.imports import IMPORT_LINE, joined_note
    from reader.store.merge import extends

    assert not extends("look at page 4", "ok")
    assert not extends("okay then", "ok")
    assert not extends("I disagree with the author", "agree")
    assert extends("ok, and see page 4", "ok")
    assert extends("First thought. Second thought.", "Second thought.")
    assert extends("anything", "  ")
    merged = joined_note("ok", "2026-01-01", "look at page 4", "2026-01-02")
    assert merged == f"ok\n\n{IMPORT_LINE}\nlook at page 4"
    kept = joined_note("I disagree with the author", "2026-01-02", "agree", "2026-01-01")
    assert "I disagree with the author" in kept and kept.startswith("agree\n")
    assert joined_note("ok", "2026-01-01", "ok, and page 4", "2026-01-02") == "ok, and page 4"
    first = Draft(article=1, key="k", text="ok", passage="p", updated="2026-01-01")
    second = Draft(article=1, key="k", text="look at page 4", passage="p", updated="2026-01-02")
    both = joined(first, second).text
    assert both.startswith("ok\n") and both.endswith("look at page 4")


def test_added_to_is_what_was_typed_since_the_words_taken() -> None:
    """What an editor typed since another window took its words over and stored them."""
    from reader.store.merge import added_to

    assert added_to("words of A", "words of A and more") == "and more"
    assert added_to("words of A", "Before: words of A") == "Before:"
    assert added_to("words of A", "words of A") == ""
    assert added_to("words of A", "other words") == "other words"  # a rewrite: kept whole
    assert added_to("ok", "ok, look") == ", look"
    assert added_to("", "anything") == "anything"
