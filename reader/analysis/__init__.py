"""The analysis engine: entities, quotes and who said them. Never imports Textual.

spaCy is imported only when ``analyze`` runs, so importing this package stays cheap and a
cached analysis can be shown without spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.model import ENGINE_VERSION, Analysis, Entity, Mention, Quote, Speaker

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "ENGINE_VERSION",
    "Analysis",
    "Entity",
    "Mention",
    "Quote",
    "Speaker",
    "analyze",
]

def analyze(
    text: str, *, model: str | None = None, doc: str = "", nlp: Language | None = None
) -> Analysis:
    """Who said what in ``text``: the quote finder and the attribution sieve over a parse in
    bounded pieces (``stream``), the same for an article as for a book, so memory stays flat."""
    from reader.analysis.engine import Engine
    from reader.analysis.stream import pipeline, read_pieces

    nlp, mid = pipeline(model, nlp)
    engine = Engine(text)
    for _ in read_pieces(engine, nlp):
        pass
    return engine.snapshot(doc=doc, model=mid)
