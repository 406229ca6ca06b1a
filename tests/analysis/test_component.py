"""The engine as a spaCy component, and analyze() going through the same code."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis import analyze
from reader.analysis.component import register_extensions
from reader.analysis.nlp import resolve_name

TEXT = "Tom Reed arrived. “We are ready,” Reed said. “We will not wait.”"


def test_add_pipe_puts_results_on_doc_extensions() -> None:
    import reader.analysis.component  # noqa: F401  (registers the factory)

    nlp = spacy.load(resolve_name())
    nlp.add_pipe("reader_quotes", last=True)
    assert nlp.pipe_names[-1] == "reader_quotes"
    doc = nlp(TEXT)
    quotes = doc._.reader_quotes
    assert [q.text for q in quotes] == ["“We are ready,”", "“We will not wait.”"]
    assert [s.name for s in doc._.reader_speakers] == ["Tom Reed"]
    assert doc._.reader_analysis.quotes == quotes
    # analyze() on a pipeline that already has the component uses its result
    a = analyze(TEXT, nlp=nlp)
    assert [(q.start, q.end, q.speaker) for q in a.quotes] == [
        (q.start, q.end, q.speaker) for q in quotes
    ]


def test_extensions_are_registered_once(nlp: Language) -> None:
    register_extensions()
    register_extensions()  # guarded by has_extension: no error the second time
    for name in ("reader_quotes", "reader_speakers", "reader_analysis"):
        assert Doc.has_extension(name)


def test_analyze_matches_the_component(nlp: Language) -> None:
    from reader.analysis.component import get_component
    from reader.analysis.nlp import parse

    a = analyze(TEXT, nlp=nlp, doc="x.txt")
    b = get_component(nlp).analyse(parse(nlp, TEXT))
    assert a.doc == "x.txt" and a.engine and a.model
    assert [(q.start, q.end, q.speaker, q.rule) for q in a.quotes] == [
        (q.start, q.end, q.speaker, q.rule) for q in b.quotes
    ]
