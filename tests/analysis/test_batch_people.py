"""An untagged name opening a sentence that the same text tags a person's elsewhere is that
person's mention: the pronoun of the cue after it finds the subject, not the object."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from tests.analysis.conftest import speaker_of

STORY = (
    "Tempers flare after terminal hearing\n\n"
    "Whitfield confronted Peña in the hallway after Tuesday's hearing. \"You hid the "
    "numbers,\" she said.\n\n"
    "He shook his head. \"Nothing was hidden,\" he said.\n\n"
    "Whitfield disagreed. \"We want a budget,\" she said.\n"
)


def test_an_untagged_subject_tagged_a_person_later_takes_the_pronoun(
    run: Callable[[str], Analysis],
) -> None:
    a = run(STORY)
    assert speaker_of(a, '"You hid') == "Whitfield"
    assert speaker_of(a, '"Nothing was hidden') == "Peña"
