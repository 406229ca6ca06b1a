"""A fragment after the "as" of a characterising verb ("frame the plan as a “giveaway”") is
what someone called the thing, even where the parser hung the "as" from elsewhere; in the
passive with no one named, or as a name in capitals, it is not a quote. Each runs the real
model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

Run = Callable[[str], Analysis]


def quoted(analysis: Analysis) -> list[str]:
    return [q.text for q in analysis.quotes]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "It’s been extremely common for news accounts to portray the mayor’s budget as a "
            "“reckless” gamble with the county’s money.\n",
            "“reckless”",
        ),
        (
            "Whatever his quarrels with the council may be, shrugging off a voter’s question as "
            "a mere “gripe” is never wise.\n",
            "“gripe”",
        ),
        (
            "The ministry has been careful to frame its loans as more than just a “handout” to "
            "the provinces.\n",
            "“handout”",
        ),
    ],
)
def test_a_fragment_after_a_characterising_as_is_a_quote(run: Run, text: str, words: str) -> None:
    """The parser hangs the "as" from the root or takes the fragment for a modifier."""
    assert words in quoted(run(text))


@pytest.mark.parametrize(
    "text",
    [
        "The grant has been described as a “lifeline” for the county’s farms.\n",
        "The ministry has been careful to frame its loans as more than just a “Marshall Plan” "
        "for the provinces.\n",
        "The county registered the farm as “organic” last spring.\n",
        # participles with no one naming (the review's examples): a reduced passive
        "Jane Ortiz spoke on Monday. The plan, widely described as a “game-changer” by local "
        "media, passed.\n",
        "Often referred to as “dark money”, these funds are hard to trace.\n",
        "Tom Hale spoke next. The bill, billed as a “historic” reform, died in committee.\n",
    ],
)
def test_a_passive_a_name_or_another_verb_gives_no_quote(run: Run, text: str) -> None:
    assert quoted(run(text)) == []
