"""Stage 3: the candidates for a quote's speaker, with their features, read from the state the
engine built (the seam a ranker will use). A pure query: asking changes nothing."""

from __future__ import annotations

from spacy.language import Language

from reader.analysis.candidates import Candidate, candidates
from reader.analysis.engine import Engine
from reader.analysis.nlp import parse

TEXT = (
    "The Vantara Micro Devices board met on Monday. Tom Reed met Maria Lopez in Geneva. "
    "Lopez thanked him for the offer.\n\n"
    "“We are ready,” she said."
)


def _read(nlp: Language, text: str) -> Engine:
    engine = Engine(text)
    engine.feed(parse(nlp, text))
    return engine


def _at(found: list[Candidate], word: str, text: str = TEXT) -> Candidate:
    start = text.index(word)
    (c,) = [c for c in found if c.start == start]
    return c


def test_candidates_carry_side_distance_paragraph_cue_and_salience(nlp: Language) -> None:
    engine = _read(nlp, TEXT)
    found = candidates(engine.state, engine.state.infos[0])
    assert [c.chars for c in found] == sorted(c.chars for c in found)
    she = _at(found, "she")
    assert (she.kind, she.side, she.cue_subject, she.chosen, she.paragraphs) == (
        "pronoun",
        "after",
        True,
        True,
        0,
    )
    assert she.name == "Maria Lopez" and she.chars == 1 and she.salience is None
    lopez = _at(found, "Lopez thanked")
    assert (lopez.kind, lopez.side, lopez.subject, lopez.salience) == ("name", "before", True, 0)
    assert (lopez.sentences, lopez.paragraphs, lopez.chosen) == (1, 1, True)
    reed = _at(found, "Reed")
    assert (reed.name, reed.chosen, reed.cue_subject) == ("Tom Reed", False, False)
    assert reed.salience is not None and reed.salience > 0
    assert any(c.kind == "organisation" and c.cluster is None for c in found)
    mentions = [(c.start, c.cluster) for c in found if c.cluster is not None]
    assert len(set(mentions)) == len(mentions)  # the cue's pronoun once


def test_candidates_change_nothing(nlp: Language) -> None:
    engine = _read(nlp, TEXT)
    before = engine.snapshot().to_json()
    for info in engine.state.infos:
        candidates(engine.state, info)
    assert engine.snapshot().to_json() == before


def test_candidates_stay_within_the_window(nlp: Language) -> None:
    filler = "The weather was mild and the streets were quiet. " * 14
    text = f"Tom Reed arrived early. {filler}\n\n“We are ready,” Maria Lopez said."
    engine = _read(nlp, text)
    names = {c.name for c in candidates(engine.state, engine.state.infos[0])}
    assert names == {"Maria Lopez"}
