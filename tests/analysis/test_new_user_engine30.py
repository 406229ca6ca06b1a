"""Found by a new user (round 30), the engine's share: a full name the tagger missed after a
calling, surnames that are common words, the turn an exchange hands back, "the company" and
"the statement" after a paper was told, a role ending in a number, and entities drawn
through a verb or used as a channel. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.summary import NOT_A_PERSON, things

from .conftest import speaker_of
from .test_things_named import entity

Run = Callable[[str], Analysis]


def test_a_full_name_after_a_calling_is_the_person_the_surname_names_later(run: Run) -> None:
    """ "Nurse Linda Park": the calling is the role, "Linda Park" the name, and "Park
    disagreed." makes her the subject "she said" refers to."""
    text = (
        "Hospital Layoffs Spark Protest\n\n"
        "Nurse Linda Park and her supervisor, Karen Wells, stood on opposite sides of the "
        "picket line on Monday. Wells said she supported the decision. “We have to balance "
        "the books,” she said.\n\n"
        "Park disagreed. “Nobody asked the nurses,” she said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Nobody asked") == "Linda Park"
    assert speaker_of(a, "“We have to") == "Karen Wells"
    park = [s for s in a.speakers if s.name == "Linda Park"]
    assert park and park[0].role == "Nurse"
    listed = {(e.text, e.label, e.speaker) for e in a.entities}
    assert ("Linda Park", "PERSON", "Linda Park") in listed
    assert ("Park", "PERSON", "Linda Park") in listed


def test_surname_only_mentions_the_tagger_missed_are_listed_as_the_person(run: Run) -> None:
    """A person's mentions count their surname alone: each is an entity of theirs."""
    text = (
        "Mayor Elena Ruiz praised the vote on Tuesday. “This matters,” she said.\n\n"
        "“That is simply not true,” Ruiz replied.\n\n"
        "Ruiz told him she understood. “Give us a year,” she said.\n"
    )
    mine = [e for e in run(text).entities if e.speaker == "Elena Ruiz"]
    assert len(mine) == 3, mine


def test_a_role_in_apposition_may_end_in_the_number_of_a_name(run: Run) -> None:
    text = (
        "Dockworkers returned to the terminals on Monday.\n\n"
        "“Our members held the line, and it paid off,” said Luis Navarro, president of "
        "Local 13.\n"
    )
    navarro = [s for s in run(text).speakers if s.name == "Luis Navarro"]
    assert navarro and navarro[0].role == "president of Local 13"


def test_the_first_untagged_turn_after_a_cued_answer_is_the_other_persons(run: Run) -> None:
    text = (
        "The union's negotiator, Rachel Kim, met the company's chief executive, Paul Harmon, "
        "on Friday. Harmon opened by warning that the plant could close. “We lose money on "
        "every unit,” he said.\n\n"
        "Kim was not moved. “You said that in 2019, and you gave yourself a bonus,” she said.\n\n"
        "“That bonus was not approved by the board,” Harmon said.\n\n"
        "“Then let the board come to the table.”\n\n"
        "“The board does not negotiate with unions.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“Then let") == "Rachel Kim"
    assert speaker_of(a, "“The board does") == "Paul Harmon"


def test_the_company_is_not_the_paper_the_words_were_told_to(run: Run) -> None:
    text = (
        "The union's deputy, James Okafor, later told The Courier that the turning point "
        "came after lunch. “He realized we weren't bluffing,” Okafor said.\n\n"
        "In a statement, the company said it was “pleased to have reached a fair "
        "agreement.”\n"
    )
    # the description as the text words it: no body named "company" came before
    assert speaker_of(run(text), "“pleased") == "the company"


def test_a_statement_from_a_body_described_speaks_for_that_body(run: Run) -> None:
    text = (
        "A hospital spokesman, Greg Toll, declined to comment on the protest but pointed to a "
        "statement from the board. “The hospital remains committed to safe staffing,” the "
        "statement said.\n"
    )
    assert speaker_of(run(text), "“The hospital") == "the board"


def test_a_headline_is_no_organisation_and_a_verb_no_date(run: Run) -> None:
    text = (
        "City Council Approves Transit Budget After Heated Debate\n\n"
        "The city council voted 6-3 on Tuesday to approve a $40 million transit budget, "
        "ending weeks of argument over bus routes.\n"
    )
    ents = {(e.text, e.label) for e in run(text).entities}
    assert not any(label == "ORG" and "Approves" in t for t, label in ents), ents
    assert not any(label == "DATE" and "ending" in t for t, label in ents), ents


def test_a_name_the_text_puts_after_on_is_a_channel_not_a_person() -> None:
    """ "weighed in on Twitter": a one-word name, never quoted nor given a first name, used
    after "on" or "via" is where the words went out, no person."""
    text = "The senator weighed in on Twitter, and the clip spread via Twitter overnight."
    uses = [entity("Twitter", text, nth=n) for n in range(2)]
    things(uses, Registry(), set(), text)
    assert {e.label for e in uses} == {NOT_A_PERSON}


def test_a_person_after_on_stays_a_person() -> None:
    """ "attacks on Obama": "on" alone makes no channel of a name."""
    text = "Her critiques amounted to attacks on Obama, and the crowd turned on Obama."
    uses = [entity("Obama", text, nth=n) for n in range(2)]
    things(uses, Registry(), set(), text)
    assert {e.label for e in uses} == {"PERSON"}
