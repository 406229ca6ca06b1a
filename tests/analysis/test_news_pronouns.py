"""Whom "he said" and "she said" mean in news: the one who reports before the one reported
on, the main clause before a clause below it, and a first name's gender as written. Real
model, invented text."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.clauses import clause_rank
from reader.analysis.names import first_name_gender

from .conftest import quote

Run = Callable[[str], Analysis]


def test_trailing_attribution_speaker_before_the_one_reported_on(run: Run) -> None:
    text = (
        "Ralph Varga won his first race in 2012.\n\n"
        "Varga electrified the small crowds with long speeches and promises to clean up "
        "the city hall, Peter Halloran said.\n\n"
        "“He was very articulate and smart,” he said. “Once he talked to them, they "
        "were sold.”\n"
    )
    q = quote(run(text), "“He was very")
    assert q.speaker == "Peter Halloran"
    assert q.mention is not None and q.mention.text == "he"


def test_parenthetical_attribution_speaker_before_the_subject(run: Run) -> None:
    text = (
        "Walter Marlow held a rally in the town on Friday.\n\n"
        "Marlow, Colin Devane said, has created a strange and angry kind of politics.\n\n"
        "“So afterwards, his supporters feel justified,” he said.\n"
    )
    assert quote(run(text), "“So afterwards").speaker == "Colin Devane"


def test_what_a_paper_reports_stays_about_its_subject(run: Run) -> None:
    text = (
        "Pastor Gary Kessel slammed the scouts for their new rules on Monday's episode of "
        "his weekly radio show, Tom Whitfield first reported.\n\n"
        "He then said the leaders should resign. “God means what he says,” he said.\n"
    )
    assert quote(run(text), "“God means").speaker == "Gary Kessel"


def test_object_of_a_speech_verb_with_its_own_subject_is_not_its_speaker(run: Run) -> None:
    text = (
        "Senator Ted Harlan won two states on Tuesday and called on his rivals to quit.\n\n"
        "Though he did not mention Paul Ricketts by name, he called the race “a contest "
        "between two men.”\n"
    )
    assert quote(run(text), "“a contest").speaker == "Ted Harlan"


def test_first_name_gender_is_read_before_folding() -> None:
    assert first_name_gender("Joe") == "m"  # not the "Jo" folding makes of it
    assert first_name_gender("Michael") == "m"
    assert first_name_gender("Jo") == "f"


def test_he_finds_a_man_named_joe(run: Run) -> None:
    text = (
        "Ann Keller thanked Joe Barrow for the visit on Tuesday.\n\n"
        "“We made real progress on the budget,” he said.\n"
    )
    assert quote(run(text), "“We made").speaker == "Joe Barrow"


def test_a_named_woman_in_what_he_says_does_not_become_he(run: Run) -> None:
    text = (
        "Marcus Webb said Karen Doyle lacks the strength to run the city.\n\n"
        "Webb summed up Doyle as reckless. Doyle “caused tremendous damage,” he said.\n\n"
        "“She should not even be allowed to run,” he said.\n"
    )
    a = run(text)
    assert quote(a, "“caused").speaker == "Marcus Webb"
    assert quote(a, "“She should").speaker == "Marcus Webb"


def test_a_role_said_of_someone_is_no_new_person(run: Run) -> None:
    text = (
        "Tom Quill spoke for an hour on Thursday night.\n\n"
        "The crowd cheered as the speech cast his rivals as a reckless, self-serving "
        "agent of outside money.\n\n"
        "“This is the legacy of the old city hall,” he said.\n"
    )
    assert quote(run(text), "“This is the legacy").speaker == "Tom Quill"


def test_no_other_official_is_nobody(run: Run) -> None:
    text = (
        "Laura Hensley took questions for an hour on Tuesday.\n\n"
        "Hensley added that she acted no differently from her predecessors. However, no "
        "other commissioner had a private server.\n\n"
        "“Many people used private email. It was not at all unprecedented,” she said.\n"
    )
    assert quote(run(text), "“Many people").speaker == "Laura Hensley"


def test_the_one_who_acts_in_a_passive_main_clause(run: Run) -> None:
    text = (
        "Ellen Brandt's budget was backed on Friday by Rosa Delgado, the ranking member of "
        "the finance committee, who said none of the money came from the state.\n\n"
        "“It never made sense to me that the mayor is blamed for this,” she said.\n"
    )
    assert quote(run(text), "“It never made").speaker == "Rosa Delgado"


def test_the_one_who_acts_in_a_phrase_is_not_the_subject(run: Run) -> None:
    text = (
        "Karl Brenner spoke to the crowd for an hour on Monday.\n\n"
        "He attacked the trade deal negotiated by Paul Oduya, who he said was “in his final "
        "year, thank God.”\n"
    )
    assert quote(run(text), "“in his final").speaker == "Karl Brenner"


def test_as_for_puts_its_person_first(run: Run) -> None:
    text = (
        "Senator Ted Harlan warned against a brokered convention on Tuesday.\n\n"
        "As for Victor Lane, he said he is not worried. “I am going to have the delegates, "
        "OK?” he said.\n"
    )
    assert quote(run(text), "“I am going").speaker == "Victor Lane"


def test_a_headline_question_s_will_is_no_first_name(run: Run) -> None:
    text = (
        "Game over. Will Kessler come down off the pique?\n\n"
        "After Tuesday night, Bernie Kessler's infinitesimal chance of winning the nomination "
        "rests on one possibility.\n\n"
        "Kessler spoke late on Tuesday. He vowed to “continue the fight in the next state.”\n"
    )
    assert quote(run(text), "“continue the fight").speaker == "Bernie Kessler"


def test_clause_rank_main_below_and_reported(nlp: Language) -> None:
    doc = nlp("Varga electrified the crowds, Halloran said. Though he was tired, Lind stayed.")
    rank = {t.text: clause_rank(t) for t in doc if t.dep_ == "nsubj"}
    assert rank == {"Varga": 2, "Halloran": 0, "he": 1, "Lind": 0}


def test_she_carries_on_a_person_whose_gender_the_text_has_not_yet_said(run: Run) -> None:
    text = (
        "Hillary Clinton spoke in Riverside on Friday, and her supporters cheered.\n\n"
        "Naureen Jahangir, a Sanders supporter from Hemet, California, is among those who say "
        "they have no intention of backing Clinton. The Sanders campaign was the first time "
        "she had been politically involved, and she doesn’t think Clinton can address the "
        "issues that Sanders raised during the primary.\n\n"
        "Choosing between Clinton and Sanders is a “false choice, because it's a choice "
        "between Clinton, Trump, Gary Johnson, and Dr. Jill Stein, at the very least,” she "
        "said.\n"
    )
    assert quote(run(text), "“false choice").speaker == "Naureen Jahangir"


def test_plain_name_before_an_owner_in_a_fronted_clause(run: Run) -> None:
    """ "Asked about the minister's comments, the chief executive, Tom Reilly, declined":
    "he" is Reilly, not the minister named only as an owner in the fronted clause."""
    text = (
        "Health minister Priya Shah rejected the claim on Monday. She said the funding was "
        "fair. “We have given the hospital everything it asked for,” Shah told the BBC.\n\n"
        "Asked about the minister’s comments, the hospital’s chief executive, Tom Reilly, "
        "declined to take sides. “Both parties need to talk,” he said.\n"
    )
    q = quote(run(text), "“Both parties")
    assert q.speaker == "Tom Reilly"
