"""A novel's person brought in by a definite description ("The stranger came in out of the
snow"), with no "a stranger" before, is someone of their own: a candidate for the turns after
(before, no mention was made, and the turns went to someone named)."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.conftest import ranker_rows


def _exchange(a: str, b: str) -> str:
    """A stretch of uncued turns between two people, which tells the engine it reads a story."""
    lines = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."]
    turns = [f"“{line}”\n\n" for line in lines * 2]
    return f"“Well?” said {a}.\n\n“Well,” said {b}.\n\n" + "".join(turns)


def test_a_described_newcomer_is_a_candidate_for_the_next_uncued_turn(nlp: Language) -> None:
    text = _exchange("Mrs Hall", "Mr Hall") + (
        "Mrs Hall went down to the bar, where the fire was low.\n\n"
        "The stranger came in out of the snow, muffled from head to foot, and stood by "
        "the fire.\n\n"
        "“A room and a fire, in the name of charity!”\n"
    )
    rows = ranker_rows(nlp, text, "“A room")
    assert any("stranger" in name.lower() for name in rows)
