"""Fragments in the that-clause of a saying or a report are the words of its maker ("the
contention of Hillary Clinton that some of her emails were subjected to
“over-classification.”", PolNeAR's Washington Post), however the parser hung the clause; a
report someone cites keeps the one citing it. Each runs the real model."""

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
            "His figures support the contention of former governor Ada Pell that the county's "
            "roads were left to “quiet decay.”\n",
            "“quiet",
            "Ada Pell",
        ),
        (
            "Then, on Monday, it was a report by the Ledger that the mayor had “invented” the "
            "story of his rescue.\n",
            "“invented",
            "the Ledger",
        ),
    ],
)
def test_the_maker_of_a_saying_speaks_the_fragment_in_its_that_clause(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_a_report_someone_cites_keeps_the_one_citing_it(run: Run) -> None:
    text = (
        "Councillor Dale Horvath cited an auditor's report that “nearly half the trucks” "
        "were idle.\n"
    )
    assert speaker_of(run(text), "“nearly") == "Dale Horvath"


def test_the_paper_a_report_ran_in_speaks_the_fragment_in_its_about_phrase(run: Run) -> None:
    # after "a report in The Wall Street Journal this week about his campaign “hemorrhaging
    # cash,”" (PolNeAR's Politico)
    text = (
        "Worries, combined with a report in the Daily Ledger this week about his campaign "
        "“running on fumes,” have begun to spread among his allies.\n"
    )
    assert speaker_of(run(text), "“running") == "Daily Ledger"


def test_a_report_with_no_maker_gives_no_one_the_fragment(run: Run) -> None:
    text = (
        "Worries, combined with a report this week about his campaign “running on fumes,” "
        "have begun to spread among his allies.\n"
    )
    assert run(text).quotes == []
