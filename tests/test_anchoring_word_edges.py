"""Property test of an edited passage's bounds: one word of a sentence-long passage replaced at
its start, middle or end, the passage is re-anchored over the whole sentence as it reads now
(the new word inside it, whole words at both ends), and anchoring that back onto the
original text gives exactly the original span (a restored file)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.anchoring import anchor, selector_for

SEED = (Path(__file__).parents[1] / "reader" / "samples" / "seed.txt").read_text("utf-8")
VOCABULARY = sorted({w for w in re.findall(r"[A-Za-z]+", SEED) if len(w) > 1})
#: Three sentences of eight or more words, no word twice (a text of repeated words is one
#: where no passage can be told from another: `test_anchoring_properties` covers copies).
WORDS = st.lists(st.sampled_from(VOCABULARY), min_size=30, max_size=60, unique_by=str.casefold)

PROPERTY = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _text(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The sentences joined (the first word capitalised, a full stop), with their spans."""
    text, spans = "", []
    for words in sentences:
        s = " ".join(words)
        s = s[0].upper() + s[1:] + "."
        start = len(text)
        text += s + " "
        spans.append((start, start + len(s)))
    return text, spans


def _at_word_edge(text: str, i: int) -> bool:
    return i in (0, len(text)) or not (text[i - 1].isalnum() and text[i].isalnum())


@PROPERTY
@given(
    words=WORDS,
    where=st.sampled_from(["start", "middle", "end"]),
    word=st.sampled_from(VOCABULARY),
)
def test_a_replaced_word_is_inside_the_re_anchored_passage_and_restoring_undoes_it(
    words: list[str], where: str, word: str
) -> None:
    third = len(words) // 3
    before, passage, after = words[:8], words[8 : 8 + third], words[8 + third :]
    i = {"start": 0, "middle": len(passage) // 2, "end": len(passage) - 1}[where]
    if word.casefold() in {w.casefold() for w in words}:
        word = word + "x"
    # one word of a long passage (a word that is a quarter of it is another passage)
    assume(max(len(word), len(passage[i])) <= 0.15 * len(" ".join(passage)))
    edited_words = [*passage[:i], word, *passage[i + 1 :]]
    old, spans = _text([before, passage, after])
    new, new_spans = _text([before, edited_words, after])
    start, end = spans[1]
    found = anchor(new, selector_for(old, start, end))
    assert found is not None  # one word in eight or more: changed, not an orphan
    assert (found.start, found.end) == new_spans[1]
    assert _at_word_edge(new, found.start) and _at_word_edge(new, found.end)
    back = anchor(old, selector_for(new, found.start, found.end))
    assert back is not None and (back.start, back.end) == (start, end)
