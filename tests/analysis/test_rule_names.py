"""``Quote.rule`` names the rule that fired: the id of its line in the sieve's tables, which is
its function's name. Before engine 6 one rule could report another's name ("explicit" from
the organisation rule, "continuation" from the reported-speech rule)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis
from reader.analysis.sieve import CUE_RULES, DISCOURSE_RULES

Run = Callable[[str], Analysis]


def test_each_rule_id_is_its_function_name_and_unique() -> None:
    rules = [*CUE_RULES, *DISCOURSE_RULES]
    assert [r.fn.__name__ for r in rules] == [f"rule_{r.id}" for r in rules]
    assert len({r.id for r in rules}) == len(rules)


@pytest.mark.parametrize(
    ("text", "opening", "speaker", "rule"),
    [
        (  # a name the tagger took for a role noun, known from before
            "Ellen Farmer leads the union. “We will strike on Monday,” Farmer said.",
            "“We will",
            "Ellen Farmer",
            "known_name",
        ),
        (  # a document nobody is said to have issued speaks as itself
            "The figures were grim for the region.\n\n"
            "“Costs will keep rising for years,” the report said.",
            "“Costs",
            "the report",
            "document",
        ),
        (
            "Tom Reed met the envoy on Monday. According to him, “the talks went very well.”",
            "“the talks",
            "Tom Reed",
            "according_to",
        ),
        (
            "Acme Corporation reported a loss on Monday. "
            "“We are disappointed with these results,” the company said.",
            "“We are",
            "Acme Corporation",
            "organisation_description",
        ),
        (  # a definite noun for no body: a person described, whatever the word
            "Archbishop Gianluca Sbarbaro spoke to the press on Tuesday. “Every year we "
            "accompany dozens of monasteries,” the archbishop said.",
            "“Every",
            "Gianluca Sbarbaro",
            "described_person",
        ),
        (
            "Marcus Feld, a physician in Fresno, said he had treated many such patients. Still, "
            "he said, the case for rest breaks does not hinge on proof.\n\n"
            "“You don’t need a randomized trial to tell you that people need water and shade.”\n",
            "“You don’t",
            "Marcus Feld",
            "reported_speech",
        ),
        (
            "“We are only starting,” Tom Reed said. “Slowly.”\n\n“And then?”",
            "“And then",
            "Tom Reed",
            "continuation_next_paragraph",
        ),
    ],
)
def test_the_rule_that_fired_is_named(
    run: Run, text: str, opening: str, speaker: str, rule: str
) -> None:
    (q,) = [q for q in run(text).quotes if q.text.startswith(opening)]
    assert (q.speaker, q.rule) == (speaker, rule)
