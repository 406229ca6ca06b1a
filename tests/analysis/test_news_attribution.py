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
