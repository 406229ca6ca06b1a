"""The engine as a spaCy pipeline component: ``nlp.add_pipe("reader_quotes")``.

Results go on namespaced Doc extensions (``doc._.reader_quotes``, ``doc._.reader_speakers``,
``doc._.reader_analysis``), registered once. ``analyze()`` runs this same component.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc

from reader.analysis.engine import Engine
from reader.analysis.model import Analysis
from reader.analysis.nlp import pipeline_id

EXTENSIONS = ("reader_quotes", "reader_speakers", "reader_analysis")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class ReaderQuotes:
    """Finds quotes and their speakers in a parsed Doc (needs the parser and the NER)."""

    def __init__(self, nlp: Language, name: str = "reader_quotes", *, model_id: str = "") -> None:
        self.name = name
        self.model_id = model_id or pipeline_id(nlp)
        register_extensions()

    def analyse(
        self, doc: Doc, *, doc_name: str = "", model: str | None = None, text: str | None = None
    ) -> Analysis:
        """``text``: the original when the Doc was parsed from a same-length copy of it
        (``nlp.for_parser``); spans and record texts then come from the original."""
        engine = Engine(doc.text if text is None else text)
        engine.feed(doc, 0)
        analysis = engine.snapshot(doc=doc_name, model=self.model_id if model is None else model)
        doc._.reader_quotes = analysis.quotes
        doc._.reader_speakers = analysis.speakers
        doc._.reader_analysis = analysis
        return analysis

    def __call__(self, doc: Doc) -> Doc:
        self.analyse(doc)
        return doc


@Language.factory(
    "reader_quotes",
    assigns=["doc._.reader_quotes", "doc._.reader_speakers", "doc._.reader_analysis"],
    requires=["token.dep", "token.pos", "doc.ents", "doc.sents"],
    default_config={"model_id": ""},
)
def make_reader_quotes(nlp: Language, name: str, model_id: str) -> ReaderQuotes:
    return ReaderQuotes(nlp, name, model_id=model_id)


def get_component(nlp: Language) -> ReaderQuotes:
    """The pipeline's reader_quotes component, or a standalone one for a bare pipeline."""
    if "reader_quotes" in nlp.pipe_names:
        return nlp.get_pipe("reader_quotes")  # type: ignore[return-value]
    comp = _standalone.get(nlp)
    if comp is None:
        comp = _standalone[nlp] = ReaderQuotes(nlp)
    return comp


_standalone: WeakKeyDictionary[Language, ReaderQuotes] = WeakKeyDictionary()
