"""Who said what in news, and the words the attribution rests on (issue 11). Made-up
sentences written like PolNeAR's articles; each runs the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_a_quote_after_a_sentence_about_someone_rests_on_that_mention(run: Run) -> None:
    text = (
        "Maria Hale toured the flooded plant on Monday with two county engineers.\n\n"
        "The veteran senator was blunt about the repairs. “This plan is wrong for the town.”\n"
    )
    q = quote(run(text), "“This plan")
    assert q.speaker == "Maria Hale"
    assert q.mention is not None
    assert text[q.mention.start : q.mention.end] == q.mention.text
    assert q.mention.text == "senator"


def test_they_speaks_for_the_group_named_before(run: Run) -> None:
    text = (
        "Four advocacy groups wrote to the mayor on Thursday about the shelter.\n\n"
        "“We cannot wait another winter for beds,” they argue in the letter.\n"
    )
    q = quote(run(text), "“We cannot")
    assert q.speaker is not None and "groups" in q.speaker
    assert q.mention is not None and q.mention.text == "they"


def test_a_fragment_reported_inside_another_speakers_clause_is_theirs(run: Run) -> None:
    text = (
        "Senator Maria Hale spoke to reporters in Dayton on Tuesday.\n\n"
        "Hale says she expects Governor Tom Reed to announce an “immediate review” of the "
        "contract.\n"
    )
    q = quote(run(text), "“immediate")
    assert q.speaker == "Maria Hale"


def test_a_speaker_after_a_long_title_in_the_sentence_the_parser_split_off(run: Run) -> None:
    text = (
        "The vote on the dam is set for Friday.\n\n"
        "“She said that ‘I know the difference between winning the House and losing it, and "
        "I want the House,’” Rep. Jim Calder (D-Ohio) said.\n"
        "Rep. Ann Fox (R-Ohio) said the board would meet again.\n"
    )
    assert quote(run(text), "“She said").speaker == "Jim Calder"


def test_a_document_introducing_a_quote_with_a_colon_speaks(run: Run) -> None:
    text = (
        "Rachel Hoff sent the platform committee a letter on Monday.\n\n"
        "Hoff’s letter makes a libertarian-style case: “We must stand together as "
        "Republicans to protect everyone from threats to our freedom.”\n"
    )
    q = quote(run(text), "“We must")
    assert q.mention is not None and "letter" in q.mention.text


def test_a_colon_then_two_spaces_still_introduces_the_quote(run: Run) -> None:
    text = (
        "The union pushed for a ban on guns near the arena.\n\n"
        "Governor Ann Reyes resisted:  “Governors do not have the power to suspend the "
        "rights the constitution gives.”\n"
    )
    q = quote(run(text), "“Governors")
    assert (q.speaker, q.cue) == ("Ann Reyes", "resisted")


def test_a_singer_and_a_newspaper_that_opines_are_speakers(run: Run) -> None:
    text = (
        "Some voters want change; others do not.\n\n"
        "In his best-known song, Billy Marsh sings, “Don’t go changing to try and please me.” "
        "Few candidates listen.\n\n"
        "“Gun owners should leave their weapons at home,” opined the Lakeview Courier.\n"
    )
    a = run(text)
    assert quote(a, "“Don’t").speaker == "Billy Marsh"
    assert quote(a, "“Gun owners").speaker is not None
    assert "Courier" in (quote(a, "“Gun owners").speaker or "")


def test_a_speech_act_reported_as_made_keeps_its_own_speaker(run: Run) -> None:
    text = (
        "The bank held its rate on Tuesday.\n\n"
        "A person familiar with the board's deliberations said the two dissenters had argued "
        'that "the currency channel has not been given enough weight" this year.\n'
    )
    assert quote(run(text), '"the currency').speaker == "the two dissenters"


def test_a_speaker_found_through_who_rests_on_who(run: Run) -> None:
    text = (
        "The trade pact split the field again this week.\n\n"
        "Contrast that with Tom Reed, who has called the 12-nation pact “insanity,” and "
        "Ann Cole, who says it is “disastrous.”\n"
    )
    a = run(text)
    q = quote(a, "“insanity")
    assert q.speaker == "Tom Reed"
    assert q.mention is not None and q.mention.text == "who"


def test_an_unnamed_supporter_after_the_quote_speaks(run: Run) -> None:
    text = (
        "The company said the plant would stay open.\n\n"
        '"Meh," wrote a Reed supporter who runs a popular account online. "What does the '
        'company know about it."\n'
    )
    assert "supporter" in (quote(run(text), '"Meh').speaker or "")


def test_the_name_after_a_title_the_parser_split_is_the_speaker(run: Run) -> None:
    text = (
        "Few in the crowd wanted either nominee.\n\n"
        "“I really don’t understand how a better candidate didn’t jump into the race,” said "
        "Air Force 1st Lt. Tyler Livingston. “I was hoping we’d see something else.”\n"
    )
    a = run(text)
    assert quote(a, "“I really").speaker == "Tyler Livingston"
    assert quote(a, "“I was hoping").speaker == "Tyler Livingston"


def test_a_daughter_who_shares_the_surname_is_not_her_father(run: Run) -> None:
    text = (
        "CLEVELAND - The nominee spoke for an hour.\n\n"
        "“I am your voice,” Hollister said to the delegates.\n\n"
        "He was introduced by his daughter Maren Hollister, who praised his drive.\n\n"
        "Maren Hollister said her father never quits. “He is a fighter,” she said.\n\n"
        "“We will win in November,” Hollister said.\n"
    )
    a = run(text)
    assert quote(a, "“I am").speaker == quote(a, "“We will").speaker
    assert quote(a, "“I am").speaker != "Maren Hollister"
    assert quote(a, "“He is").speaker == "Maren Hollister"


def test_he_said_after_a_speaker_reporting_someone_else_is_that_speaker(run: Run) -> None:
    text = (
        "Senator Dan Hale spoke in Dayton on Monday. He attacked his rival again.\n\n"
        "Hale spokesman Rick Tyler said that the campaign would show voters that Hale has "
        "“guiding principles to make hard decisions,” he said.\n"
    )
    assert quote(run(text), "“guiding").speaker == "Rick Tyler"


def test_an_aide_to_someone_is_not_the_one_served(run: Run) -> None:
    text = (
        "President Ellen Marsh left office in 2009. Her party lost again on Tuesday.\n\n"
        "“We have gone the wrong way on every issue,” said the former top aide to President "
        "Ellen Marsh.\n"
    )
    q = quote(run(text), "“We have gone")
    assert q.speaker is not None and q.speaker != "Ellen Marsh"
    assert q.mention is not None and q.mention.text.endswith("to President Ellen Marsh")


def test_a_woman_beside_a_man_does_not_make_him_she(run: Run) -> None:
    text = (
        "Betsy Sharp knows Vance in a way few voters do.\n\n"
        "On Tuesday, she went to a rally, where a photo showed Vance and her mother at the "
        "farm.\n\n"
        "Vance told the crowd that saving the farm was more work than he expected.\n\n"
        "“I figured I could do it a lot cheaper than paying off the mortgage,” he said.\n"
    )
    assert quote(run(text), "“I figured").speaker == "Vance"


def test_the_focus_of_a_cleft_is_the_one_who_acts(run: Run) -> None:
    text = (
        "The family still calls the actress by her childhood name.\n\n"
        "It was Rosa Vidal who drove her daughter to Los Angeles when Marisela Vidal was 22, "
        "on one condition. “I told her, you have two years,” she recalls.\n"
    )
    assert quote(run(text), "“I told her").speaker == "Rosa Vidal"


def test_a_quoted_sentence_inside_the_writers_clause_is_its_subjects(run: Run) -> None:
    text = (
        "Ann Cole spoke first. “The poor are lazy,” she said.\n\n"
        "They could go further. In the depths of the recession, Tom Reed worried that the "
        "safety net was becoming “a hammock that lulls able-bodied people to lives of "
        "dependency.” Unemployment rose.\n"
    )
    q = quote(run(text), "“a hammock")
    assert (q.speaker, q.cue) == ("Tom Reed", "worried")


def test_a_speech_act_denied_in_the_next_sentence_is_no_cue(run: Run) -> None:
    text = (
        "Ann Cole spoke first. “The poor are lazy,” she said.\n\n"
        "The Kavanagh Institute lists the reason for the inquiry as “information relating to "
        "national security that may have been mishandled by staff.” Cole did not reply.\n"
    )
    assert quote(run(text), "“information").speaker == "Kavanagh Institute"


def test_they_who_speak_are_people_not_things(run: Run) -> None:
    text = (
        "Four senators wrote the waivers in 2011. The waivers were meant to help states.\n\n"
        "“We fixed what we could,” they said.\n"
    )
    assert "senators" in (quote(run(text), "“We fixed").speaker or "")


def test_the_speech_verb_a_colon_ends_introduces_the_quote(run: Run) -> None:
    text = (
        "The debate turned to the banks.\n\n"
        "Clinton said that experts had found her proposals were strong, to which O'Malley "
        'interjected: "It\'s just not true." He said her plan left the banks alone.\n'
    )
    q = quote(run(text), '"It\'s just')
    assert (q.speaker, q.cue) == ("O'Malley", "interjected")


def test_a_quote_between_two_of_one_speakers_is_theirs_not_a_later_fragments(run: Run) -> None:
    text = (
        "Richard Viguerie has been making the case for Ted Cruz for months.\n\n"
        "“Ted Cruz is the best conservative candidate since Ronald Reagan,” Viguerie tells "
        "the Daily Ledger in an exclusive interview.\n\n"
        "“He’s what we’ve waited for ever since Reagan. He checks all our boxes.”\n\n"
        "“He’s everything we’ve wanted in a candidate,” Viguerie adds.\n\n"
        "Morton Blackwell, founder of the Leadership Institute, endorsed Cruz last week, "
        "saying he “has consistently demonstrated his deep commitment to conservative "
        "principles.”\n"
    )
    assert quote(run(text), "“He’s what").speaker == "Richard Viguerie"


def test_the_one_a_naming_verb_names_is_not_its_speaker(run: Run) -> None:
    # "calling the mayor a “liar”": the mayor is what is named; the caller speaks
    text = (
        "Mayor Ann Fox presented the budget on Monday.\n\n"
        "Gov. Tom Reed has battled with Fox over the city's debts, at one point calling the "
        "mayor a “liar” who was not “honest.”\n"
    )
    q = quote(run(text), "“liar”")
    assert q.speaker == "Tom Reed"
    assert q.mention is not None and q.mention.text != "mayor"


def test_a_relative_clause_holding_a_fragment_rests_on_who(run: Run) -> None:
    # the parser hangs the closing stop on "said"; the fragment is still in what "who added"
    text = (
        "The Chamber of Commerce plans to spend early in the Senate races.\n\n"
        "\"We think early money sets the terms of the debate,\" said Tom Reed, the "
        "Chamber's chief political strategist, who added that his group plans to zero in on "
        "local issues \"like folks are running for sheriff.\"\n"
    )
    q = quote(run(text), '"like folks')
    assert q.speaker == "Tom Reed"
    assert q.mention is not None and q.mention.text == "who"
    assert q.cue == "added"


def test_a_second_who_clause_holding_a_quote_rests_on_its_person(run: Run) -> None:
    # "who told" is the parser's conjunct of "who runs", not a relative clause of its own;
    # the verb of the main clause ("thanked") is not the one that says the words
    text = (
        "The shelter reopened on Monday.\n\n"
        "The mayor thanked Dana Pruitt, who runs the shelter and who told reporters that "
        '"the city has finally listened to us."\n'
    )
    q = quote(run(text), '"the city')
    assert q.speaker == "Dana Pruitt"
    assert q.cue == "told"


def test_an_outlet_named_with_a_word_for_a_person_is_no_description(run: Run) -> None:
    # "caller" names a person, but "The Daily Caller" is a paper's name, not "the caller"
    text = (
        "Senator Tom Reed spoke to donors in Iowa on Monday.\n\n"
        "The Daily Caller reported that the campaign “gave between $1,001 and $5,000” to "
        "the group.\n"
    )
    q = quote(run(text), "“gave between")
    assert q.speaker is not None and "Caller" in q.speaker


def test_a_colon_the_parser_hung_from_the_quoted_verb_still_ends_the_speakers_clause(
    run: Run,
) -> None:
    # after "The Clinton campaign, in a Q&A …, worded it even more carefully: “…”" (PolNeAR's
    # Washington Post): the colon hangs from the quote's verb, after it
    text = (
        "The Hale campaign was adamant in its statement: \"Hale's practice was to email "
        'officials on their work accounts."\n'
    )
    assert quote(run(text), '"Hale').speaker == "The Hale campaign"


def test_a_verb_the_lexicon_lacks_speaks_in_the_inverted_order_after_a_quote(run: Run) -> None:
    # "remembered", "reminisced": no speech verbs in the lexicon, but "“…,” VERB Name" is
    # the order only speech takes; the one named before stays out of it
    text = (
        "Carla Fenn pushed the merger through, and it cost her the job.\n\n"
        '"Half the board said no, and she set out to prove them wrong," remembered Roy '
        "Verley, the company's former spokesman.\n\n"
        '"We never saw the end of it," reminisced Dana Pruitt, a former board member.\n'
    )
    a = run(text)
    assert quote(a, '"Half the board').speaker == "Roy Verley"
    assert quote(a, '"We never').speaker == "Dana Pruitt"
