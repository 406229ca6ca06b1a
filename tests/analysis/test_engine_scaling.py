"""The engine's own pass is linear in the text, whatever its shape: a sentence of thousands of
quotes (an attack found one that took minutes) must not make each quote scan the sentence."""

from __future__ import annotations

from spacy.language import Language

from reader.analysis.engine import Engine
from reader.analysis.stream import BATCH_CHARS, feed_pieces, make_batches, parse_pieces

from ..scaling import MAX_GROWTH, clock, growth_of


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
