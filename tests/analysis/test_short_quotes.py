"""Short quotes in news (issue 11): a phrase someone called, dubbed or described something
as, words after an uttering verb or in a chant, a quote in a headline, a fragment in what a
speaker's clause reports; and the scare quotes and names that stay out. Each runs the real
model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "The scheme has been called “strategic ambiguity” by Lena Marsh, a professor at "
            "Dunmore College, and it makes funding hard to trace.\n",
            "“strategic",
            "Lena Marsh",
        ),
        (
            "Gil Ortega coached the mayor to “breathe.” That prompted Ilse Varga to make a joke "
            "about yoga and call the mayor “very flexible,” a nod to his changes.\n",
            "“very flexible",
            "Ilse Varga",
        ),
        (
            "Critics have long opposed the plan, often labeled as a “witch hunt” by Democrats in "
            "the state.\n",
            "“witch hunt",
            "Democrats",
        ),
    ],
)
def test_the_agent_of_a_naming_verb_said_the_name(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Senator Ruth Hale dubbed the bill “a disaster.”\n", "“a disaster"),
        ("Senator Ruth Hale branded the governor “a liar” on Monday.\n", "“a liar"),
        ("Senator Ruth Hale termed the bill “a job killer.”\n", "“a job killer"),
    ],
)
def test_a_complement_parsed_as_the_objects_apposition_is_still_named(
    run: Run, text: str, opening: str
) -> None:
    """The small model hangs the complement of "dubbed the bill “a disaster”" from the object
    as an apposition; the naming verb still says who called it that."""
    assert speaker_of(run(text), opening) == "Ruth Hale"


@pytest.mark.parametrize(
    "text",
    [
        "Council members debated the budget, shaking up what is called a “debate” in the "
        "capital.\n",
        "In political theory, it's known as “issue ownership” among scholars.\n",
        "Lou Danner loves the film “Jaws” and watches it every year.\n",
    ],
)
def test_a_naming_with_no_one_naming_is_the_writers_term(run: Run, text: str) -> None:
    assert run(text).quotes == []


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "But Ray Colt also took swipes at Tom Reyes, whom he dubbed “the little senator.”\n",
            "“the little",
            "Ray Colt",
        ),
        (
            "Ralph Ames said on Twitter that the comment by Dr. Paul Song “was inappropriate and "
            "insensitive.”\n",
            "“was inappropriate",
            "Ralph Ames",
        ),
        (
            "Station chief Kay Dunn called the show “the conservative news show of record.”\n",
            "“the conservative",
            "Kay Dunn",
        ),
    ],
)
def test_a_naming_word_before_a_lower_case_phrase_is_no_title(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


@pytest.mark.parametrize(
    ("text", "openings"),
    [
        (
            "On Feb. 22, a team from Perry High was met with chants of “Trump, Trump, Trump” and "
            "taunts.\n",
            ["“Trump, Trump"],
        ),
        (
            "It wasn’t just the cries of “Traitor!” (for the mayor) or, “Go home now” (for his "
            "aides) that rattled Orla Finch.\n",
            ["“Traitor", "“Go home"],
        ),
        (
            "Hundreds of demonstrators marched through the city on Monday, chanting “Bernie or "
            "Jill, No Hill,” and waving flags.\n",
            ["“Bernie or"],
        ),
    ],
)
def test_a_chant_is_somebodys_words_in_any_capitals(
    run: Run, text: str, openings: list[str]
) -> None:
    a = run(text)
    for opening in openings:
        quote(a, opening)


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Asked about Latinos, Mira Lopez said “The Hispanics” and swore they love her.\n",
            "“The Hispanics",
            "Mira Lopez",
        ),
        (
            "Dana Holt, who campaigned in the county this week, tweeted, “Thank You Ohio! "
            "#HoltForSenate” on Friday afternoon.\n",
            "“Thank You Ohio",
            "Dana Holt",
        ),
        (
            "After the vote, Councilman Reyes posted “Proud Of Dunmore Tonight” with a photo of "
            "the chamber.\n",
            "“Proud Of",
            "Reyes",
        ),
    ],
)
def test_words_an_uttering_verb_introduces_are_no_name(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_a_speech_verb_beside_a_quoted_title_past_its_nested_marks(run: Run) -> None:
    """ "“’House of Cards,’” she said" (PolNeAR, Politico): the comma that puts the cue beside
    the quote sits inside the nested title's own closing mark."""
    text = (
        "Former mayor Carla Finch named a local favorite as her guilty pleasure. “‘Harbor "
        "Lights,’” she said, “although I haven’t had time to watch the last season!”\n"
    )
    assert speaker_of(run(text), "“‘Harbor") == "Carla Finch"


def test_a_quote_in_a_headline_is_no_title(run: Run) -> None:
    text = (
        "Nora Vance Asked Men Everywhere To “Redefine Masculinity.”\n\n"
        "Nora Vance spoke at the gala on Friday.\n"
    )
    assert speaker_of(run(text), "“Redefine") == "Nora Vance"


@pytest.mark.parametrize(
    "text",
    [
        "The group includes Dana Wills, perhaps the best-known graduate of the reality show "
        "“The Apprentice.”\n",
        "Rita Moss wrote about the merger in her memoir, “Tough Choices.”\n",
    ],
)
def test_a_title_after_a_work_noun_is_no_quote_even_with_a_full_stop(run: Run, text: str) -> None:
    assert run(text).quotes == []


