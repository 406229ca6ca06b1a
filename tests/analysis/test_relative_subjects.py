"""A speech verb whose subject's relative clause the parser took for what was said ("Sanders,
meanwhile, who sits at zero such endorsements, said that …", PolNeAR's Politico): the name
the clause hangs from speaks. Runs the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def test_the_name_before_a_relative_clause_taken_for_a_clause_speaks(run: Run) -> None:
    text = (
        "Pell, meanwhile, who sits at zero such endorsements, said that fact speaks volumes "
        'about which of the two candidates is "ready to take on the machine."\n'
    )
    assert speaker_of(run(text), '"ready') == "Pell"


def test_a_relative_clause_parsed_as_one_changes_nothing(run: Run) -> None:
    text = 'The council, which met on Monday, said the plan was "ready to go."\n'
    assert speaker_of(run(text), '"ready') == "The council"
