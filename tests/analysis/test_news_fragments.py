"""Short quotes in news: a fragment after a speech verb of its sentence, verbs of attack and
praise, names after an inverted verb. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import speaker_of

Run = Callable[[str], Analysis]


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Harlan Voss took the stage on Tuesday in Dayton and called the whole tax system "
            "“rotten to the core.”\n",
            "“rotten",
            "Harlan Voss",
        ),
        (
            "Then Mira Castell turned on the governor, calling him a “stiff” and accusing him "
            "of acting like a “spoiled child.”\n",
            "“spoiled",
            "Mira Castell",
        ),
    ],
)
def test_fragment_after_a_speech_verb_of_its_sentence(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_fragment_before_the_verb_is_a_marked_term(run: Run) -> None:
    text = (
        "The deal is really a “pre-agreement” because several governments said they wanted "
        "more time.\n"
    )
    assert run(text).quotes == []


def test_a_naming_verb_gives_a_name_in_capitals(run: Run) -> None:
    text = (
        "The assistant will be folded into the flagship agent, which the company now calls "
        "“Closer.”\n"
    )
    assert run(text).quotes == []


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("In March, Dora Felk blasted the county for its “outrageous practices” in hiring.\n",
         "“outrageous"),
        ("Dora Felk also bemoaned a climate in which neighbours “literally hate each other.”\n",
         "“literally"),
    ],
)
def test_verbs_of_attack_cue_a_fragment(run: Run, text: str, opening: str) -> None:
    assert speaker_of(run(text), opening) == "Dora Felk"


def test_name_after_an_inverted_verb_despite_the_parse(run: Run) -> None:
    text = (
        "“The risk,” said Edward Leamer, an economist who is the director of the Anderson "
        "Forecast, “is that we are going to be attracting workers and repelling jobs.”\n"
    )
    assert speaker_of(run(text), "“The risk") == "Edward Leamer"



def test_a_participle_after_a_preposition_speaks_for_the_main_subject(run: Run) -> None:
    text = (
        "Ilan Moreh rallied his supporters by warning darkly that “the rule of the right is "
        "in danger.”\n"
    )
    assert speaker_of(run(text), "“the rule") == "Ilan Moreh"
