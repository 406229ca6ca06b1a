"""Sources in news that no name gives: a described source no earlier rule knew, and the
words naming the speaker carried to the quote that continues. Real model, invented text."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_another_is_a_source_of_its_own(run: Run) -> None:
    text = (
        "Three aides left the meeting early. “This will not survive the week,” another said.\n"
    )
    q = quote(run(text), "“This will")
    assert (q.speaker, q.rule) == ("another", "other_source")
    assert q.mention is not None and q.mention.text == "another"


def test_continued_quote_takes_the_mention_of_its_neighbour(run: Run) -> None:
    text = (
        "The senator, Dana Pruett, took questions for an hour.\n\n"
        "“We are not going anywhere,” she said. “The courts will hear us.”\n"
    )
    q = quote(run(text), "“The courts")
    assert q.rule == "continuation"
    assert q.speaker == "Dana Pruett"
    assert q.mention is not None and q.mention.text == "she"


def test_next_paragraph_continuation_takes_the_mention_before(run: Run) -> None:
    text = (
        "“We are not going anywhere,” Dana Pruett said on Tuesday.\n\n"
        "“The courts will hear us, and they will rule for us in the end.”\n"
    )
    q = quote(run(text), "“The courts")
    assert q.rule == "continuation_next_paragraph"
    assert q.mention is not None and q.mention.text == "Dana Pruett"


def test_a_thing_that_said_the_words_speaks_through_that(run: Run) -> None:
    # the bottles are the object of "passed out", yet the words are theirs
    text = (
        "The county party rented a booth at the fair.\n\n"
        "They passed out water bottles that said, “The county party welcomes you to the fair. "
        "Now is the time to join us.”\n\n"
        "Protesters carried a banner that read: “Stop the dam now!”\n"
    )
    a = run(text)
    q = quote(a, "“The county")
    assert q.speaker == "water bottles"
    assert q.mention is not None and q.mention.text == "that"
    q = quote(a, "“Stop the dam")
    assert q.speaker == "a banner"  # its clause of speech is the cue, not part of its name
    assert q.mention is not None and q.mention.text == "that"

