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

#: Texts longer than this are read in paragraph batches (spaCy's own limit is 1,000,000).
SINGLE_DOC_LIMIT = 500_000


def analyze(
    text: str, *, model: str | None = None, doc: str = "", nlp: Language | None = None
) -> Analysis:
    """Who said what in ``text``: one parse, then the quote finder and the attribution sieve."""
    from reader.analysis.nlp import load_pipeline, model_id, parse, pipeline_id

    if nlp is None:
        nlp = load_pipeline(model)
        mid = model_id(model)
    else:
        mid = pipeline_id(nlp)
    if len(text) > SINGLE_DOC_LIMIT:
        from reader.analysis.stream import analyze_stream

        result: Analysis | None = None
        for progress in analyze_stream(text, model=model, nlp=nlp):
            result = progress.analysis
        assert result is not None
        result.doc, result.model = doc, mid
        return result
    from reader.analysis.component import get_component

    component = get_component(nlp)
    parsed = parse(nlp, text)
    ran_in_pipeline = parsed.has_extension("reader_analysis") and parsed._.reader_analysis
    if ran_in_pipeline and parsed.text == text:
        analysis: Analysis = parsed._.reader_analysis
        analysis.doc, analysis.model = doc, mid
        return analysis
    return component.analyse(parsed, doc_name=doc, model=mid, text=text)