def test_a_fragment_in_what_a_speech_verb_reports(run: Run) -> None:
    text = (
        "A city spokesperson, Marisela Ortiz, confirmed that the intrusion began with “a known "
        "vulnerability in a remote device” but declined to say more.\n"
    )
    assert speaker_of(run(text), "“a known") == "Marisela Ortiz"


def test_a_fragment_in_what_someone_watched_done_is_not_their_words(run: Run) -> None:
    text = (
        "Hal Pruett has watched other cities stage the rolling, week-long “farewell tour” for "
        "aging stars.\n"
    )
    assert run(text).quotes == []


def test_a_possessed_claim_that_holds_the_fragment_names_its_speaker(run: Run) -> None:
    text = (
        "But Dara Holt’s most explosive claim is that the committee is a “witch hunt” launched "
        "to punish her.\n"
    )
    assert speaker_of(run(text), "“witch") == "Dara Holt"


def test_a_fragment_then_as_someone_said(run: Run) -> None:
    text = (
        "Still, the fact that the race “is a dead heat right now,” as Ted Moran said on his "
        "radio program on Monday, matters.\n"
    )
    assert speaker_of(run(text), "“is a dead") == "Ted Moran"


def test_a_work_noun_ending_the_sentence_before_cues_no_title(run: Run) -> None:
    text = "“I suspect foul play.”\n\n“Nonsense!” cried Lorna Vey angrily.\n"
    assert speaker_of(run(text), "“Nonsense") == "Lorna Vey"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "Her wins on Tuesday solidify her argument that she is popular across the country, "
            "rather than just a “regional” candidate, as Tom Reyes, the rival campaign’s "
            "manager, suggested after the vote.\n",
            "“regional",
            "Tom Reyes",
        ),
        (
            "As Speaker Ada Price has pointed out, that is basically the “textbook definition” "
            "of bias.\n",
            "“textbook",
            "Ada Price",
        ),
        (
            "From her failure to secure the building, to being “extremely careless” in the "
            "handling of classified files – as described by FBI Director Ray Colt – many "
            "believe she is unfit.\n",
            "“extremely",
            "Ray Colt",
        ),
    ],
)
def test_a_comment_clause_with_a_speech_verb_says_whose_the_fragment_is(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(run(text), opening) == speaker


def test_a_comment_clause_before_a_quote_is_not_on_the_fragment_before_it(run: Run) -> None:
    text = (
        "Over the course of an hour, the two women discussed boundaries, “energetic hygiene” "
        "and the many ways in which the internet is, as Mara Holt put it, “just really loud "
        "right now.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“just") == "Mara Holt"
    assert speaker_of(a, "“energetic") != "Mara Holt"


def test_a_fragment_in_a_sentence_tagged_he_said_at_its_end(run: Run) -> None:
    text = (
        "Jimmy Hale was watching the fireworks with his family.\n\n“A big truck” plowed "
        "through the barriers that had been set up for the parade, he said, and “everyone "
        "started running.”\n"
    )
    assert speaker_of(run(text), "“A big truck") == "Jimmy Hale"


def test_a_saying_by_someone_holds_the_fragment_as_their_words(run: Run) -> None:
    text = (
        "Everyone noted the suggestion by Ray Colt that the board “ought to look into” the "
        "deal.\n"
    )
    assert speaker_of(run(text), "“ought") == "Ray Colt"


def test_charged_after_a_quote_names_its_speaker(run: Run) -> None:
    text = "The governor “lied repeatedly,” Senator Ruth Hale charged on Monday.\n"
    assert speaker_of(run(text), "“lied") == "Ruth Hale"


def test_a_charge_for_money_is_no_speech_verb(run: Run) -> None:
    """"charge a fee" is a price: the quote after it is the judge's, not the firm's."""
    text = (
        "Judge Ada Price ruled on Friday. Corvane may still charge a fee, although the judge "
        "said any such fee must be “reasonable and disclosed in advance.”\n"
    )
    assert speaker_of(run(text), "“reasonable") == "Ada Price"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "The uproar over Hillary Clinton’s “basket of deplorables” remark grew.\n",
            "“basket",
            "Hillary Clinton",
        ),
        (
            "Donald Trump’s “Make America Great Again” slogan resonated with him.\n",
            "“Make",
            "Donald Trump",
        ),
    ],
)
def test_a_possessive_and_a_noun_for_words_around_the_marks_name_the_speaker(
    run: Run, text: str, opening: str, speaker: str
) -> None:
    """The parser often makes the quoted words a clause of their own, so the saying noun
    after them is not their head; the possessive before them still says whose they are."""
    assert speaker_of(run(text), opening) == speaker


def test_a_possessed_nickname_stays_a_name(run: Run) -> None:
    text = "Senator Ruth Hale’s “Iron Lady” nickname stuck with her for years.\n"
    assert run(text).quotes == []


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("The ad calls Senator Ruth Hale “a fraud.”\n", "“a fraud"),
        ("The 70-year-old billionaire called the vote “a farce.”\n", "“a farce"),
    ],
)
def test_an_ad_and_a_billionaire_can_be_the_ones_quoted(run: Run, text: str, opening: str) -> None:
    assert speaker_of(run(text), opening) is not None
