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
