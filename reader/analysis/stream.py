"""Analysing a text in bounded pieces, with the cumulative result after each piece.

Every text, whatever its size, is read this way (``analyze`` too): whole paragraphs in batches
of about ``batch_chars``, and a paragraph longer than ``max_chars`` in sentence-aligned pieces
(``chunks``), so spaCy never holds a Doc longer than ``max_chars`` and memory stays flat on a
book or a one-paragraph dump. The engine carries its state from piece to piece; the quotes of
a long paragraph are found on the whole paragraph first, so a piece's edge cannot cut a quote.
Pieces go through ``nlp.pipe`` lazily, so closing the generator stops the work. A text that
fits in one batch is read as a single Doc, exactly as it always was.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.analysis.chunks import cut_points
from reader.analysis.engine import Engine
from reader.analysis.model import Delta, StreamProgress
from reader.analysis.quotes import QuoteSpan, paragraphs, primary_marks, quotes_in_paragraphs

__all__ = [
    "BATCH_CHARS",
    "MAX_DOC_CHARS",
    "StreamProgress",
    "analyze_stream",
    "make_batches",
    "stream_deltas",
]

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Paragraphs are parsed in batches of about this many characters (the app's progress steps).
BATCH_CHARS = 20_000
#: No Doc is longer than this: a parse takes about 15 KB a token, 60 MB for 20,000 characters
#: of prose, and up to 300 MB when every other character is a token.
MAX_DOC_CHARS = 20_000

#: (start, end, paragraphs): the pieces tile the text. A piece of a long paragraph has that one
#: paragraph, which reaches beyond the piece.
Batch = tuple[int, int, list[tuple[int, int]]]


def make_batches(
    text: str, batch_chars: int, max_chars: int = MAX_DOC_CHARS, primary: str | None = None
) -> list[Batch]:
    """Consecutive (start, end, paragraphs) covering the whole text, about batch_chars each
    and never more than max_chars but for the whitespace between paragraphs.

    Batches tile the text (each ends where the next begins), so one batch is the whole text.
    A paragraph longer than max_chars is cut into pieces at sentence ends outside quotes
    (``primary``: the text's quotation marks, found when not given).
    """
    batch_chars = min(batch_chars, max_chars)
    starts: list[tuple[int, list[tuple[int, int]]]] = []
    current: list[tuple[int, int]] = []
    start = 0
    for ps, pe in paragraphs(text):
        if pe - ps > max_chars:
            if current:
                starts.append((start, current))
                current = []
            primary = primary or primary_marks(text)
            quotes = quotes_in_paragraphs(text, [(ps, pe)], primary)
            starts.append((ps if starts else 0, [(ps, pe)]))
            starts.extend((cut, [(ps, pe)]) for cut in cut_points(text, ps, pe, max_chars, quotes))
            start = -1  # the next paragraph opens a batch
            continue
        if start < 0:
            start = ps
        elif current and pe - start > batch_chars:
            starts.append((start, current))
            start, current = ps, []
        current.append((ps, pe))
    if current or not starts:
        starts.append((start, current))
    ends = [s for s, _ in starts[1:]] + [len(text)]
    return [(s, e, paras) for (s, paras), e in zip(starts, ends, strict=True)]


def analyze_stream(
    text: str,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    batch_chars: int = BATCH_CHARS,
    doc: str = "",
    processes: int = 1,
    max_chars: int = MAX_DOC_CHARS,
) -> Iterator[StreamProgress]:
    """Yield the cumulative analysis after each batch of paragraphs, and what the batch
    changed (the analysis's lists are its own; its records are the engine's, updated later).

    ``processes`` > 1 parses with spaCy's ``n_process`` (a 1 MB text about 25% faster on two
    cores) while the engine's pass stays in order here. Closing such a generator early waits
    on spaCy's workers, so only the analysis child process uses it: its parent stops it by
    killing its whole process group.
    """
    nlp, mid = pipeline(model, nlp)
    engine = Engine(text)
    for done in read_pieces(engine, nlp, batch_chars, processes, max_chars):
        delta = engine.step(final=done >= len(text))
        analysis = engine.analysis(delta.speakers, doc=doc, model=mid)
        yield StreamProgress(done, len(text), analysis, delta)


def stream_deltas(
    text: str,
    nlp: Language,
    *,
    batch_chars: int = BATCH_CHARS,
    processes: int = 1,
    max_chars: int = MAX_DOC_CHARS,
) -> Iterator[tuple[int, Delta]]:
    """``analyze_stream`` as (done, what changed) alone: the analysis child sends no more."""
    engine = Engine(text)
    for done in read_pieces(engine, nlp, batch_chars, processes, max_chars):
        yield done, engine.step(final=done >= len(text))


def pipeline(model: str | None, nlp: Language | None) -> tuple[Language, str]:
    """The pipeline to parse with (loaded unless given) and its model id."""
    from reader.analysis.nlp import load_pipeline, model_id, pipeline_id

    if nlp is None:
        return load_pipeline(model), model_id(model)
    return nlp, pipeline_id(nlp)


def read_pieces(
    engine: Engine,
    nlp: Language,
    batch_chars: int = BATCH_CHARS,
    processes: int = 1,
    max_chars: int = MAX_DOC_CHARS,
) -> Iterator[int]:
    """Feed the engine its text piece by piece, yielding how far it has read after each
    (a snapshot is the caller's choice: ``analyze`` wants only the last)."""
    batches = make_batches(engine.text, batch_chars, max_chars, engine.primary)
    yield from feed_pieces(engine, batches, parse_pieces(engine.text, batches, nlp, processes))


def parse_pieces(
    text: str, batches: list[Batch], nlp: Language, processes: int = 1
) -> Iterator[Doc]:
    """The parsed Doc of each batch, lazily: the parse is the only model-bound part, so a
    corpus evaluation can keep these Docs and replay the engine alone (``tools/evaluate.py``)."""
    from reader.analysis.nlp import for_parser, mark_paragraphs

    disable = [p for p in ("reader_quotes",) if p in nlp.pipe_names]
    texts = (mark_paragraphs(nlp.make_doc(for_parser(text[s:e])), p, s) for s, e, p in batches)
    return nlp.pipe(texts, disable=disable, batch_size=1, n_process=processes)


def feed_pieces(engine: Engine, batches: list[Batch], parsed_docs: Iterable[Doc]) -> Iterator[int]:
    """Feed the engine each batch's parsed Doc in order, yielding how far it has read."""
    text = engine.text
    long_para, number = (0, 0), 0
    quotes: list[QuoteSpan] = []
    q_starts: list[int] = []
    q_ends: list[int] = []
    for (s, e, paras), parsed in zip(batches, parsed_docs, strict=False):
        if len(paras) == 1 and (paras[0][0] < s or paras[0][1] > e):  # a long paragraph's piece
            if paras[0] != long_para:  # its first: find the whole paragraph's quotes, once
                long_para, number = paras[0], engine.para_base
                quotes = quotes_in_paragraphs(text, paras, engine.primary, number)
                q_starts, q_ends = [q.start for q in quotes], [q.end for q in quotes]
            reaching = quotes[bisect_right(q_ends, s) : bisect_left(q_starts, e)]
            engine.feed(parsed, s, paras, spans=reaching, first_para=number)
        else:
            engine.feed(parsed, s, paras)
        yield e
