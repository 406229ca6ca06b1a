"""A news live blog or debate digest, whose paragraphs often open with a quote, is news and
not a story told in dialogue: its fragments keep their rules, and a quote no rule answers
gets the subject of its own sentence or no speaker, not a turn's speaker weighed by the
ranker learnt from novels. The fragment and fallback tests run the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.genre import told_as_dialogue
from reader.analysis.quotes import primary_marks

Run = Callable[[str], Analysis]

NAMES = ("Cruz", "Rubio", "Kasich", "Carson", "Bush", "Christie")


def live_blog(body: str) -> str:
    """Twelve entries that open with a cued quote, as a live blog's do, then ``body``."""
    entries = "".join(
        f"9:{10 + i} p.m.\n\n“The plan on taxes is a disaster for workers,” "
        f"{NAMES[i % len(NAMES)]} said.\n\n"
        for i in range(12)
    )
    return "The Latest: Republicans debate in New Hampshire\n\n" + entries + body


def story() -> str:
    return "".join(
        f"“Are you coming with me, number {i}?”\n\n“I cannot, you know I cannot.”\n\n"
        for i in range(8)
    )


def test_a_live_blog_is_not_told_as_dialogue() -> None:
    text = live_blog("")
    assert not told_as_dialogue(text, primary_marks(text))


def test_a_story_of_turns_is_told_as_dialogue() -> None:
    text = story()
    assert told_as_dialogue(text, primary_marks(text))


def test_a_live_blogs_fragment_keeps_its_speaker(run: Run) -> None:
    text = live_blog("Trump attacked Romney for being a “failed candidate.”\n")
    found = [q for q in run(text).quotes if q.text.startswith("“failed")]
    assert [q.speaker for q in found] == ["Trump"]


def test_an_uncued_news_quote_takes_its_own_sentences_subject(run: Run) -> None:
    text = (
        "Governor Paul Whitfield spoke in Ohio on Monday. Senator Maria Delgado answered him "
        "in Miami. “He has never told the truth about the budget,” Delgado said.\n\n"
        "Whitfield has since apologized for what happened: “I should have answered the "
        "question, and I take full responsibility for not doing so.”\n"
    )
    found = [q for q in run(text).quotes if q.text.startswith("“I should")]
    assert [q.speaker for q in found] == ["Paul Whitfield"]


def test_an_uncued_news_quote_with_nothing_near_has_no_speaker(run: Run) -> None:
    text = (
        "Senator Maria Delgado met donors in Miami on Monday, and Governor Paul Whitfield "
        "spoke in Ohio.\n\n"
        "The state budget passed in March after a long fight over school funding.\n\n"
        "Under the law, a school district “must hold reserves equal to one month of its "
        "spending before any new hiring takes place.”\n"
    )
    found = [q for q in run(text).quotes if q.text.startswith("“must hold")]
    assert [q.speaker for q in found] == [None]


def test_an_uncued_news_quote_may_rest_on_the_person_of_the_paragraph_before(run: Run) -> None:
    # A profile: the person is shown at work in one paragraph, her words open the next.
    text = (
        "Teodora Vance kneels beside a rusted well casing at the edge of an alfalfa field "
        "and lowers a weighted tape into the dark.\n\n"
        "“When I first measured this well in 2009, it was ninety-one feet.”\n\n"
        "The valley's aquifer supplies nearly all of its irrigation water.\n"
    )
    found = [q for q in run(text).quotes if q.text.startswith("“When I")]
    assert [q.speaker for q in found] == ["Teodora Vance"]


def test_the_paragraph_before_counts_whole_in_a_text_wrapped_in_lines(run: Run) -> None:
    # the same profile, hard-wrapped as plain-text files are: the naming sits on the
    # paragraph's first line, not on the line just before the quote
    text = (
        "Teodora Vance kneels beside a rusted well casing at the edge of an\n"
        "alfalfa field and lowers a weighted tape into the dark, as the sun\n"
        "comes up over the valley.\n\n"
        "“When I first measured this well in 2009, it was ninety-one feet.”\n\n"
        "The valley's aquifer supplies nearly all of its irrigation water.\n"
    )
    found = [q for q in run(text).quotes if q.text.startswith("“When I")]
    assert [q.speaker for q in found] == ["Teodora Vance"]
