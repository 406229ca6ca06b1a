"""Cues and the quotes they admit: speech verbs beside or after the marks, colons and labels,
fragments, titles and scare quotes, replies, passive agents, reported speech before a quote
paragraph. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.sieve.named import rule_explicit
from reader.analysis.syntax import is_speech_verb

from .conftest import quote, speaker_of

ReadCue = Callable[[str, str], tuple]
Run = Callable[[str], Analysis]


def test_quote_paragraph_after_reported_speech(run: Run) -> None:
    text = (
        "Marcus Feld, a physician in Fresno, said he had treated many such patients. Still, "
        "he said, the case for rest breaks does not hinge on proof.\n\n"
        "“You don’t need a randomized trial to tell you that people need water and shade.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“You don’t") == "Marcus Feld"


def test_quote_paragraph_with_no_one_reported_stays_unattributed(run: Run) -> None:
    text = (
        "The heat wave broke records across the valley for the third straight week.\n\n"
        "“You don’t need a randomized trial to tell you that people need water and shade.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“You don’t") is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Harrowgate goalkeeper Ollie Fenwick", "Ollie Fenwick"),
        ("Harrowgate substitute Aaron Pike, on his first goal", "Aaron Pike"),
    ],
)
def test_name_and_colon_label_the_quote(run: Run, label: str, name: str) -> None:
    text = (
        "WHAT THEY SAID\n\n"
        f"{label}: “The noise in the second half was something else. You feel it.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“The noise") == name


def test_inverted_ask_names_the_asker(read_cue: ReadCue) -> None:
    text = "“Minister, do you trust them?” asked the interviewer, Jonas Brandt."
    cue, engine = read_cue(text, "“Minister")
    res = rule_explicit(cue, engine)
    assert res is not None and res.cluster.canonical == "Jonas Brandt"


def test_as_she_put_it(run: Run) -> None:
    text = (
        "Vera Kolb, the coach, was blunt afterwards. As Kolb put it: “When you play with ten "
        "men for forty minutes, you are asking for a miracle.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“When you") == "Vera Kolb"


def test_reply_to_a_question_is_not_the_asker(run: Run) -> None:
    text = (
        "Dale Whitcombe and Marisol Ortega-Baines, both candidates for the seat, met on "
        "Tuesday.\n\n"
        "“There are four hundred people working at that plant. Yes or no?” Ortega-Baines "
        "asked.\n\n"
        "“I’ll give you a yes when you give me a number,” the candidate replied.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I’ll give") == "Dale Whitcombe"


def test_putting_it_somewhere_is_no_speech(nlp: Language) -> None:
    """ "as Colt put it" is speech; "putting it into the state file" is filing data, and a
    quote's cue it must not become."""
    doc = nlp("Vance was responsible for cleaning up the data and putting it into the file.")
    assert not is_speech_verb(next(t for t in doc if t.lower_ == "putting"))
    for said in (
        "At the time, as the prosecutor Marc Colt put it, there was little to go on.",
        "Her stones could, as she put it in a 2021 post, “reset your whole body.”",
    ):
        doc = nlp(said)
        assert is_speech_verb(next(t for t in doc if t.lower_ == "put"))


def test_reply_to_a_statement_keeps_the_usual_resolution(run: Run) -> None:
    text = (
        "Linda Marchetti, the finance chief, said demand had softened. “Customers aren’t "
        "leaving us,” Ms. Marchetti said.\n\n"
        "Pressed by one analyst on the forecast, she replied: “We’re comfortable with the "
        "range we gave in February.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“We’re comfortable") == "Linda Marchetti"


def test_a_title_after_titled_is_never_a_quote(run: Run) -> None:
    text = (
        "The panel’s report, titled “Borrowed Time: Groundwater and the Future of the Valley,” "
        "found that a quarter of the farmland would need to be retired.\n"
    )
    assert run(text).quotes == []


def test_capitalised_name_ending_a_sentence_is_not_a_quote(run: Run) -> None:
    text = "A hand-painted sign above the table christened the spot “Camp Courage.”\n"
    assert run(text).quotes == []


def test_praise_introduces_the_words_praised(run: Run) -> None:
    text = "Mayor Celeste Varga praised council members for “doing the hard thing.”\n"
    a = run(text)
    assert speaker_of(a, "“doing") == "Celeste Varga"


def test_a_sign_that_reads_words_is_quoted(run: Run) -> None:
    text = "Outside, people stood in the cold. One hand-lettered sign read “Parents Decide.”\n"
    assert [q.text for q in run(text).quotes] == ["“Parents Decide.”"]


