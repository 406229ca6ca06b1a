"""What the ranker sees of a pronoun cue ("he said"): the last man to speak is a candidate of
his own feature, and the cue's own pronoun is not the subject of the sentence after it."""

from __future__ import annotations

from spacy.language import Language

from tests.analysis.conftest import ranker_rows

#: A man and a woman talk, each named by a cue; then a turn with "he said" and nothing after.
EXCHANGE = """\
The kettle had boiled twice before anyone thought of the tea.

"Where did you put the cups?" asked Thomas Hardwick.

"In the cupboard by the door," said Mary Hardwick.

"They are not there now," said Thomas Hardwick.

"Then look on the shelf," said Mary Hardwick.

"I have looked everywhere," he said.
"""


def features_of(nlp: Language, opening: str) -> dict[str, dict[str, float]]:
    return ranker_rows(nlp, EXCHANGE, opening)


def test_the_last_man_to_speak_is_what_he_said_points_at(nlp: Language) -> None:
    rows = features_of(nlp, '"I have looked')
    thomas = next(row for name, row in rows.items() if name.startswith("Thomas"))
    assert thomas["pronoun_last_gender_speaker_1"] == 1.0
    assert all(
        row["pronoun_last_gender_speaker_1"] == 0.0
        for name, row in rows.items()
        if not name.startswith("Thomas")
    )


def test_the_cues_own_pronoun_is_no_subject_after_the_quote(nlp: Language) -> None:
    """Nothing follows "he said": no candidate is the subject of a sentence after the quote
    (the pronoun of the cue names whoever the cue rule chose, which says nothing new)."""
    rows = features_of(nlp, '"I have looked')
    assert rows
    assert all(row["subject_after"] == 0.0 for row in rows.values())
