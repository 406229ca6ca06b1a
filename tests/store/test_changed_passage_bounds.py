"""A passage whose first or last word changed is re-anchored whole (not from the second
letter of its first word), a one-word change does not orphan it, and restoring the file gives
back exactly the passage the note was written on. A fresh-eyes tester's steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store

SEED = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")
SOURCE = "/tmp/x/bounds.txt"
STORY = (
    "The call came late on a Tuesday, after the last of the visitors had gone home. "
    "When the bell rang, his neighbour Ada was reading aloud to him by the window. "
    "Ada took the message, which came from the harbour master's office. "
    "“Is the boat still moored?” the voice asked.\n\n"
    "Ada didn’t quite know what to make of the strange question, and the clerk kept talking. "
    "“I need to let you know that the storm is coming tonight,” the voice said, "
    "“and the pier will be closed.”\n\n"
    "Nobody slept much that night, and the wind took two of the old sheds by the water.\n"
)


def _sentence(text: str, starting: str, ending: str) -> tuple[int, int]:
    start = text.index(starting)
    return start, text.index(ending, start) + len(ending)


CASES = [
    # (passage's first words, its last words, old, new): a word at its start, end, middle
    ("When the bell", "by the window.", "When the bell", "Then the bell"),
    ("When the bell", "by the window.", "When the bell", "As the bell"),
    ("Ada took", "master's office.", "Ada took", "Adaline took"),
    ("Ada took", "master's office.", "Ada took the", "She took the"),
    ("“I need", "be closed.”", "“I need", "“We need"),
    ("Ada didn’t", "kept talking.", "Ada didn’t", "She didn’t"),
    ("Ada didn’t", "kept talking.", "kept talking.", "kept going."),
    ("When the bell", "by the window.", "by the window.", "by the door."),
    ("When the bell", "by the window.", "neighbour Ada", "neighbour Bea"),
]


@pytest.mark.parametrize(("first", "last", "old", "new"), CASES)
def test_a_changed_word_at_either_end_is_inside_the_passage_and_restoring_undoes_it(
    store: Store, make_doc, first: str, last: str, old: str, new: str
) -> None:
    start, end = _sentence(STORY, first, last)
    article = store.save_article(make_doc(STORY, source=SOURCE))
    store.add_annotation(article.id, STORY, start, end, note="S2")
    edited = STORY.replace(old, new, 1)
    store.save_article(make_doc(edited, source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert not ann.orphaned and ann.changed
    # the whole sentence as it reads now: the replaced words included, nothing cut
    assert STORY.index(old, start) < end  # (the edit is inside the passage)
    assert (ann.start, ann.end) == (start, end + len(new) - len(old))
    store.save_article(make_doc(STORY, source=SOURCE))
    (back,) = store.annotations(article.id)
    assert (back.start, back.end, back.exact) == (start, end, STORY[start:end])
    assert not back.changed and not back.orphaned


def test_the_sample_s_first_word_replaced_and_restored(store: Store, make_doc) -> None:
    start, end = _sentence(SEED, "Gantz and party colleague", "Oct. 7 massacre.")
    article = store.save_article(make_doc(SEED, source=SOURCE))
    store.add_annotation(article.id, SEED, start, end, note="who joined")
    edited = SEED.replace("Gantz and party colleague", "Lapid and party colleague")
    store.save_article(make_doc(edited, source=SOURCE))
    (ann,) = store.annotations(article.id)
    assert (ann.start, ann.end) == (start, end) and ann.exact.startswith("Lapid and party")
    store.save_article(make_doc(SEED, source=SOURCE))
    (back,) = store.annotations(article.id)
    assert (back.start, back.end, back.changed) == (start, end, False)
