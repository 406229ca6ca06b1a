"""The engine's own pass is linear in the text, whatever its shape: a sentence of thousands of
quotes (an attack found one that took minutes) must not make each quote scan the sentence."""

from __future__ import annotations

from spacy.language import Language

from reader.analysis.engine import Engine
from reader.analysis.stream import BATCH_CHARS, feed_pieces, make_batches, parse_pieces

from ..scaling import MAX_GROWTH, clock, growth, growth_of


def test_one_sentence_of_many_quotes_is_read_in_linear_time(nlp: Language) -> None:
    parsed: dict[int, tuple[str, list, list]] = {}

    def measure(n: int) -> float:
        if n not in parsed:
            text = "He said " + "“a” " * n + "today."  # the parser keeps it one sentence
            batches = make_batches(text, BATCH_CHARS)
            parsed[n] = (text, batches, list(parse_pieces(text, batches, nlp)))
        text, batches, docs = parsed[n]
        engine = Engine(text)
        start = clock()
        for _ in feed_pieces(engine, batches, docs):
            pass
        seconds = clock() - start
        return seconds

    assert growth_of(measure, 100, repeat=2) < MAX_GROWTH


def test_the_quotes_of_one_long_paragraph_are_found_in_linear_time() -> None:
    """Found by a fresh-eyes test: a 2.4 MB one-line text sat at "analysing… 0%" for 25 s,
    because whether each quote opens its paragraph was asked by stripping everything before
    it (16.7 s of the reader's batching for that text)."""
    from reader.analysis.quotes import quotes_in_paragraphs

    def make(n: int):
        text = "He said “we will not give up” and left, and then " * n
        paras = [(0, len(text))]
        return lambda: quotes_in_paragraphs(text, paras, "double")

    assert growth(make, 1000, repeat=3) < MAX_GROWTH
