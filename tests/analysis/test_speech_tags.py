"""Who a speech verb's tag names when the parser gets the tag wrong (issue 11, news): a name
after the closing mark hung on a quoted word, a name after a title after the verb, a day
taken for the subject, a speech act denied, an expectation reported by someone else, and
speech verbs the lexicon lacked. Made-up sentences shaped like PolNeAR's; each runs the real
model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_a_name_after_the_closing_mark_and_an_aside_speaks(run: Run) -> None:
    text = (
        "Janet Yellen is expected to raise rates next week, and Clinton’s advisers are wary "
        "of the polls.\n\n"
        "“It is not the position that everything is hunky-dory,” Gene Sperling, a top "
        "outside Clinton adviser, said at a recent POLITICO event on the economy in Iowa.\n"
    )
    q = quote(run(text), "“It is not")
    assert q.speaker == "Gene Sperling"
    assert q.mention is not None and "Sperling" in q.mention.text


def test_a_name_after_the_closing_mark_and_an_aside_with_quotes_speaks(run: Run) -> None:
    text = (
        "The delegates cheered as Donald Trump finished his speech.\n\n"
        "“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, "
        "wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly as confetti "
        "fluttered down around him.\n"
    )
    assert quote(run(text), "“We’ve had").speaker == "Bill Eastland"


def test_a_name_after_the_closing_mark_and_a_long_aside_speaks(run: Run) -> None:
    text = (
        "Donald Trump praised a reporter at a press conference in Hanahan on Monday.\n\n"
        "“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential "
        "frontrunner nationally and current polling leader in South Carolina by a wide margin "
        "after winning the New Hampshire primaries, said when Boyle asked him a question.\n"
    )
    assert quote(run(text), "“Very good").speaker == "Donald Trump"


def test_a_name_after_a_title_after_the_verb_speaks_not_its_party(run: Run) -> None:
    text = (
        "Democrats, meanwhile, blasted Republicans over the inquiry.\n\n"
        "“Republicans are so frustrated with the decision that they are now unloading on "
        "her with everything they’ve got,\" said Oversight ranking Democrat Elijah Cummings "
        "(D-Md.).\n"
    )
    q = quote(run(text), "“Republicans")
    assert q.speaker == "Elijah Cummings"


def test_a_day_taken_for_the_subject_gives_way_to_the_name(run: Run) -> None:
    text = (
        "Elizabeth Warren: Donald Trump Is a Failure in Business.\n\n"
        "Saturday at the Massachusetts Democratic state’s party convention Sen. Elizabeth "
        "Warren (D-MA) said presumptive Republican presidential nominee Donald Trump was a "
        "“proven failure” in business.\n"
    )
    assert quote(run(text), "“proven").speaker == "Elizabeth Warren"


def test_an_expectation_in_a_joined_reported_clause_is_the_reporters(run: Run) -> None:
    text = (
        "Hillary Clinton says the Obama administration should be taking additional measures "
        "against the Islamic State and that she expects President Barack Obama to announce "
        "an “intensification” in the U.S. campaign.\n"
    )
    assert quote(run(text), "“intensification").speaker == "Hillary Clinton"


def test_a_speech_act_denied_gives_way_to_the_one_who_denies_it(run: Run) -> None:
    text = (
        "Corey Lewandowski criticised the FBI director on CNN on Wednesday.\n\n"
        "James Comey cannot say that “from his perspective,” Lewandowski added, saying it "
        "should be up to the prosecutor.\n"
    )
    assert quote(run(text), "“from his").speaker == "Corey Lewandowski"


def test_fuming_is_speech(run: Run) -> None:
    text = (
        "The Senate vote on Monday was more partisan than the one three years ago.\n\n"
        "“If they were serious about making progress on this, they would have gone to the "
        "only bill that has bipartisan support,” Toomey fumed on Tuesday.\n"
    )
    assert quote(run(text), "“If they").speaker == "Toomey"


def test_assuring_is_speech(run: Run) -> None:
    text = (
        "Donald Trump sat down with Alex Jones last week.\n\n"
        "“Your reputation is amazing,” Trump assured Jones, after Jones assured Trump that "
        "most of his listeners supported him.\n"
    )
    q = quote(run(text), "“Your reputation")
    assert q.speaker == "Donald Trump"
    assert q.mention is not None and q.mention.start > q.end  # the tag's own "Trump"


def test_questioning_whether_is_speech(run: Run) -> None:
    text = (
        "Republican presidential front-runner Donald Trump is questioning whether President "
        "Barack Obama would have attended the funeral “if it were held in a mosque.”\n"
    )
    assert quote(run(text), "“if it were").speaker == "Donald Trump"



def test_went_on_after_a_quote_is_its_speech_verb(run: Run) -> None:
    text = (
        "Tom Ward sat down with the host, Ann Kelly, for an hour on Tuesday.\n\n"
        "Kelly answered with a smile: “It can happen at 45.”\n\n"
        "“You know, it happens, right?” Ward went on, as if he had not heard her.\n"
    )
    assert quote(run(text), "“You know").speaker == "Tom Ward"


def test_going_on_for_hours_is_no_speech_verb(nlp) -> None:
    from reader.analysis.syntax import is_speech_verb

    doc = nlp("The hearing went on for hours. She went on to say it was fine.")
    assert not any(is_speech_verb(t) for t in doc if t.lemma_ == "go")
