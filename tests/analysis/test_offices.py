"""The end of a title ("State" of "Secretary of State") names no body, but a body after
"secretary of" ("the Fire Brigades Union") is one: the review's counter-examples to the rule
that dropped every organisation after "secretary of"."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

Run = Callable[[str], Analysis]


def organisations(analysis: Analysis) -> set[str]:
    return {e.text for e in analysis.entities if e.label == "ORG"}


def test_an_office_is_no_organisation_and_a_body_is_one(run: Run) -> None:
    text = (
        "Secretary of State Antony Blinken arrived in Geneva on Monday. Matt Wrack, general "
        "secretary of the Fire Brigades Union, said the strike would go ahead. Jo Bell, "
        "secretary of the Sierra Club, agreed.\n"
    )
    found = organisations(run(text))
    assert "State" not in found, found
    assert any("Fire Brigades Union" in o for o in found), found
    assert any("Sierra Club" in o for o in found), found


def test_the_church_is_a_body_not_the_man_who_shares_its_name(run: Run) -> None:
    # a new user's case: "the Church warned" went to George Church
    text = (
        "Harvard geneticist George Church has long argued for editing embryos. “We are closer "
        "than people think,” Church said.\n\n"
        "The Catholic Church has taken a different view. On Monday, the Church warned against "
        "“treating human life as raw material for experiments.”\n"
    )
    speakers = {q.text: q.speaker for q in run(text).quotes}
    assert speakers["“We are closer than people think,”"] == "George Church"
    assert speakers["“treating human life as raw material for experiments.”"] != "George Church"
