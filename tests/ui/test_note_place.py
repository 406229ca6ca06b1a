"""Where a note's card says it is: the heading above it and the share of the text."""

from __future__ import annotations

from reader.ui.note_place import place

HEADS = [(100, "CHAPTER I"), (500, "CHAPTER II.  The   Return to the harbour at Gdańsk")]


def test_before_any_heading_it_is_a_share_of_the_text() -> None:
    assert place(50, 1000, HEADS) == "5% through"
    assert place(420, 1000, []) == "42% through"


def test_under_a_heading_it_names_it_and_the_share() -> None:
    assert place(100, 1000, HEADS) == "CHAPTER I · 10%"
    assert place(999, 1000, HEADS) == "CHAPTER II. The Return to… · 99%"


def test_a_long_texts_place_is_in_tenths() -> None:
    """In a 324 KB novel every note of a chapter said "CHAPTER 1 · 0%"."""
    assert place(1_300, 324_000, [(0, "CHAPTER 1")]) == "CHAPTER 1 · 0.4%"
    assert place(324_000, 324_000, []) == "100.0% through"


def test_an_empty_text_has_no_place() -> None:
    assert place(0, 0, HEADS) == ""
