"""Surnames that are also function words (issue 11, PolNeAR's George Will and Al From): the
parser takes "Will" for an auxiliary and "From" for a preposition, yet each is the one who
speaks; and the object of a speech verb with an "as" phrase is who the words describe, never
an inverted speaker. Made-up sentences; each runs the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_a_surname_taken_for_an_auxiliary_describes_and_the_object_is_described(run: Run) -> None:
    text = (
        "The columnist Nora Will has followed the race since the summer.\n\n"
        "“This might, and should, hasten the eclipse of Tom Hale,” Will wrote.\n\n"
        "After his call for a federal “deportation force,” Will described Hale as a "
        "“caricature of democracy’s most embarrassing possibilities” and “stupendously "
        "un-conservative.”\n"
    )
    a = run(text)
    assert quote(a, "“caricature").speaker == "Nora Will"
    assert quote(a, "“stupendously").speaker == "Nora Will"


def test_a_surname_taken_for_a_preposition_speaks(run: Run) -> None:
    text = (
        "“We won a smaller share of the votes than any party ever had,” said Dan From, who "
        "founded the Democratic Leadership Council in 1985.\n\n"
        "Many Americans then saw the Democrats as “the party of overwhelming government,” "
        "From said. “Our challenge was: How do you tackle those problems?”\n"
    )
    a = run(text)
    assert quote(a, "“the party").speaker == "Dan From"
    assert quote(a, "“Our challenge").speaker == "Dan From"


def test_a_person_described_hung_on_the_quote_still_tells(run: Run) -> None:
    # the parser makes "an intelligence source" the complement of the quoted "are", leaving
    # "told" with no subject (PolNeAR's Western Journalism)
    text = (
        "The agency is widening its inquiry into the mayor's accounts.\n\n"
        "Channel 9 reported on Thursday that “agents are looking at the code, which pertains "
        "to ‘materially false’ statements given either in writing or orally. Each violation "
        "is subject to five years in prison.”\n\n"
        "“The agents involved are under a lot of pressure and are busting a–,” an "
        "intelligence source, who was not authorized to speak on the record, told Channel 9.\n"
    )
    q = quote(run(text), "“The agents")
    assert q.mention is not None
    assert q.mention.text == "an intelligence source"


def test_a_speech_verb_tagged_as_a_noun_after_the_quote_still_speaks(run: Run) -> None:
    # "the email read", "the Saudis state": the tagger makes the verb the head of a noun
    # phrase and the speaker its modifier (PolNeAR's Washington Post and Politico)
    text = (
        "The Hale campaign sent a fundraising email Wednesday saying that the results in "
        "Iowa show Hale and Ward are in a two-man race.\n\n"
        '"Friend, let me be blunt. I can beat Ann Ward. Tom can\'t," the email read. It '
        'stated that Ward is so rattled that he has decided to attack.\n\n'
        '"Today, the kingdom is one of the leading nations in combating terrorism and '
        'terror-financing, and has been working closely with its allies on all fronts," the '
        "Saudis state in the white paper, which was being shared with lawmakers on Thursday.\n"
    )
    a = run(text)
    friend = quote(a, '"Friend')
    assert friend.mention is not None and friend.mention.text == "email"
    today = quote(a, '"Today')
    assert today.mention is not None and today.mention.text == "Saudis"


def test_a_tag_read_as_a_noun_phrase_gives_its_noun(run: Run) -> None:
    text = (
        "The mayor spoke on Sunday after the attack.\n\n"
        '"Is the mayor going to finally mention the words? If he doesn\'t he should '
        'immediately resign in disgrace!" the presumptive GOP nominee, Tom Hale, tweeted '
        "Sunday after a lone-wolf attack on a nightclub.\n"
    )
    assert quote(run(text), '"Is the mayor').speaker == "Tom Hale"
