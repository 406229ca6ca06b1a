"""What the ranker sees of a person the narration brings into an exchange: named just before
an uncued turn and not yet heard, they are marked apart from the two who were talking (the
turn-taking columns favour those two when the newcomer speaks)."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.conftest import ranker_rows

#: Two people talk, each named by a cue; then the narration brings in a third, and an uncued
#: turn follows.
EXCHANGE = """\
The kettle had boiled twice before anyone thought of the tea.

"Where did you put the cups?" asked Thomas Hardwick.

"In the cupboard by the door," said Mary Hardwick.

"They are not there now," said Thomas Hardwick.

Peter Quince came in from the garden with a basket of eggs.

"The hens have stopped laying."
"""


def _row(rows: dict[str, dict[str, float]], first: str) -> dict[str, float]:
    return next(row for name, row in rows.items() if name.startswith(first))


def test_the_person_the_narration_brings_in_is_a_newcomer(nlp: Language) -> None:
    rows = ranker_rows(nlp, EXCHANGE, '"The hens')
    peter = _row(rows, "Peter")
    assert peter["newcomer_unheard"] == 1.0
    assert peter["newcomer_unspoken"] == 1.0


def test_those_who_spoke_are_no_newcomers(nlp: Language) -> None:
    rows = ranker_rows(nlp, EXCHANGE, '"The hens')
    for first in ("Thomas", "Mary"):
        assert _row(rows, first)["newcomer_unheard"] == 0.0
        assert _row(rows, first)["newcomer_unspoken"] == 0.0

