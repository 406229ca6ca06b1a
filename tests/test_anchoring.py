"""Re-anchoring (pure): position, exact quote with context, fuzzy for edits, orphans."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.anchoring import Selector, anchor, selector_for

TEXT = (
    "The council met on Tuesday to discuss the budget. The mayor said the plan was fair. "
    "Residents disagreed loudly at the meeting. Later the mayor said the plan was fair "
    "and would not change, while the treasurer warned of a deficit next year."
)


def sel(text: str, passage: str, nth: int = 0) -> Selector:
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return selector_for(text, start, start + len(passage))


def found(text: str, s: Selector) -> str | None:
    a = anchor(text, s)
    return None if a is None else text[a.start : a.end]


def test_unchanged_text_uses_the_position() -> None:
    s = sel(TEXT, "the treasurer warned")
    a = anchor(TEXT, s)
    assert (a.start, a.end, a.method, a.score) == (s.start, s.end, "position", 1.0)


def test_text_inserted_before() -> None:
    s = sel(TEXT, "Residents disagreed loudly")
    new = "Editor's note: this story was updated on Wednesday.\n\n" + TEXT
    a = anchor(new, s)
    assert a.method == "quote"
    assert a.start == s.start + len(new) - len(TEXT)
    assert new[a.start : a.end] == "Residents disagreed loudly"


def test_duplicate_occurrences_disambiguated_by_context() -> None:
    second = sel(TEXT, "mayor said the plan was fair", nth=1)
    first = sel(TEXT, "mayor said the plan was fair", nth=0)
    assert second.start != first.start
    # Shift everything so the old positions are meaningless.
    new = "Updated.\n" + TEXT.replace("the budget.", "the city's budget for next year.")
    a = anchor(new, second)
    assert a.method == "quote"
    assert new[a.start - 10 : a.start] == "Later the "
    # The same passage in the first place is found there, not at the second occurrence.
    dup = "the plan was fair"
    s1 = sel(TEXT, dup, nth=0)
    s2 = sel(TEXT, dup, nth=1)
    a1, a2 = anchor(new, s1), anchor(new, s2)
    assert a1.start == new.index(dup)
    assert a2.start == new.index(dup, a1.start + 1)


def test_duplicate_at_old_position_with_wrong_context_is_not_taken() -> None:
    text = "Tom said yes today. Ann said yes again."
    s = sel(text, "said yes", nth=1)  # Ann's
    new = "Ann said yes again. Tom said yes today."
    # The old position now holds Tom's "said yes", whose context is Tom's: never taken. (Ann's
    # sentence moved to the front, but its 32 characters of context on either side changed
    # with it: an orphan is as right as finding it there.)
    assert new[s.start : s.end] == "said yes"
    a = anchor(new, s)
    assert a is None or (a.start, a.method) == (4, "quote")


def test_passage_edited_slightly() -> None:
    s = sel(TEXT, "the treasurer warned of a deficit next year")
    new = TEXT.replace("warned of a deficit next year", "warned of a large deficit next year")
    a = anchor(new, s)
    assert a.method == "fuzzy"
    assert new[a.start : a.end] == "the treasurer warned of a large deficit next year"


def test_passage_edited_and_moved() -> None:
    s = sel(TEXT, "Residents disagreed loudly at the meeting.")
    new = "New intro paragraph here.\n\n" + TEXT.replace(
        "Residents disagreed loudly at the meeting.",
        "Residents disagreed very loudly at the meeting.",
    )
    assert found(new, s) == "Residents disagreed very loudly at the meeting."


def test_passage_deleted_is_an_orphan() -> None:
    s = sel(TEXT, "Residents disagreed loudly at the meeting. ")
    new = TEXT.replace("Residents disagreed loudly at the meeting. ", "")
    assert anchor(new, s) is None


def test_passage_rewritten_entirely_is_an_orphan() -> None:
    s = sel(TEXT, "the treasurer warned of a deficit next year")
    new = TEXT.replace("the treasurer warned of a deficit next year", "nobody objected")
    assert anchor(new, s) is None


def test_empty_text_and_empty_passage() -> None:
    s = sel(TEXT, "budget")
    assert anchor("", s) is None
    assert anchor(TEXT, Selector(0, 0, "", "", "")) is None


@given(st.text(min_size=1, max_size=300), st.data())
def test_anchor_is_always_inside_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    s = selector_for(text, start, end)
    new = data.draw(st.text(max_size=300))
    a = anchor(new, s)
    if a is not None:
        assert 0 <= a.start < a.end <= len(new)
    same = anchor(text, s)
    assert same is not None and text[same.start : same.end] == text[start:end]


def test_deleted_passage_is_not_moved_onto_a_similar_sentence() -> None:
    text = "The minister said that the plan would work. Critics said that the plan would fail."
    s = sel(text, "the plan would fail")
    new = "The minister said that the plan would work."
    assert anchor(new, s) is None


SEED = (Path(__file__).parents[1] / "reader" / "samples" / "seed.txt").read_text("utf-8")


def paragraph_with(text: str, needle: str) -> str:
    return next(line + "\n" for line in text.splitlines() if needle in line)


def test_a_short_highlight_in_a_deleted_paragraph_is_an_orphan_not_another_occurrence() -> None:
    # "Lapid" highlighted in the paragraph of the meeting; that paragraph is then deleted. The
    # first "Lapid" left ("…top diplomat told Lapid") is another sentence: an orphan, not that.
    for needle in ("opposition leader Yair Lapid", "tweeted Lapid following"):
        start = SEED.index(needle) + needle.index("Lapid")
        s = selector_for(SEED, start, start + len("Lapid"))
        edited = SEED.replace(paragraph_with(SEED, needle), "")
        assert "told Lapid" in edited
        assert anchor(edited, s) is None


def test_a_short_highlight_survives_other_paragraphs_being_deleted() -> None:
    needle = "tweeted Lapid following"
    start = SEED.index(needle) + needle.index("Lapid")
    s = selector_for(SEED, start, start + len("Lapid"))
    edited = SEED.replace(paragraph_with(SEED, "opposition leader Yair Lapid"), "")
    a = anchor(edited, s)
    assert a is not None
    assert edited[a.start - 8 : a.end] == "tweeted Lapid"


def test_a_short_highlight_keeps_its_place_when_one_side_of_it_changes() -> None:
    needle = "tweeted Lapid following the meeting"
    start = SEED.index(needle) + needle.index("Lapid")
    s = selector_for(SEED, start, start + len("Lapid"))
    before = SEED.replace("tweeted Lapid", "tweeted opposition leader Lapid")
    after = SEED.replace("Lapid following the meeting", "Lapid after they met")
    for edited, around in ((before, "leader Lapid follow"), (after, "tweeted Lapid after")):
        a = anchor(edited, s)
        assert a is not None
        assert around in edited[a.start - 8 : a.end + 7]


def test_re_anchoring_is_linear_in_the_length_of_the_text() -> None:
    # The slowest path: an edited sentence that is no longer anywhere exactly (candidates from
    # pieces of it, approximate matching around them), in a book-length text of real sentences.
    from tests.scaling import MAX_GROWTH, growth

    flat = " ".join(SEED.split())

    def make(n: int) -> Callable[[], object]:
        book = ((flat + " ") * (n // len(flat) + 1))[:n]
        start = book.index("Washington’s top diplomat", n // 2)
        s = selector_for(book, start, start + 120)
        edited = book.replace("top diplomat told", "top diplomat then told")  # every copy
        assert anchor(edited, s) is not None and anchor(edited, s).method == "fuzzy"
        return lambda: anchor(edited, s)

    assert growth(make, 100_000) < MAX_GROWTH


def test_a_deleted_word_does_not_slide_onto_the_same_letters_next_to_it() -> None:
    # Found by the property tests: "a" deleted from "according to a State"; the "a" of "State",
    # two characters on, has nearly the same text before it, but not right next to it.
    text = "Washington’s top diplomat told Lapid, according to a State Department readout."
    start = text.index(" a ") + 1
    s = selector_for(text, start, start + 1)
    edited = text.replace("to a State", "to State")
    assert anchor(edited, s) is None


def test_an_edited_first_paragraph_is_found_after_a_paragraph_is_added_above_it() -> None:
    """Found by a fresh-eyes test: a note on the paragraph under the title was orphaned when
    the file gained a paragraph above it and a word inside it. Its remembered context, cut
    short by the text's start, was still found at the start, so the passage was stretched
    over the new paragraph, and that no longer matched."""
    old = ("Title here\n\nThe mayor said the plan was fair to everyone, adding more.\n\n"
           "Residents disagreed loudly at the meeting on Tuesday night.\n")
    new = ("Title here\n\nAn update was added to this story on Friday morning.\n\n"
           "The mayor said the plan was fair to everyone, adding lots more.\n\n"
           "Residents disagreed loudly at the meeting on Tuesday night.\n")
    s = sel(old, "The mayor said the plan was fair to everyone, adding more.")
    assert found(new, s) == "The mayor said the plan was fair to everyone, adding lots more."
    # the mirror image: the last paragraph, with one added below it
    s = sel(old, "Residents disagreed loudly at the meeting on Tuesday night.")
    newer = old.replace("on Tuesday", "late on Tuesday") + "\nA line added at the end.\n"
    assert found(newer, s) == "Residents disagreed loudly at the meeting late on Tuesday night."
