"""Whom "he said" means in news where a word misleads: a surname the tagger read as a
plural noun, a first name that reads as the other gender's, a quote of many sentences
after the pronoun, a speaker the parser tore apart. Real model, invented text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_surname_tagged_as_a_noun_is_still_the_person(run: Run) -> None:
    text = (
        "Bernie Sanders held a town hall in Stockton on Friday.\n\n"
        "One voter, Mark Delaney, said he had driven four hours to hear him.\n\n"
        "The room was cramped and hot, with the few open doors doing little to air it out. "
        "Sanders did not usually get this personal.\n\n"
        "“My father came to this country with nothing,” he said.\n"
    )
    assert quote(run(text), "“My father").speaker == "Bernie Sanders"


def test_he_after_a_speaker_whose_first_name_reads_female(run: Run) -> None:
    text = (
        "Sen. Lindsey Graham spoke to voters in Iowa on Thursday about Donald Trump.\n\n"
        "Graham said, “I believe we are losing the Hispanic vote because they think we "
        "don’t like them.”\n\n"
        "He continued, “I believe Donald Trump is destroying our chance to win.”\n"
    )
    assert quote(run(text), "“I believe Donald").speaker == "Lindsey Graham"


def test_a_woman_named_since_keeps_her_she(run: Run) -> None:
    text = (
        "Rep. Steve Israel said Hillary Clinton called on members to be “closely "
        "coordinated.” She added that the race “is going to be a national security "
        "election.”\n"
    )
    assert quote(run(text), "“is going").speaker == "Hillary Clinton"



def test_he_before_a_long_quote_looks_back_from_he(run: Run) -> None:
    speech = " ".join(f"We will build road number {n} this year." for n in range(1, 16))
    text = (
        "Governor Paul Ferrante spoke in Dayton on Friday.\n\n"
        "Ferrante said the state would spend more on roads.\n\n"
        f"He added, “{speech}”\n"
    )
    assert quote(run(text), "“We will build").speaker == "Paul Ferrante"


def test_he_who_went_somewhere_is_not_going_on(run: Run) -> None:
    # "went" alone is a going, not "went on": the rule for verbs of going on stays out
    text = (
        "Senator John Reed spoke first.\n\n"
        "“We have the votes,” said Kelly Ayotte.\n\n"
        "He went to the podium and said, “This bill is dead.”\n"
    )
    assert quote(run(text), "“This bill").speaker == "John Reed"


def test_a_hyphened_speaker_before_a_verb_tagged_as_a_noun_speaks(run: Run) -> None:
    # the parser tears "voice-over" apart and reads "states" as a plural noun
    text = (
        "The mayor released a new ad on Tuesday.\n\n"
        "“They know she is the only one strong enough to stop the banks and make the rich pay "
        "their share,” a voice-over in the ad states. “She will stand up to the lobby.”\n"
    )
    a = run(text)
    for opening in ("“They know", "“She will"):
        q = quote(a, opening)
        assert q.mention is not None and q.mention.text.startswith("voice"), opening
        assert q.speaker is not None and "voice" in q.speaker


@pytest.mark.parametrize(
    ("tag", "speaker", "mention"),
    [
        ("the co-founder states", "founder", "founder"),  # never "the co"
        ("Jean-Luc Picard states", "Jean-Luc Picard", "Jean-Luc Picard"),  # never "Jean-Luc"
    ],
)
def test_a_hyphened_speaker_is_not_torn_at_the_hyphen(
    run: Run, tag: str, speaker: str, mention: str
) -> None:
    """Found in review: the hyphened subject's first part spoke ("the co")."""
    text = f"The company hired her in May.\n\n“Nobody is above the law,” {tag}.\n"
    q = quote(run(text), "“Nobody")
    assert q.speaker is not None and q.speaker.endswith(speaker), q.speaker
    assert q.mention is not None and q.mention.text.endswith(mention), q.mention


def test_an_age_the_parser_hung_on_the_verb_still_speaks(run: Run) -> None:
    # "old" read as the sentence's root (the verb its modifier), or hung from the verb
    named = (
        "The actor Peter Hale, 43, posted the clip to YouTube on Thursday.\n\n"
        "“What if the mayor had elocution lessons?” the 43-year-old asked in the video’s "
        "description.\n"
    )
    q = quote(run(named), "“What if")
    assert q.speaker == "Peter Hale"
    assert q.mention is not None and q.mention.text == "the 43-year-old"
    unnamed = (
        "The committee met on Monday to discuss the dam.\n\n"
        "“What if the mayor had lessons?” the 43-year-old asked.\n"
    )
    q = quote(run(unnamed), "“What if")
    assert q.mention is not None and q.mention.text == "the 43-year-old"
