"""A source given by role ("the Florida senator said", "the business mogul said", "Delaney's
campaign manager said") is the person the text introduced with that role, the person the
sentences before are about, or an unnamed source; never the owner of a possessed role nor a
noun that only stood in a phrase. Each runs the real model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


def test_an_abbreviated_title_with_a_state_is_the_state_senator(run: Run) -> None:
    text = (
        "Florida Sen. Carla Menendez toured a shipyard in Tampa on Monday. Later, Gov. Ron "
        "Albers of Georgia met with her at the port.\n\n"
        "“We build ships here, and we will keep building them,” the Florida senator said.\n"
    )
    assert speaker_of(run(text), "“We build ships") == "Carla Menendez"


def test_a_possessed_role_is_never_its_owner(run: Run) -> None:
    text = (
        "Senator Mark Delaney campaigned across Ohio on Tuesday, promising new jobs.\n\n"
        "“We have never been in better shape,” Delaney's campaign manager said.\n"
    )
    q = quote(run(text), "“We have never")
    assert q.speaker != "Mark Delaney"
    assert q.mention is not None and "campaign manager" in q.mention.text


def test_a_described_candidate_is_the_subject_not_a_possessor_named_after(run: Run) -> None:
    text = (
        "Senator Ted Harlan is protesting President Lyle Dorsey’s new rules on farm subsidies "
        "by handing out free seed bags.\n\n"
        "The Republican presidential candidate told supporters on Tuesday, “Grab a bag before "
        "the government takes it.”\n"
    )
    assert speaker_of(run(text), "“Grab a bag") == "Ted Harlan"


def test_a_noun_in_a_phrase_is_no_candidate_for_the_nominee(run: Run) -> None:
    text = (
        "On Thursday evening Maria Okafor gave her acceptance speech, painting her rival, Dale "
        "Brandt, as a man too reckless for the job.\n\n"
        "“A man you can bait with a tweet is not a man we can trust,” said the Green Party "
        "nominee.\n"
    )
    assert speaker_of(run(text), "“A man you can bait") == "Maria Okafor"


def test_a_described_speaker_is_the_main_subject_not_one_in_a_clause(run: Run) -> None:
    text = (
        "Ben Ortiz has advised oil barons and generals for forty years.\n\n"
        "Now he works for Dale Brandt.\n\n"
        "On Thursday, Brandt announced that Ortiz would run his campaign. In a statement, the "
        "business mogul said, “Mr. Ortiz will oversee the nomination process.”\n"
    )
    assert speaker_of(run(text), "“Mr. Ortiz will") == "Dale Brandt"


def test_a_described_subject_set_beside_a_name_in_commas_is_that_person(run: Run) -> None:
    text = (
        "Ilse Marrow has written six novels, and the seventh is her first best seller.\n\n"
        "Her agent at Bell & Crane, Nora Quist, who has represented Marrow since 2009, says "
        "the success was “a long time coming and completely unexpected at the same time.”\n"
    )
    assert speaker_of(run(text), "“a long time coming") == "Nora Quist"
