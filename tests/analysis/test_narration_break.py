"""The ranker's features for a turn after a paragraph of narration alone (issue 11): there the
speaker is less often the last turn's and more often the one the narration was about, so the
turn reads the exchange and the narration in columns of its own."""

from __future__ import annotations

from spacy.language import Language

from reader.analysis.engine import Engine
from reader.analysis.ranker import RULES
from reader.analysis.ranker_features import BREAK_FEATURES, feature_names, quote_features
from reader.analysis.stream import read_pieces

from .test_ranker import DIALOGUE

#: DIALOGUE ends with Elinor's narration paragraph and her turn before it is Elinor's too;
#: then a paragraph about Marianne alone, and a turn with no cue.
AFTER_NARRATION = (
    DIALOGUE
    + """
Marianne stood still by the door and looked back at the rain.

"It is no use. We shall be soaked before the gate."

"Then we shall be soaked together."
"""
)


def _columns(nlp: Language, opening: str) -> dict[str, dict[str, float]]:
    """The break columns of each candidate of the quote that opens with ``opening``."""
    engine = Engine(AFTER_NARRATION)
    engine.ranker = None
    for _ in read_pieces(engine, nlp):
        pass
    st = engine.state
    i = next(k for k, q in enumerate(st.infos) if AFTER_NARRATION[q.start :].startswith(opening))
    ids, rows, _ = quote_features(st, st.infos, i, RULES)
    names = feature_names([rid for rid, _ in RULES])
    cols = {n: names.index(f"break_{n}") for n in BREAK_FEATURES}
    return {
        st.registry.clusters[c].canonical: {n: row[k] for n, k in cols.items()}
        for c, row in zip(ids, rows, strict=True)
    }


def test_a_turn_after_narration_reads_its_subject_and_the_last_turn_apart(
    nlp: Language,
) -> None:
    cols = _columns(nlp, '"It is no use.')
    assert cols["Marianne"]["subject_prev_para"] == 1.0
    assert cols["Elinor"]["subject_prev_para"] == 0.0
    # the last turn before the narration was Elinor's ("The black one, then.")
    assert cols["Elinor"]["turn_back_1"] == 1.0
    assert cols["Marianne"]["turn_back_1"] == 0.0
    assert cols["Marianne"]["exchange"] == cols["Elinor"]["exchange"] == 1.0


def test_a_turn_inside_the_exchange_leaves_the_break_columns_empty(nlp: Language) -> None:
    cols = _columns(nlp, '"Then we shall be soaked')
    assert cols and all(v == 0.0 for c in cols.values() for v in c.values())
