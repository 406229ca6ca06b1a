"""Fragments with no speech verb: the subject of the clause that holds the fragment is its
speaker when it can speak ("Trump attacked Romney for being a “failed candidate.”", from
PolNeAR's Washington Post); scare quotes on a thing's clause and a novel's narration stay out.
Each runs the real model."""

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
            "First, Dale Horvath attacked the party's last nominee, Ross Pell, for being a "
            "“failed candidate.” Then he turned to the governor.\n",
            "“failed",
            "Dale Horvath",
        ),
        (
            "Senator Nadia Orwell supports “appropriate pay raises” for federal workers and "
            "opposes a freeze.\n",
            "“appropriate",
            "Nadia Orwell",
        ),
        (
            "Marta Quell has consistently pushed her promise of “free college” as a way to win "
            "young voters.\n",
            "“free",
            "Marta Quell",
        ),
        (
            "Voters shrugged off Dale Horvath's warning that the county would go to the “back "
            "of the queue” if the deal failed.\n",
            "“back",
            "Dale Horvath",
        ),
        (
            "Dale Horvath implied that the judge was biased and “hostile” because of his "
            "heritage.\n",
            "“hostile",
            "Dale Horvath",
        ),
    ],
)
def test_the_clause_subject_speaks_a_fragment(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_a_body_the_parser_left_verbless_speaks_its_finding(run: Run) -> None:
    """ "Two military analysts, … , found in 2014 that the Israeli Air Force is “the best in
    the world”" (PolNeAR, HuffPost): the parser hangs the finite speech verb on the noun as a
    modifier, so the verb has no subject; the noun before it that can speak (a body, a group,
    not only a person's name) is the one who said it."""
    text = (
        "A panel of auditors, led by Ray Colt, reported in March that the program was "
        "“badly mismanaged.”\n"
    )
    assert speaker_of(run(text), "“badly") == "A panel of auditors"


def test_a_speech_verb_the_parser_left_without_its_named_subject(run: Run) -> None:
    """ "Thursday, Trump described families …, and a city of “honesty and straight talk.”"
    (PolNeAR, Breitbart): the parser takes the name before the verb for a modifier and the verb
    for an adjective, so the cue has no subject; the known person named right before the
    speech verb is its speaker."""
    text = (
        "Trump was in Albany. Addressing the state party's annual gala Thursday, Trump "
        "described families playing in parks, diners packed with workers, and a city of "
        "“honesty and straight talk.”\n"
    )
    assert speaker_of(run(text), "“honesty") == "Trump"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Dale Horvath was magnanimous on Monday night, but by Tuesday the humility was gone. "
            'Instead, he was back to boasting about "winning" and pledging to fix the county.\n',
            '"winning',
            "Dale Horvath",
        ),
        (
            "Some council members are especially keen on telling residents to stop "
            "“complaining” when the buses run late.\n",
            "“complaining",
            "Some council members",
        ),
        (
            "Tom Sanders spoke in Fresno. Sanders himself, who wasn't present at the rally, has "
            "toned down his criticism of the mayor, shifting his focus to defeating Dana Holt "
            "and admitting that his “grand crusade” will almost certainly end without him in "
            "office.\n",
            "“grand",
            "Tom Sanders",
        ),
    ],
)
def test_the_speaker_of_a_speech_verb_deep_in_its_clause(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """ "he was back to boasting about “winning”", "People … are especially keen on telling
    women to stop “moaning”", "Sanders … has toned down his criticism …, shifting his focus
    to defeating Donald Trump and admitting that his “political revolution” will …" (PolNeAR,
    Politico and HuffPost): the speech verb hangs from a preposition under an adjective or
    adverb, or four steps down a chain of participles; whoever is keen, or back, or toned
    down, does the telling."""
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Moscow, meanwhile, is pushing for a “frozen conflict” along the border.\n",
            "“frozen",
            "Moscow",
        ),
        (
            "As the senator spoke, the NRA was going into overdrive, whipping lawmakers against "
            "“any and all gun control” in the state.\n",
            "“any and all",
            "the NRA",
        ),
    ],
)
def test_a_place_that_stands_for_a_government_speaks_a_fragment(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """ "the NRA (tagged a place) was … whipping lawmakers against “any and all gun control”"
    (PolNeAR, Politico): a capital or a country stands for its government, a body that can
    speak like any other."""
    assert speaker_of(run(text), opening) == speaker


def test_the_object_of_the_clause_verb_is_no_speaker(run: Run) -> None:
    """ "she had voted for the authority to invade Iraq from “the perspective of a senator
    …”" (PolNeAR, Washington Post): the name after a verb that is not a speech verb is what
    it acts on; a place that can speak does not speak there."""
    text = (
        "Foreign policy was a sticking point for Dana Holt. Thirteen years earlier, she had "
        'voted for the authority to invade Iraq from "the perspective of a senator from Ohio '
        'who has seen all too closely the consequences of terrible attacks on our nation."\n'
    )
    assert speaker_of(run(text), '"the perspective') in (None, "Dana Holt")


def test_a_dictum_is_a_saying_of_its_owner(run: Run) -> None:
    """ "many followed President Reagan's dictum that the Soviet Union was an “evil empire”"
    (PolNeAR, USA Today): the fragment is in what the dictum says, so its owner said it."""
    text = (
        "During the long strike, many workers followed Mayor Dana Holt's dictum that the "
        'company was an "evil empire" bent on breaking the union.\n'
    )
    assert speaker_of(run(text), '"evil') == "Dana Holt"


def test_an_audience_echoing_words_speaks_them(run: Run) -> None:
    """ "The audience gathered in the White House East Room followed him by softly echoing
    “too many.”" (PolNeAR, Breitbart): a crowd or an audience chants and echoes."""
    text = (
        'Dana Holt punctuated her list by saying "Never again." The audience gathered in the '
        'hall followed her by softly echoing "never again."\n'
    )
    assert speaker_of(run(text), '"never again') == "The audience"


def test_a_thing_in_the_subject_marks_a_term(run: Run) -> None:
    text = "The storm left a “path of destruction” across three counties on Sunday.\n"
    assert run(text).quotes == []


def test_a_title_in_capitals_is_no_ones_phrase(run: Run) -> None:
    text = (
        "In 2019, Sloane Pell released a single, “Glass House,” that peaked at No. 88 on the "
        "charts.\n"
    )
    assert run(text).quotes == []


def test_a_story_told_in_dialogue_keeps_its_narrators_terms(run: Run) -> None:
    turns = "".join(
        f"“I have heard nothing of it, number {i},” said Archer.\n\n“Nor I,” said May.\n\n"
        for i in range(8)
    )
    text = (
        turns
        + "Catherine Mingott had married two of her daughters to “foreigners” and never once "
        "regretted it.\n"
    )
    assert not [q for q in run(text).quotes if q.text.startswith("“foreigners")]


def test_an_unnamed_source_speaks_a_fragment(run: Run) -> None:
    text = (
        "Two voters in Dayton spoke to us. One praised the plan. Another said he hoped with his "
        "“whole heart” that the measure would pass.\n"
    )
    assert speaker_of(run(text), "“whole") == "Another"


def test_a_share_of_people_says_a_fragment(run: Run) -> None:
    text = (
        "About four in 10 said they were “angry” with the way the state government is "
        "operating.\n"
    )
    assert [q.text for q in run(text).quotes] == ["“angry”"]


def test_a_relative_clause_names_whose_words_a_fragment_is(run: Run) -> None:
    """ "Pope Benedict XVI aimed to curb “a certain feminist spirit” and “secularist
    mentality” that the Church fathers discerned" (the Daily Beast, the dev corpus): the
    relative clause says whose words they are, not the sentence's subject."""
    text = (
        "Six years ago Governor Ada Marsh aimed to curb “a certain reckless spirit” and "
        "“careless mentality” that the state auditors discerned in the agency.\n"
    )
    analysis = run(text)
    assert speaker_of(analysis, "“a certain") == "the state auditors"
    assert speaker_of(analysis, "“careless") == "the state auditors"


@pytest.mark.parametrize(
    "text",
    [
        # an appositive describes a noun ("CRISPR-Cas9, a “powerful and general technology”")
        "They had won for developing Vexa-9, a “powerful and general method” for sorting "
        "cells.\n",
        # a lone quoted word modifying the writer's noun ("a “programmable” editing tool")
        "Then a small team led by Ines Carver published a paper showing how to turn the "
        "machinery into a “programmable” sorting tool.\n",
    ],
)
def test_a_fragment_that_describes_a_noun_is_the_writers_term(run: Run, text: str) -> None:
    assert run(text).quotes == []


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Lena Ostrova clearly intended the Ohio audience to “recognize” the governor in "
            "that passage.\n",
            "“recognize”",
            "Lena Ostrova",
        ),
        (
            "In March, Tom Alder invited the council to “rethink” its budget.\n",
            "“rethink”",
            "Tom Alder",
        ),
    ],
)
def test_a_quoted_verb_is_the_words_of_the_clause_above_it(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """A lone quoted verb is no scare quote of the writer's when a person's clause holds it
    (PolNeAR's slice: 11 of 15 such verbs are gold quotes)."""
    assert speaker_of(run(text), opening) == speaker


def test_a_fragment_in_a_relative_clause_is_the_words_of_the_clause_above(run: Run) -> None:
    """ "casts Trump as a former liberal who would “unravel” the policies": the relative
    clause is part of what the speaker says of the noun, not the writer's aside about it."""
    text = (
        "In the call, Rep. Dale Horn cast the governor as a former liberal who would "
        "“unravel” the reforms.\n"
    )
    assert speaker_of(run(text), "“unravel”") == "Dale Horn"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "The first taste the audience gets of Mayor Dale Horn is his golden head speaking "
            "from the face of a giant bill, calling them “cheapskates” and bragging about the "
            "new wall.\n",
            "“cheapskates”",
            "Dale Horn",
        ),
        (
            "Former prosecutor Ann Reyes trashed the director on MSNBC’s “Morning Joe,” calling "
            "it a “no-brainer” to prosecute.\n",
            "“no-brainer”",
            "Ann Reyes",
        ),
    ],
)
def test_what_someone_is_calling_a_thing_is_a_quote_when_the_parse_loses_who(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """An active naming verb with its object ("calling it a “no-brainer”") makes the fragment
    somebody's words even where the parser hangs the participle from a clause about a thing."""
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    "text",
    ["Let us call it a “pause” for now.\n", "The city calls it a “pause” in the plan.\n"],
)
def test_the_writers_own_naming_is_no_quote(run: Run, text: str) -> None:
    assert run(text).quotes == []


