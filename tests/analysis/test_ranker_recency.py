"""What the ranker sees of where a candidate was last in mind: the subject of the narration
right before a "he said" is its topic, another man mentioned since counts against the one
before, and of two men who spoke in turn the one two turns back is marked as such."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.conftest import ranker_rows

#: Two men speak in turn, each named by a cue; the narration then makes the first its subject,
#: and a turn with "he said" follows.
EXCHANGE = """\
The kettle had boiled twice before anyone thought of the tea.

"Where did you put the cups?" asked Thomas Hardwick.

"In the cupboard by the door," said John Ferrars.

Thomas Hardwick looked at the empty shelf and frowned.

"They are not there now," he said.
"""


def rows_of(nlp: Language) -> dict[str, dict[str, float]]:
    rows = ranker_rows(nlp, EXCHANGE, '"They are not')
    return {name.split()[0]: row for name, row in rows.items()}


def test_the_narrations_subject_is_the_topic(nlp: Language) -> None:
    rows = rows_of(nlp)
    assert rows["Thomas"]["recency_topic_subject"] == 1.0
    assert rows["John"]["recency_topic_subject"] == 0.0


def test_another_man_mentioned_since_counts(nlp: Language) -> None:
    rows = rows_of(nlp)
    assert rows["Thomas"]["recency_same_gender_since_0"] == 1.0
    assert rows["John"]["recency_same_gender_since_1"] == 1.0
    assert rows["John"]["recency_same_gender_since_0"] == 0.0


def test_two_men_in_turn_mark_the_one_two_turns_back(nlp: Language) -> None:
    rows = rows_of(nlp)
    assert rows["Thomas"]["pronoun_back2_same_between"] == 1.0
    assert rows["John"]["pronoun_back1_same_before"] == 1.0
    assert rows["John"]["pronoun_back2_same_between"] == 0.0
