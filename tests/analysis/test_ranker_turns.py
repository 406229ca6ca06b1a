"""What the ranker sees of the turn-taking around an uncued quote: two turns back counts as
alternation only while the exchange runs on unbroken, and the person a paragraph of narration
shows acting before the quote is marked."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.conftest import ranker_rows

#: A man and a woman talk, each named by a cue; then one uncued turn right after, and one
#: after a paragraph of narration in which the woman acts.
EXCHANGE = """\
The kettle had boiled twice before anyone thought of the tea.

"Where did you put the cups?" asked Thomas Hardwick.

"In the cupboard by the door," said Mary Hardwick.

"They are not there now," said Thomas Hardwick.

"Then look on the shelf."

Mary Hardwick stood up and crossed the kitchen to the window.

"It is going to rain again."
"""


def features_of(nlp: Language, opening: str) -> dict[str, dict[str, float]]:
    return ranker_rows(nlp, EXCHANGE, opening)


def _row(rows: dict[str, dict[str, float]], first: str) -> dict[str, float]:
    return next(row for name, row in rows.items() if name.startswith(first))


def test_an_unbroken_exchange_alternates(nlp: Language) -> None:
    rows = features_of(nlp, '"Then look')
    assert _row(rows, "Mary")["turns_alternate"] == 1.0
    assert _row(rows, "Thomas")["turns_alternate"] == 0.0
    assert _row(rows, "Mary")["turns_chain_back_2"] > 0.0
    assert _row(rows, "Mary")["uncued_turn_turn_back_2"] == 1.0


def test_narration_between_breaks_the_exchange_and_names_who_acts(nlp: Language) -> None:
    rows = features_of(nlp, '"It is going')
    mary = _row(rows, "Mary")
    assert mary["turns_last_actor_between"] == 1.0
    assert mary["turns_alternate"] == 0.0
    assert all(row["turns_chain_back_1"] == 0.0 for row in rows.values())
    assert all(
        row["turns_last_actor_between"] == 0.0
        for name, row in rows.items()
        if not name.startswith("Mary")
    )
