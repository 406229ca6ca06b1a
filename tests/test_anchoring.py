"""Re-anchoring (pure): position, exact quote with context, fuzzy for edits, orphans."""

from __future__ import annotations

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
    # The old position now holds Tom's "said yes"; the context says Ann's moved to the front.
    assert new[s.start : s.end] == "said yes"
    a = anchor(new, s)
    assert (a.start, a.method) == (4, "quote")


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


@given(st.text(min_size=1, max_size=200), st.text(max_size=50), st.text(max_size=50), st.data())
def test_an_intact_passage_is_always_found(
    text: str, before: str, after: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    s = selector_for(text, start, end)
    cut = data.draw(st.integers(0, start))
    new = text[:cut] + before + text[cut:] + after
    a = anchor(new, s)
    assert a is not None and new[a.start : a.end] == s.exact
