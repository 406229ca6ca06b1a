"""Which speech verb a news quote hangs from when a sentence has two (issue 11): a verb that
introduces words of its own is not the cue of the quote before it, and a preposition the
parser took for a subject is never the speaker. Made-up sentences; each runs the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_a_reply_with_its_own_quote_is_not_the_cue_of_the_quote_before(run: Run) -> None:
    text = (
        "Ann Hale and her aide Tom Reed traded emails about the photograph in April.\n\n"
        "Hale responds to Reed with, “Why now? That was on my way to Dayton?” Reed then "
        "writes back, “You look great.”\n"
    )
    a = run(text)
    assert quote(a, "“Why now").speaker == "Ann Hale"
    assert quote(a, "“You look").speaker == "Tom Reed"


def test_a_colon_cue_in_the_next_sentence_is_not_the_cue_of_the_quote_before(run: Run) -> None:
    text = (
        "Senator Harry Dunn spoke in Des Moines on Friday.\n\n"
        "Dunn appeared to dismiss the tax issue in October, when he told Ann Ward at a debate "
        "that voters were “sick and tired of hearing about your damn taxes.” On Friday, he "
        "remarked: “As I said at the first debate, there are real questions.”\n"
    )
    q = quote(run(text), "“sick and tired")
    assert q.mention is not None
    assert q.mention.start == text.index("he told")


def test_of_a_topic_then_a_name_the_name_speaks(run: Run) -> None:
    text = (
        "The candidates spoke to a crowd of donors in Boston on Thursday.\n\n"
        "“He’s funny,” lawyer Eric Levine said of Tom Ward. Of Barton, Levine, who has "
        "given money to Ann Rossi, said, “He’s flat-out scary.”\n"
    )
    q = quote(run(text), "“He’s flat")
    assert q.speaker == "Eric Levine"


def test_a_named_speakers_mention_holds_the_title_before_the_name(run: Run) -> None:
    text = (
        "The vote on the dam is set for Friday.\n\n"
        "Former Secretary of State Ann Hale urged voters to back the plan, saying, “There "
        "is no better deal on the table.”\n"
    )
    q = quote(run(text), "“There is")
    assert q.speaker == "Ann Hale"
    assert q.mention is not None
    assert q.mention.text == "Former Secretary of State Ann Hale"


def test_a_title_after_a_comma_stays_out_of_the_mention(run: Run) -> None:
    text = (
        "The vote on the dam is set for Friday.\n\n"
        "“There is no better deal on the table,” said the county’s engineer, Tom Reed.\n"
    )
    q = quote(run(text), "“There is")
    assert q.speaker == "Tom Reed"
    assert q.mention is not None and q.mention.text == "Tom Reed"


def test_questioners_are_people_who_speak(run: Run) -> None:
    text = (
        "President Ann Hale held a news conference in Ankara on Monday.\n\n"
        "At the news conference, Hale's first five questioners ranged from skeptical to "
        'hostile: "Is it time for your strategy to change?" . . . "Have you underestimated '
        'their abilities?"\n'
    )
    q = quote(run(text), '"Is it time')
    assert q.speaker is not None and "questioners" in q.speaker


def test_a_body_or_a_paper_found_through_who_or_that_rests_on_the_pronoun(run: Run) -> None:
    text = (
        "President Ann Hale spoke in Denver on Tuesday.\n\n"
        "Hale rebuked critics who say she should condemn the group as \"radical Islamists,\" "
        "calling the label a distraction.\n"
    )
    q = quote(run(text), '"radical')
    assert q.mention is not None and q.mention.text == "who"


def test_a_speech_verb_of_its_own_right_before_a_quote_introduces_it(run: Run) -> None:
    # the parser hangs the second quote from "said"; the verb just before it says whose it is
    text = (
        "Ann Hale spoke in Dayton on Sunday.\n\n"
        "\"Apparently there's a young man who's having some problems,\" Hale said as the "
        "heckler yelled: \"You suck!\"\n"
    )
    a = run(text)
    assert quote(a, "\"Apparently").speaker == "Ann Hale"
    q = quote(a, "\"You suck")
    assert q.mention is not None
    assert q.mention.text == "the heckler"


def test_a_description_in_a_clause_under_a_named_speaker_is_someone_else(run: Run) -> None:
    # "the heckler" is the subject of a clause hanging from Hale's "said" through "as":
    # not Hale, who would be "she" there
    text = (
        "Ann Hale spoke in Dayton on Sunday.\n\n"
        "\"Thank you all,\" Hale said as the heckler yelled: \"You suck!\"\n"
    )
    q = quote(run(text), "\"You suck")
    assert q.speaker is not None
    assert q.speaker != "Ann Hale"


def test_a_participle_hung_inside_a_reported_clause_goes_on_from_the_reporter(run: Run) -> None:
    # the parser hangs "asking" from "was", in what Ward tweeted: "it" does not ask, Ward does
    text = (
        "Ann Hale was quick to chime in, with Tom Ward tweeting that it was a \"disaster\" "
        "for Hale and asking, \"How can someone with such bad judgement be our next "
        "governor?\"\n"
    )
    assert quote(run(text), "\"How can").speaker == "Tom Ward"


def test_a_participle_joined_to_a_reported_clause_goes_on_from_the_reporter(run: Run) -> None:
    # "arguing" hangs from "was waylaid", in what Hale was saying: the bill argues nothing
    text = (
        "Senator Ann Hale spoke on Thursday.\n\n"
        "Hale pushed back on those claims Thursday, saying that the bill had the correct "
        "security parts but was waylaid by voter mistrust - and arguing that she and Ward "
        "shared \"almost all the same views on taxes.\"\n"
    )
    assert quote(run(text), "\"almost").speaker == "Ann Hale"


def test_a_relative_clause_with_its_own_subject_holds_its_quote(run: Run) -> None:
    # the parser hangs the comma and the closing mark from "Ward", past "called"'s clause
    text = (
        "The feud went on in Ohio.\n\n"
        'Tom Ward, whom Ann Hale called "a coward," did not respond to a request for comment.\n'
    )
    assert quote(run(text), '"a coward').speaker == "Ann Hale"


def test_a_relative_clause_whose_subject_is_the_relative_word_keeps_the_reporter(run: Run) -> None:
    text = (
        "Mourners gathered in Louisville on Sunday night.\n\n"
        'The Rev. Tom Reed said the world lost a voice that said "love in spite of fear is '
        'the greatest expression of power that human beings can muster."\n'
    )
    assert quote(run(text), '"love').speaker == "Tom Reed"


def test_a_quote_after_one_cited_in_a_relative_clause_goes_on_from_the_one_citing(run: Run) -> None:
    text = (
        "Tom Reed, a partner at Elm Ventures, which led the company’s seed round, is more "
        "measured. “I’d be lying if I told you the first run went smoothly,” he says, "
        "referring to the company’s first prototype, which Ann Hale has previously described "
        "as “a very expensive lesson in heat.” “But they found every problem themselves, "
        "before a customer did.”\n"
    )
    a = run(text)
    assert quote(a, "“a very expensive").speaker == "Ann Hale"
    assert quote(a, "“But they found").speaker == "Tom Reed"


def test_a_speech_verb_of_an_adverbial_clause_holds_its_quote(run: Run) -> None:
    text = (
        "The court ruled on the admissions case in June.\n\n"
        "After Judge Ann Hale said that some students might do better at “less demanding "
        "schools,” Tom Reed said: “I don’t like what she said. I don’t like it at all.”\n\n"
        "Reed calls the judge “Your Honor,” while Hale calls the lawyer “Tommy.”\n"
    )
    a = run(text)
    assert quote(a, "“less demanding").speaker == "Ann Hale"
    assert quote(a, "“I don’t like").speaker == "Tom Reed"
    assert quote(a, "“Tommy").speaker == "Ann Hale"


def test_a_participle_before_the_quote_does_not_take_it_from_the_main_verb(run: Run) -> None:
    text = (
        "The two senators wrote to the director on Monday.\n\n"
        "The two senators, however, argue that “there is precedent,” citing a case in which "
        "a clerk was found guilty of “gross negligence.”\n"
    )
    q = quote(run(text), "“gross negligence")
    assert q.mention is not None
    assert q.mention.text == "The two senators"
