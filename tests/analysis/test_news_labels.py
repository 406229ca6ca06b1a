"""Labels and reports in news (issue 11): a name and a colon with no verb, after a headline
and a dash or after another quote in the paragraph, says whose the quote after it is. Made-up
sentences written like PolNeAR's digests; words someone said "according to" an outlet, or
that an outlet reported them saying, stay theirs (the outlet's only when no one else says
them); a cue whose subject names no one found still gives the words it rests on. Each runs
the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote

Run = Callable[[str], Analysis]


def test_a_name_after_a_headline_and_a_dash_labels_the_quote(run: Run) -> None:
    text = (
        "The county budget fight drags on into its third week.\n\n"
        "Pollsters see a late swing - Dana Whitcombe: “The numbers moved a lot in one week, "
        "and most of the movement came from older voters in the suburbs.” [Gazette.]\n"
    )
    q = quote(run(text), "“The numbers")
    assert q.speaker == "Dana Whitcombe"
    assert q.mention is not None and q.mention.text in ("Whitcombe", "Dana Whitcombe")


def test_a_name_after_another_quote_labels_the_next_one(run: Run) -> None:
    text = (
        "The two governors met in Toledo on Monday to talk about the lake.\n\n"
        "Mayor Ann Kessler: “We will clean the water by the spring.” Governor Tom Brandt: "
        "“The state will pay for half of the work on the pipes.”\n"
    )
    a = run(text)
    assert quote(a, "“We will").speaker == "Ann Kessler"
    assert quote(a, "“The state").speaker == "Tom Brandt"


def test_words_said_according_to_an_outlet_stay_with_who_said_them(run: Run) -> None:
    # PolNeAR's gold credits the outlet here; the reader shows the person who spoke.
    text = (
        "The senator spoke to the delegates from Ohio on Sunday night.\n\n"
        "“Please do not walk out of the hall during the vote,” Ann Kessler said, according "
        "to the Toledo Gazette.\n"
    )
    q = quote(run(text), "“Please")
    assert q.speaker == "Ann Kessler"
    assert q.mention is not None and "Kessler" in q.mention.text


def test_words_an_outlet_reported_someone_said_stay_with_who_said_them(run: Run) -> None:
    opening = "The senator spoke to the delegates from Ohio on Sunday night.\n\n"
    for text in (
        "“We will not meet again until the spring,” Ann Kessler said, the Toledo Gazette "
        "reported.\n",
        "“We will not meet again until the spring,” said Ann Kessler, reports the Toledo "
        "Gazette.\n",
    ):
        q = quote(run(opening + text), "“We will")
        assert q.speaker == "Ann Kessler"


def test_words_an_outlet_reported_with_no_one_else_saying_them_are_the_outlets(
    run: Run,
) -> None:
    text = (
        "The senator spoke to the delegates from Ohio on Sunday night.\n\n"
        "“The vote will be held again in the spring,” the Toledo Gazette reported.\n"
    )
    q = quote(run(text), "“The vote")
    assert q.speaker is not None and "Gazette" in q.speaker


def test_a_cue_whose_subject_is_no_one_found_still_gives_the_words_it_rests_on(
    run: Run,
) -> None:
    text = (
        "The mill on the river closed in the spring after a hundred years.\n\n"
        "As they say about the old mill, “slow wheels grind the finest flour.”\n\n"
        "Voters in the county were asked about the bridge in a poll last week. About four in "
        "10 said they were “angry” with the county board.\n"
    )
    a = run(text)
    said = quote(a, "“slow")
    assert said.mention is not None and said.mention.text == "they"
    assert text[said.mention.start : said.mention.end] == "they"
    angry = quote(a, "“angry")
    assert angry.mention is not None and "four in" in angry.mention.text


def test_a_judge_who_said_it_according_to_a_paper_keeps_the_words(run: Run) -> None:
    text = (
        "Judge Ellen Marsh heard the case in the federal court in Dayton on Monday.\n\n"
        "“When does the delay stop?” the judge said, according to the Post. “The public "
        "has a right to know.”\n"
    )
    a = run(text)
    assert quote(a, "“When").speaker == "Ellen Marsh"
    assert quote(a, "“The public").speaker == "Ellen Marsh"