def test_transcript_label_in_capitals(run: Run) -> None:
    text = (
        "Wade Hollister spoke to reporters on Wednesday.\n\n"
        "HOLLISTER: “No. House money means you don’t care if you lose it. I care.”\n"
    )
    assert speaker_of(run(text), "“No.") == "Wade Hollister"


def test_overheard_speaker_of_a_passive_clause(run: Run) -> None:
    text = (
        "As the doors closed, an unidentified senator could be heard saying, “We’re going to "
        "be here until Sunday.”\n"
    )
    speaker = speaker_of(run(text), "“We’re going")
    assert speaker is not None and "senator" in speaker


def test_what_is_described_is_not_the_speaker(run: Run) -> None:
    text = (
        "An internal guide written by the company Lumen & Rue instructs staff to describe "
        "negative reviews as “energetic resistance” and to process returns slowly.\n"
    )
    speakers = [q.speaker or "" for q in run(text).quotes]
    assert not any("reviews" in s for s in speakers)


def test_the_one_a_sentence_says_spoke_owns_the_next_quote(run: Run) -> None:
    text = (
        "Greta Marrow, a doctor, was the book’s first reader. As children, Greta says, Ilse "
        "Marrow was known as a magpie. “She’d sit under the kitchen table with a notebook.”\n"
    )
    assert speaker_of(run(text), "“She’d sit") == "Greta Marrow"


def test_short_quote_with_the_attribution_after_the_marks(run: Run) -> None:
    text = (
        "Mateusz Wróblewski is unrepentant about the messages. “Two megabytes,” he says, "
        "grinning. “It should be two.”\n"
    )
    a = run(text)
    assert quote(a, "“Two megabytes").speaker == "Mateusz Wróblewski"
    assert quote(a, "“It should").speaker == "Mateusz Wróblewski"


def test_second_half_of_an_interrupted_quote_in_lower_case(run: Run) -> None:
    text = (
        "Sgt. Marisa Delgado praised the public. “Good police work and a community that "
        "picked up the phone,” she said, “that’s what got us here.”\n"
    )
    a = run(text)
    assert quote(a, "“that’s what").speaker == "Marisa Delgado"


def test_a_short_title_in_a_sentence_is_still_no_quote(run: Run) -> None:
    text = "Kate Morrow said she watched “Top Gun” twice last week.\n"
    assert [q.text for q in run(text).quotes] == []


def test_fragments_in_that_clauses_after_the_speech_verb(run: Run) -> None:
    text = (
        "Laura Navarro struck a similar note, writing on social media that the vote was "
        "“long overdue” and that her state’s counties “cannot wait another season.”\n"
    )
    a = run(text)
    assert quote(a, "“long overdue").speaker == "Laura Navarro"
    assert quote(a, "“cannot wait").speaker == "Laura Navarro"


def test_went_on_to_explain_finds_its_subject(run: Run) -> None:
    text = (
        "Sloane Mercier posted a statement. Mercier went on to explain that the bottle was "
        "“never meant for everyone,” that the quartz was “ethically sourced from a family-run "
        "mine,” and that she drinks “at least three” a day.\n"
    )
    a = run(text)
    for opening in ("“never", "“ethically", "“at least"):
        assert quote(a, opening).speaker == "Sloane Mercier"


def test_scare_quotes_without_a_speech_verb_stay_out(run: Run) -> None:
    text = "The so-called “sewage scandal” broke in 2022, and the river has not recovered.\n"
    assert run(text).quotes == []


def test_a_name_right_before_the_verb_speaks_when_the_parser_gave_it_no_subject(
    run: Run,
) -> None:
    text = (
        "In a memo to agency heads on Saturday, obtained by POLITICO, Office of Management "
        "and Budget Director Nikhil Varadarajan warned that the fund could be exhausted “as "
        "early as the second week of January.”\n"
    )
    assert quote(run(text), "“as early").speaker == "Nikhil Varadarajan"


def test_as_x_put_it_before_a_fragment(run: Run) -> None:
    text = (
        "The two women discussed the many ways in which the internet is, as Mercier put it, "
        "“just really loud right now.”\n"
    )
    assert quote(run(text), "“just").speaker == "Mercier"


def test_described_by_someone_as_makes_the_agent_the_speaker(run: Run) -> None:
    text = (
        "In 2019, she released a single that was memorably described by one critic as “a "
        "scented candle that learned to sing” in a review.\n"
    )
    assert quote(run(text), "“a scented").speaker == "one critic"
