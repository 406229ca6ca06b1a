"""Long texts in paragraph batches: same quotes as analyze(), whole-text offsets, stoppable."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from reader.analysis import analyze
from reader.analysis.nlp import resolve_name
from reader.analysis.stream import analyze_stream, make_batches

from .conftest import REPO

SEED = (REPO / "reader" / "samples" / "seed.txt").read_text(encoding="utf-8")


def key(a) -> list[tuple]:
    return [(q.start, q.end, q.text, q.speaker) for q in a.quotes]


def test_one_batch_gives_the_same_quotes_as_analyze(nlp: Language) -> None:
    steps = list(analyze_stream(SEED, nlp=nlp))
    assert len(steps) == 1 and steps[0].done == steps[0].total == len(SEED)
    assert key(steps[0].analysis) == key(analyze(SEED, nlp=nlp))


def test_batches_tile_the_text_on_paragraph_boundaries() -> None:
    text = "\n\n".join([SEED] * 3)
    batches = make_batches(text, 3000)
    assert batches[0][0] == 0 and batches[-1][1] == len(text)
    for (_, end, _), (start, _, paras) in itertools.pairwise(batches):
        assert end == start and paras[0][0] == start
        assert text[start - 1] == "\n"


def test_many_batches_keep_whole_text_offsets_and_grow(nlp: Language) -> None:
    text = "\n\n".join([SEED] * 3)
    steps = list(analyze_stream(text, nlp=nlp, batch_chars=2500))
    assert len(steps) > 3
    dones = [s.done for s in steps]
    assert dones == sorted(dones) and dones[-1] == len(text)
    counts = [len(s.analysis.quotes) for s in steps]
    assert counts == sorted(counts) and counts[-1] == 45
    for s in steps:
        for q in s.analysis.quotes:
            assert q.end <= s.done and text[q.start : q.end] == q.text
    single = analyze(text, nlp=nlp)
    assert [(q.start, q.end) for q in steps[-1].analysis.quotes] == [
        (q.start, q.end) for q in single.quotes
    ]


def test_closing_the_generator_stops_the_work() -> None:
    seen: list[int] = []

    @Language.component("reader_test_counter")
    def counter(doc):  # type: ignore[no-untyped-def]
        seen.append(len(doc))
        return doc

    nlp = spacy.load(resolve_name())
    nlp.add_pipe("reader_test_counter", last=True)
    text = "\n\n".join([SEED] * 10)
    gen: Iterator = analyze_stream(text, nlp=nlp, batch_chars=2000)
    first = next(gen)
    assert first.done < first.total
    gen.close()
    parsed = len(seen)
    assert parsed < len(make_batches(text, 2000)) // 2


def test_crlf_text_gives_the_same_quotes_with_offsets_into_it(nlp) -> None:
    """Windows line endings: same speakers as LF, spans into the text as given."""
    from reader.analysis import analyze
    from reader.analysis.stream import analyze_stream

    lf = (Path(__file__).parents[2] / "reader" / "samples" / "seed.txt").read_text("utf-8")
    crlf = lf.replace("\n", "\r\n")
    plain = analyze(lf, nlp=nlp)
    whole = analyze(crlf, nlp=nlp)
    *_, streamed = analyze_stream(crlf, nlp=nlp, batch_chars=800)
    for result in (whole, streamed.analysis):
        assert [(q.text, q.speaker) for q in result.quotes] == [
            (q.text, q.speaker) for q in plain.quotes
        ]
        assert all(crlf[q.start : q.end] == q.text for q in result.quotes)
        assert all(crlf[e.start : e.end] == e.text for e in result.entities)


def test_each_step_says_what_changed_and_brings_every_record_up_to_date(nlp: Language) -> None:
    """The engine's steps visit only what changed (new records, renamed clusters' records):
    after each, every record's speaker is what the state says from scratch, and the speakers
    are ``summarise``'s, so no record the shortcut skips is left behind."""
    from reader.analysis.engine import Engine
    from reader.analysis.model import Analysis
    from reader.analysis.stream import read_pieces
    from reader.analysis.summary import summarise

    # A surname alone first, its full name a batch later: the earlier records are renamed.
    opening = "“We will not wait,” Blinken said on Monday.\n\n“Nor will we,” Gantz said."
    text = "\n\n".join([opening, "Filler text without names. " * 60, *[SEED.strip()] * 3])
    engine = Engine(text)
    st = engine.state
    mine = Analysis()
    renamed = 0
    for _ in read_pieces(engine, nlp, batch_chars=1200):
        delta = engine.step()
        renamed += sum(1 for q in delta.quotes if q.id < len(mine.quotes))
        delta.apply(mine)
        assert mine.quotes == st.quotes and mine.entities == st.entities
        clusters = st.registry.clusters
        for q in mine.quotes:
            cid = st.cluster_of.get(q.id)
            assert q.speaker == (clusters[cid].canonical if cid is not None else None)
        linked = {id(e): clusters[cid].canonical for e, cid in st.entity_cluster}
        expected = [linked.get(id(e)) for e in st.entities]
        assert [e.speaker for e in mine.entities] == expected
        assert mine.speakers == summarise(st.quotes, st.registry, st.cluster_of)
    assert renamed  # the text renames speakers of earlier quotes: that path was taken
    # The final step, once everything is read, makes the entities agree with the speakers.
    last = engine.step(final=True)
    assert last.quotes == []  # no quote changed since
    assert last.entity_updates  # names of quoted people the tagger called something else
    last.apply(mine)
    final = analyze(text, nlp=nlp)
    assert (mine.quotes, mine.entities, mine.speakers) == (
        final.quotes,
        final.entities,
        final.speakers,
    )
