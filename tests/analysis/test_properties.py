"""Property tests on arbitrary text: no exception, spans inside the text, no overlaps,
every quote's speaker in the speaker list."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from reader.analysis import analyze
from reader.analysis.quotes import find_quotes

MARKS = [*list("“”‘’\"'«»„"), "\n", "\n\n", "\r\n", " said Ann Lee. ", " he added. ", ", "]
WORDS = ["We", "are", "ready", "Tom Reed", "the report", "Müller", "é", "🙂", "\t", "—", '5"']
pieces = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=8)),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(pieces)
def test_find_quotes_spans_are_ordered_inside_and_disjoint(text: str) -> None:
    prev_end = 0
    for q in find_quotes(text):
        assert 0 <= prev_end <= q.start < q.end <= len(text)
        prev_end = q.end


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces)
def test_analyze_never_fails_and_keeps_its_invariants(nlp: Language, text: str) -> None:
    a = analyze(text, nlp=nlp)
    names = {s.name for s in a.speakers}
    prev_end = 0
    for q in a.quotes:
        assert 0 <= prev_end <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or q.speaker in names
        if q.mention is not None:
            assert text[q.mention.start : q.mention.end] == q.mention.text
        prev_end = q.end
    for e in a.entities:
        assert text[e.start : e.end] == e.text
    assert (
        abs(sum(s.share for s in a.speakers) - 1.0) < 0.01
        or not a.speakers
        or any(q.speaker is None for q in a.quotes)
    )