def test_words_right_after_an_uttering_verb_are_a_quote_when_no_one_is_found(run: Run) -> None:
    """ "…, saying “Zip codes shouldn't determine destiny”": the parse hangs "saying" from a
    clause with no speaker, but words an uttering verb introduces are somebody's."""
    text = (
        "There is a lot of chatter about Ortiz, who is the most animated on stage this morning, "
        "saying \"Zip codes shouldn't determine destiny\" to loud cheers.\n"
    )
    assert [q.text for q in run(text).quotes] == ['"Zip codes shouldn\'t determine destiny"']


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Tom Reed thought the mayor sounded like someone who had given up. “He is supposed "
            "to lead this city,” Reed said. Instead, “he just acts like a beaten man.”\n",
            "“he just",
            "Tom Reed",
        ),
        (
            "This makes it hard to correct rumors, Park said. Good facts can still drive out "
            "bad ones, but usually only when “the truth is sexier than the lie.”\n",
            "“the truth",
            "Park",
        ),
    ],
)
def test_a_quoted_clause_ending_the_sentence_is_somebodys_words(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """A quote in lower case with a subject and a finite verb of its own, ending a sentence,
    is no scare quote: the discourse rules find whose it is."""
    assert speaker_of(run(text), opening) == speaker


def test_a_quoted_phrase_with_a_relative_clause_is_no_clause_of_its_own(run: Run) -> None:
    assert run("The new plan is, at best, a “policy that works on paper.”\n").quotes == []


def test_a_diplomatic_cable_speaks_a_fragment(run: Run) -> None:
    """A cable is a written thing issued by someone, like a memo: its clause holds its words."""
    text = "The cable indicated 13 guards would be the “minimum” needed for the mission.\n"
    assert speaker_of(run(text), "“minimum”") == "The cable"


HEADLINED = (
    "Ines Carver quits harbour board over ‘reckless’ ferry cuts\n\n"
    "Ines Carver has resigned from the harbour board. ‘I cannot defend this,’ she said. "
    "‘It is wrong.’ She called the cuts ‘reckless’.\n"
)


def test_a_fragment_in_a_sentence_case_headline_is_its_subjects_words(run: Run) -> None:
    """A British headline is sentence case and drops its verbs: the quoted word in it is the
    words of the one the headline names, not the writer's scare quote."""
    a = run(HEADLINED)
    assert (a.quotes[0].text, a.quotes[0].speaker) == ("‘reckless’", "Ines Carver")


def test_a_fragment_after_the_person_a_headline_names_is_a_quote(run: Run) -> None:
    text = (
        "Harbour chief ‘appalled’ as ferry strike strands thousands\n\n"
        "The harbour chief, Ines Carver, said she was ‘appalled’ by the strike. ‘We will not "
        "be held hostage,’ she said. ‘The ferries must run.’\n"
    )
    assert [q.text for q in run(text).quotes][:2] == ["‘appalled’", "‘appalled’"]


def test_a_fragment_in_a_clause_someone_says_is_the_sayers(run: Run) -> None:
    """The clause's subject does something ("wanted"); the words are those of the one who
    says the clause (a PolNeAR development article, "he said that only people such as David
    and Charles Koch wanted “open borders”", there taken as the words of "only people")."""
    text = (
        "Senator Ada Marsh spoke in Ohio. Immigration is now an issue of morality and workers' "
        "dignity; gone are the days when, in sync with some labor leaders, she said that only "
        'people such as David and Charles Koch wanted "open borders." At a rally, Marsh '
        "promised reform.\n"
    )
    assert speaker_of(run(text), '"open') == "Ada Marsh"
