"""Who speaks for whom: a spokesperson is not their boss, a campaign is not its candidate.
Sentences written like PolNeAR's news; each runs the real model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def test_an_inverted_spokesman_after_his_bosss_name(run: Run) -> None:
    text = (
        "Republicans spotted an opportunity.\n\n"
        "“Debate recap,” tweeted Hale spokesman Tom Ridley. “She looked backward.”\n"
    )
    assert speaker_of(run(text), "“Debate") == "Tom Ridley"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Senator Maria Hale toured the plant on Monday.\n\n"
            "“We will fight for every job,” the Hale campaign said in a statement.\n",
            "Hale campaign",
        ),
        (
            "Senator Maria Hale toured the plant on Monday.\n\n"
            "“We will fight for every job,” Hale’s campaign said in a statement.\n",
            "Hale’s campaign",
        ),
    ],
)
def test_a_campaign_speaks_as_itself(run: Run, text: str, speaker: str) -> None:
    assert speaker_of(run(text), "“We will") == speaker


def test_a_described_bosss_spokeswoman_is_not_the_boss(run: Run) -> None:
    text = (
        "Al Gore endorsed the plan on Monday.\n\n"
        "“He is fully behind it,” the former vice president’s spokeswoman said.\n"
    )
    assert speaker_of(run(text), "“He is") == "the former vice president’s spokeswoman"


def test_a_spokeswoman_the_text_named_is_still_found(run: Run) -> None:
    text = (
        "Al Gore’s spokeswoman, Betsy Arlen, declined to say more on Monday.\n\n"
        "“He is fully behind it,” his spokeswoman said later.\n"
    )
    assert speaker_of(run(text), "“He is") == "Betsy Arlen"


@pytest.mark.parametrize("firm", ["Halden Corp", "the company"])
def test_a_spokesman_named_after_his_firm_speaks(run: Run, firm: str) -> None:
    """The parser sets the name beside the firm ("for Halden Corp, John Reyes,"): the quote
    is the spokesman's, his role names the firm, and "he" next is him, not a second,
    unnamed spokesman."""
    text = (
        "Halden Corp will close its plant in Ohio next year, workers were told on Monday.\n\n"
        f"“We have no choice but to consolidate,” a spokesman for {firm}, John Reyes, said on"
        " Tuesday. “The market has changed,” he added.\n\n"
        "Halden Corp said in a statement: “Our workers will be looked after.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“We have") == "John Reyes"
    assert speaker_of(a, "“The market") == "John Reyes"
    reyes = next(s for s in a.speakers if s.name == "John Reyes")
    assert reyes.role == f"spokesman for {firm}"
    assert [s.name for s in a.speakers if s.kind != "org"] == ["John Reyes"]
    assert all(e.label == "ORG" and e.speaker is None for e in a.entities if "Halden" in e.text)


def test_a_spokesperson_is_not_another_ones_spokesperson(run: Run) -> None:
    """Each proxy keeps whom they speak for: "the governor's spokesman" is not the
    "spokeswoman for the senator" before him, nor "the senator's aide" the governor's aide;
    and none of them is the senator or the governor."""
    text = (
        "Senator Maria Ortiz toured the flooded town on Monday with Governor Paul Dean.\n\n"
        "“She will return next week,” a spokeswoman for the senator said.\n\n"
        "“The state will pay its share,” the governor's spokesman said.\n\n"
        "“We are still counting the damage,” an aide to the governor said.\n\n"
        "The senator's aide said: “It will take years.”\n"
    )
    a = run(text)
    who = [speaker_of(a, w) for w in ("“She will", "“The state", "“We are", "“It will")]
    assert who[0] == "a spokeswoman for the senator"
    assert who[1] == "the governor's spokesman"
    assert who[3] == "The senator's aide"
    assert len(set(who)) == 4
    assert not {"Maria Ortiz", "Paul Dean"} & set(who)


def test_a_named_spokesperson_is_not_another_ones_spokesperson(run: Run) -> None:
    """A named person whose role is a proxy's keeps whom she speaks for: the spokeswoman
    for a firm, met after her, is someone else; the senator's spokeswoman is still her."""
    text = (
        "Senator Maria Ortiz toured the flooded town on Monday.\n\n"
        "“She will return next week,” a spokeswoman for the senator, Laura Mendez, said.\n\n"
        "“We will pay for the repairs,” the spokeswoman for Halden Corp said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“She will") == "Laura Mendez"
    assert speaker_of(a, "“We will") not in ("Laura Mendez", "Maria Ortiz")


def test_a_proxy_is_named_by_the_parse_past_a_long_body_and_a_half_tagged_name(
    run: Run,
) -> None:
    """The name the parser sets beside whom a proxy serves is the proxy's, however many
    words the body's name has and however much of the name the tagger tagged."""
    a = run(
        "The flood hit the town on Monday.\n\n"
        "“We will pay,” a spokesman for the Wendmoor District Council, Ann Cole, said.\n"
    )
    assert speaker_of(a, "“We will") == "Ann Cole"
    a = run(
        "Halden Corp cut jobs on Monday.\n\n"
        "“The senator is fine,” a spokeswoman for the senator, Ana Diaz, said.\n"
    )
    assert speaker_of(a, "“The senator") == "Ana Diaz"
    assert {s.name: s.role for s in a.speakers}["Ana Diaz"] == "spokeswoman for the senator"
