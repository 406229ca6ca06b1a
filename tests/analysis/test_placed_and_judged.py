"""An unnamed source described with where it is ("someone in the audience"), and a verb of
judging inside the clause a speaker reports ("he did say he found Trump “very charming”").
Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


def test_a_phrase_of_place_is_part_of_the_description(run: Run) -> None:
    text = (
        "Bob Lane spoke for an hour at the rally in Dayton.\n\n"
        "When someone in the audience shouted, “Four more years!” Lane laughed.\n"
    )
    assert speaker_of(run(text), "“Four more") == "someone in the audience"


def test_inside_places_an_unnamed_source(run: Run) -> None:
    text = (
        "The vote was close.\n\n"
        "One aide inside the White House called the result “a disaster for everyone.”\n"
    )
    assert speaker_of(run(text), "“a disaster") == "One aide inside the White House"


def test_the_channel_of_the_words_is_not_a_place(run: Run) -> None:
    text = (
        "The ruling came late on Friday.\n\n"
        "Her lawyers in a court filing called the ruling “a travesty of justice.”\n"
    )
    assert speaker_of(run(text), "“a travesty") == "Her lawyers"


def test_a_verb_of_judging_gives_the_words_of_whoever_reports_it(run: Run) -> None:
    text = (
        "Dan Ortiz, the donor, gave nothing this year. He did say he found the governor to be "
        "“very charming” and generous.\n"
    )
    q = quote(run(text), "“very charming”")
    assert q.speaker == "Dan Ortiz"
    assert q.mention is not None and text[q.mention.start :].startswith("He did say")


def test_a_verb_of_saying_keeps_its_own_speaker(run: Run) -> None:
    text = "Police sources said Kyle Benton said “no more delays” to the officers on Friday.\n"
    assert speaker_of(run(text), "“no more") == "Kyle Benton"


def test_a_briefing_or_a_medium_is_not_where_a_source_is(run: Run) -> None:
    text = (
        "The talks broke down on Friday.\n\n"
        "“The figures do not add up,” said a State Department official in a briefing with "
        "reporters.\n\n"
        "A spokesman on Twitter called the breakdown “a tragedy for both sides.”\n"
    )
    analysis = run(text)
    assert speaker_of(analysis, "“The figures") == "a State Department official"
    assert speaker_of(analysis, "“a tragedy") == "A spokesman"
