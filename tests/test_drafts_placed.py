"""A new note's draft is placed on the text as it is now: by its passage's words and context
(as a note is), by its words alone when it was kept before its context was, never at its old
offsets in another text."""

from __future__ import annotations

from reader.drafts import Draft, placed, with_context

TEXT = "First sentence here. The passage we wrote about, with some words. A last one.\n"
PASSAGE = "The passage we wrote about, with some words."


def _draft(text: str, *, context: bool) -> Draft:
    start = text.index(PASSAGE)
    draft = Draft(article=1, key=f"span:{start}:{start + len(PASSAGE)}", text="typed",
                  passage=PASSAGE, span=(start, start + len(PASSAGE), 2))
    return with_context(draft, text) if context else draft


def test_a_draft_follows_an_insertion_before_its_passage() -> None:
    new = "An inserted paragraph.\n\n" + TEXT
    for context in (True, False):
        moved = placed(_draft(TEXT, context=context), new)
        assert moved is not None and moved.span is not None
        assert new[moved.span[0] : moved.span[1]] == PASSAGE
        assert moved.key == f"span:{moved.span[0]}:{moved.span[1]}" and moved.text == "typed"


def test_a_draft_whose_passage_words_changed_covers_the_passage_now() -> None:
    new = ("Inserted.\n\n" + TEXT).replace("The passage we", "This passage we")
    moved = placed(_draft(TEXT, context=True), new)
    assert moved is not None and moved.passage == "This passage we wrote about, with some words."


def test_a_draft_whose_passage_is_gone_or_ambiguous_is_not_placed() -> None:
    assert placed(_draft(TEXT, context=True), "Nothing of it is left.\n") is None
    twice = "Inserted. " + TEXT + " " + PASSAGE
    assert placed(_draft(TEXT, context=False), twice) is None  # no context: which one?


def test_an_unchanged_text_keeps_the_draft_where_it_is() -> None:
    draft = _draft(TEXT, context=True)
    assert placed(draft, TEXT) == draft
