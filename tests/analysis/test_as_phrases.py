"""A fragment deeper in the "as" phrase of a characterising verb is the words of whoever
characterises ("the administration waves off the delay as having “minimal” impact", PolNeAR's
Politico); "wave", "brush" and the like characterise only with "off". Each runs the real
model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import speaker_of

Run = Callable[[str], Analysis]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Mayor Ada Hale waved off the delay as having "minimal" impact.\n', "Ada Hale"),
        ("For now, the council waves off the delay as having “minimal” impact.\n", "the council"),
    ],
)
def test_a_fragment_deep_in_the_as_phrase_is_the_characterisers(
    run: Run, text: str, speaker: str
) -> None:
    assert speaker_of(run(text), text[text.index("minimal") - 1]) == speaker


def test_waving_without_off_characterises_nothing(run: Run) -> None:
    assert run('The town waved the delay through as having "minimal" impact.\n').quotes == []
