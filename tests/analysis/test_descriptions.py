"""People described rather than named: roles, ages, nationalities, unnamed sources and
groups, and what a description resolves to. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


def test_age_description_finds_the_person_given_that_age(run: Run) -> None:
    text = (
        "Gregory Allan Dunmore, 52, stood silently through the hearing. Judge Helen Whitcombe "
        "read the charge aloud to the court.\n\n"
        "“Not guilty, your honor,” the 52-year-old said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Not guilty") == "Gregory Allan Dunmore"


def test_age_description_with_a_role_word_the_lexicon_lacks(run: Run) -> None:
    text = (
        "Tom Reyes scored twice on Saturday, his first goals since March.\n\n"
        "“I had a frustrating month, I won’t lie,” the 24-year-old striker said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I had") == "Tom Reyes"


def test_is_person_noun_covers_agent_endings() -> None:
    from reader.analysis.lexicon import is_person_noun

    assert is_person_noun("epidemiologist")
    assert is_person_noun("technician")
    assert is_person_noun("columnist")
    assert not is_person_noun("wrist")
    assert not is_person_noun("table")


def test_plural_description_is_a_group_not_the_last_person(run: Run) -> None:
    text = (
        "“It builds over days,” said lead author Dr. Priya Natarajan, an epidemiologist.\n\n"
        "The study’s authors wrote that the findings point to “a substantial and largely "
        "unrecognized burden of heat-related renal injury.”\n\n"
        "“Heat-related kidney injury should be treated as an occupational disease,” the "
        "authors wrote.\n"
    )
    a = run(text)
    group = speaker_of(a, "“a substantial")
    assert group is not None and "authors" in group and "Natarajan" not in group
    assert speaker_of(a, "“Heat-related") == group


def test_unnamed_source_keeps_its_restrictive_clause(run: Run) -> None:
    text = (
        "A French diplomat who attended the sessions said the minister had been tireless. "
        "“He can bring the horses to the water,” the diplomat said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“He can") == "A French diplomat who attended the sessions"


def test_definite_noun_that_is_no_body_is_a_person_described(run: Run) -> None:
    text = (
        "For Benito Ruelas, the numbers are not abstractions. Ruelas farms 600 acres south of "
        "town.\n\n"
        "“Everyone wants to talk about the farmers like we’re the villains,” the "
        "third-generation grower said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Everyone") == "Benito Ruelas"


def test_role_abbreviation_is_a_description_not_a_name(run: Run) -> None:
    text = (
        "Katarzyna Wilk, a member of the European Parliament, criticised the draft.\n\n"
        "“We have seen this film before with cookie banners,” the MEP said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We have") == "Katarzyna Wilk"


def test_specific_role_names_its_holder_from_far_back(run: Run) -> None:
    filler = "The water rose through the night and the roads were closed. " * 14
    text = (
        "The leader of Wendmoor District Council, Cllr Janet Pryce, said the town would "
        "recover.\n\n"
        f"{filler}\n\n"
        "A council spokeswoman said the roads would reopen on Friday.\n\n"
        "“We will clear up, and then we will make a great deal of noise,” the council leader "
        "said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We will") == "Janet Pryce"


def test_one_of_the_people_is_an_unnamed_source(run: Run) -> None:
    text = (
        "Two people familiar with the matter described the talks.\n\n"
        "“It was never really about the branches,” one of the people said, speaking on "
        "condition of anonymity.\n"
    )
    assert speaker_of(run(text), "“It was") == "one of the people"


def test_described_person_before_a_colon(run: Run) -> None:
    text = (
        "James Reese caught nine passes. Asked what he would tell a younger player, the "
        "receiver didn’t hesitate: “Watch the film of this season. That’s the whole speech.”\n"
    )
    assert speaker_of(run(text), "“Watch") == "James Reese"


def test_abbreviated_title_is_the_role_named_later(run: Run) -> None:
    text = (
        "Gov. Ellen Marchetti toured the county on Sunday. State Sen. Deborah Lindqvist said "
        "help came late.\n\n"
        "Asked about those comments, the governor said supplies had been staged in advance. "
        "“If the road isn’t there, the road isn’t there,” she said.\n"
    )
    assert speaker_of(run(text), "“If the road") == "Ellen Marchetti"


def test_nationality_as_a_description_is_the_subject_not_the_last_name(run: Run) -> None:
    text = (
        "Ashbourne head coach Henrik Solberg made no attempt to hide his frustration with the "
        "referee, Aidan McGrory. “For me the second yellow is never a yellow,” the Norwegian "
        "said.\n"
    )
    assert quote(run(text), "“For me").speaker == "Henrik Solberg"


def test_a_fronted_role_is_the_name_that_follows_not_an_unnamed_source(run: Run) -> None:
    text = (
        "Margit Hollós is not persuaded. An evolutionary ecologist at the University of "
        "Western Australia, Hollós has spent her career studying captive breeding.\n\n"
        "“The thing about a lab is that it selects for whatever the lab rewards,” she said.\n"
    )
    assert quote(run(text), "“The thing").speaker == "Margit Hollós"


def test_a_things_noun_is_no_role_and_a_title_with_and_is_kept(run: Run) -> None:
    text = (
        "Co-founder and CEO Oluwaseun Adeyemi-Clarke told TechCrunch the decisions were "
        "linked. The old tool will be folded into its flagship agent. “We raised this money "
        "to go deep,” Adeyemi-Clarke said.\n"
    )
    (speaker,) = [s for s in run(text).speakers if s.name == "Oluwaseun Adeyemi-Clarke"]
    assert speaker.role is not None and "CEO" in speaker.role
    assert "agent" not in speaker.role


def test_one_user_wrote_is_an_unnamed_source(run: Run) -> None:
    text = (
        "The post had racked up 40,000 comments by Wednesday. “Babe, it’s a Nalgene with a "
        "rock in it,” one user wrote.\n"
    )
    assert quote(run(text), "“Babe").speaker == "one user"


def test_a_long_restrictive_clause_stays_in_an_unnamed_source(run: Run) -> None:
    text = (
        "At a meeting Monday night, a man who identified himself only as a rancher from the "
        "north end of the county told commissioners that officials were “using fear to push "
        "a product,” drawing applause.\n"
    )
    assert quote(run(text), "“using").speaker == (
        "a man who identified himself only as a rancher from the north end of the county"
    )


def test_a_role_the_text_gave_one_person_names_them_from_far_back(run: Run) -> None:
    """A one-word role the text has given one person only ("Mr. Sowerberry, the parochial
    undertaker") names that person pages on, not whoever was mentioned last."""
    filler = "The fog lay thick on the street and the lamps burned low all evening. " * 14
    text = (
        "At the gate Mr. Bumble met Mr. Sowerberry, the parochial undertaker.\n\n"
        f"{filler}\n\n"
        "“I have measured the two coffins, Mr. Bumble,” said the undertaker.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I have measured") == "Mr. Sowerberry"
