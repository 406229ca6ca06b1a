"""One real spaCy pipeline for the whole session (loading it takes about a second)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from reader.analysis import Analysis, analyze
from reader.analysis.attribution import Cue, find_cue
from reader.analysis.engine import Engine
from reader.analysis.nlp import load_pipeline, parse

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[[str], Analysis]:
    """analyze() on the session pipeline."""
    return lambda text: analyze(text, nlp=nlp)


@pytest.fixture(scope="session")
def read_cue(nlp: Language) -> Callable[[str, str], tuple[Cue | None, Engine]]:
    """Read ``text`` and return the cue found for the quote that starts with ``opening``,
    with the engine (a Discourse) that has read the text, so a rule can be called alone."""

    def _read(text: str, opening: str) -> tuple[Cue | None, Engine]:
        doc = parse(nlp, text)
        engine = Engine(text)
        engine.feed(doc, 0)
        start = text.index(opening)
        end = start + len(opening)
        while end < len(text) and text[end] not in '”"»':
            end += 1
        first = next(t.i for t in doc if t.idx <= start < t.idx + len(t.text))
        last = next(t.i for t in doc if t.idx <= end < t.idx + len(t.text))
        inside = {t.i for t in doc if start <= t.idx <= end}
        sent = doc[first].sent
        region = doc[sent.start : max(sent.end, doc[last].sent.end)]
        return find_cue(region, first, last, lambda i: i in inside), engine

    return _read
