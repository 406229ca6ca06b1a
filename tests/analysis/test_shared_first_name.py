"""Two people of a story share a first name (issue 11): the bare first name is the one the
text saw last, not always the first one it met. In news, where a first name alone is rare and
a profile's "Rosa" and "Marisela" are mother and daughter met in turn, the old order stands."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import speaker_of
from .test_ranker import DIALOGUE

#: Written for this test: after a stretch of dialogue (a story), a grown man called John,
#: then a boy of the same first name.
STORY = (
    DIALOGUE
    + """
John Morrow lived with his mother in a narrow house in town.

"You look tired, John," said his mother. "You should go to bed earlier."

"I will," said John.

Far away in the country, little John Andrew Last rode his pony every morning before \
breakfast. The groom walked beside him and held the rein.

"Can I ride again tomorrow?" asked John.
"""
)


def test_a_shared_first_name_is_the_one_seen_last(run: Callable[[str], Analysis]) -> None:
    a = run(STORY)
    assert speaker_of(a, '"I will,"') == "John Morrow"
    assert speaker_of(a, '"Can I ride') == "John Andrew Last"


def test_outside_a_story_the_first_one_met_keeps_the_name(run: Callable[[str], Analysis]) -> None:
    a = run(STORY[len(DIALOGUE) :])
    assert speaker_of(a, '"Can I ride') == "John Morrow"
