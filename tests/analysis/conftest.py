"""One real spaCy pipeline for the whole session (loading it takes about a second)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import Analysis, Quote, analyze
from reader.analysis.cues import Cue, find_cue
from reader.analysis.engine import Engine
from reader.analysis.nlp import load_pipeline, parse
from reader.analysis.references import DiscourseState

REPO = Path(__file__).resolve().parents[2]
#: The shared corpus and scorer: $READER_SHARED (as the bench reads it), else ../shared.
SHARED = Path(os.environ.get("READER_SHARED") or REPO.parent / "shared")
GOLDEN = REPO / "tests" / "data" / "golden"
#: The tests that read the sixty-five golden articles through ``analysis_of``: with pytest-xdist
#: they run on one worker, so each article is analysed once a run, not once a worker.
GOLDEN_ARTICLES = pytest.mark.xdist_group("golden-articles")


def golden_sources() -> list[tuple[Path, Path]]:
    """(article, golden file) for the sample, the dev articles and the regression articles."""
    sets = [
        ("sample", [REPO / "reader" / "samples" / "seed.txt"]),
        ("dev", sorted((SHARED / "corpus" / "dev").glob("*.txt"))),
        ("audit", sorted((REPO / "tests" / "data" / "audit").glob("*.txt"))),
    ]
    if not sets[1][1]:
        pytest.fail(f"the shared corpus is missing: expected {SHARED / 'corpus' / 'dev'}")
    return [(src, GOLDEN / name / f"{src.stem}.json") for name, srcs in sets for src in srcs]


def quote(a: Analysis, opening: str) -> Quote:
    """The quote of ``a`` whose text opens with ``opening``."""
    found = [q for q in a.quotes if q.text.startswith(opening)]
    assert found, f"no quote opening {opening!r} in {[q.text for q in a.quotes]}"
    return found[0]


def speaker_of(a: Analysis, opening: str) -> str | None:
    """The speaker of the one quote of ``a`` that opens with ``opening``."""
    (q,) = [q for q in a.quotes if q.text.startswith(opening)]
    return q.speaker


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[[str], Analysis]:
    """analyze() on the session pipeline."""
    return lambda text: analyze(text, nlp=nlp)


@pytest.fixture(scope="session")
def analysis_of(nlp: Language) -> Callable[[Path], Analysis]:
    """analyze() of an article file, as `reader analyze FILE` runs it, each file parsed once
    a session (the golden test and the accuracy test read the same sixty-five articles)."""
    cache: dict[Path, Analysis] = {}

    def _of(path: Path) -> Analysis:
        if path not in cache:
            from reader.sources import load_source

            document = load_source(str(path))
            cache[path] = analyze(document.text, nlp=nlp, doc=document.name)
        return cache[path]

    return _of


@pytest.fixture(scope="session")
def read_cue(nlp: Language) -> Callable[[str, str], tuple[Cue | None, DiscourseState]]:
    """Read ``text`` and return the cue found for the quote that starts with ``opening``,
    with the discourse state of the engine that has read the text, so a rule can be called
    alone."""

    def _read(text: str, opening: str) -> tuple[Cue | None, DiscourseState]:
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
        return find_cue(region, first, last, lambda i: i in inside), engine.state

    return _read


def hand_parsed(
    nlp: Language,
    words: list[str],
    *,
    pos: list[str],
    deps: list[str],
    heads: list[int],
    tags: list[str] | None = None,
    lemmas: list[str] | None = None,
) -> Doc:
    """A Doc parsed by hand, as the parser gave a sentence, one space after every word (the
    words lower-cased for lemmas unless given)."""
    return Doc(
        nlp.vocab,
        words,
        [True] * len(words),
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=lemmas if lemmas is not None else [w.lower() for w in words],
    )


def ranker_rows(nlp: Language, text: str, opening: str) -> dict[str, dict[str, float]]:
    """The ranker's row of each candidate of the quote of ``text`` that opens with
    ``opening``, by name: the rules alone read the text (no ranker), as in training."""
    from reader.analysis.ranker import RULES
    from reader.analysis.ranker_features import feature_names, quote_features
    from reader.analysis.stream import read_pieces

    engine = Engine(text)
    engine.ranker = None
    for _ in read_pieces(engine, nlp):
        pass
    st = engine.state
    i = next(k for k, q in enumerate(st.infos) if text[q.start :].startswith(opening))
    ids, rows, _ = quote_features(st, st.infos, i, RULES)
    names = feature_names([rid for rid, _ in RULES])
    return {
        st.registry.clusters[c].canonical: dict(zip(names, row, strict=True))
        for c, row in zip(ids, rows, strict=True)
    }
