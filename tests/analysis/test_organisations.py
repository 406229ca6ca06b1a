"""Organisations and their papers: bodies named, described, abbreviated or shortened,
statements and reports that speak for whoever issued them. Each runs the real model on
invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


def test_statement_speaks_for_the_body_that_issued_it(run: Run) -> None:
    text = (
        "She had filed a complaint with the Riverton Police Department in January.\n\n"
        "The police department said in a statement on Tuesday that it had opened a review. "
        "“We share the community’s grief,” the statement said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We share") == "Riverton Police Department"


def test_organisation_named_by_its_whole_name_without_the(run: Run) -> None:
    text = (
        "The National Association of Counties, which represents thousands of local "
        "governments, said the deal would provide “a long-overdue lifeline” to rural areas.\n"
    )
    a = run(text)
    assert speaker_of(a, "“a long-overdue") == "National Association of Counties"


def test_organisation_described_beside_its_name(run: Run) -> None:
    text = (
        "The Home Office said it would review police funding next year. Thefts rose by half, "
        "according to figures from the insurer NFU Mutual. In its annual report, the insurer "
        "said thieves were “increasingly organised and increasingly bold.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“increasingly") == "NFU Mutual"


def test_statement_framing_a_sentence_is_its_subjects(run: Run) -> None:
    text = (
        "Mayor Celeste Varga did not attend the hearing. In a statement released by her office "
        "on Wednesday, Varga praised the council members.\n\n"
        "“Millbrook is short more than 3,000 homes,” the statement said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Millbrook") == "Celeste Varga"


def test_fragment_called_by_a_body_or_a_paper_is_its_words(run: Run) -> None:
    text = (
        "The Interbasin Science Panel published its findings on Monday. It called the "
        "authority’s targets “necessary but not sufficient.” The report described the mood of "
        "farmers as “sour but not settled.”\n"
    )
    a = run(text)
    assert [q.text for q in a.quotes] == [
        "“necessary but not sufficient.”",
        "“sour but not settled.”",
    ]


def test_acronym_finds_the_organisation_named_in_full(run: Run) -> None:
    text = (
        "The Rivers and Floodplain Authority (RFA) said rainfall was twice the monthly "
        "average.\n\n"
        "In a statement, the RFA said it would “review the performance of all defences.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“review") == "Rivers and Floodplain Authority"


def test_organisation_named_beside_a_description(run: Run) -> None:
    text = (
        "The book’s publisher, Linden & Marsh, said in a statement that it was “disappointed "
        "but not surprised” by the vote.\n"
    )
    assert speaker_of(run(text), "“disappointed") == "Linden & Marsh"


def test_the_authority_finds_its_name_from_far_back(run: Run) -> None:
    filler = "Buses ran late across the city and riders waited in the rain. " * 14
    text = (
        "Talks between the Brandt City Regional Transit Authority and the union resumed on "
        "Monday.\n\n"
        f"{filler}\n\n"
        "The City Council met on Tuesday.\n\n"
        "In a statement released at 2 a.m., the authority said it “remains committed to a fair "
        "agreement.”\n"
    )
    assert speaker_of(run(text), "“remains") == "Brandt City Regional Transit Authority"


def test_report_by_a_body_speaks_for_it(run: Run) -> None:
    text = (
        "A January report by the Lakeshore Policy Center estimated thousands of new homes. The "
        "report concluded that “the largest barrier to new housing is the city’s own zoning "
        "code.”\n"
    )
    assert speaker_of(run(text), "“the largest") == "Lakeshore Policy Center"


def test_pronouns_never_reach_a_company_the_tagger_called_a_person(run: Run) -> None:
    text = (
        "Ifeoma Nwachukwu, 34, is the cofounder and CEO of Furrow Labs, a nine-person "
        "startup in Ames.\n\n"
        "“Everyone in the Valley wants to build God,” she says.\n"
    )
    assert quote(run(text), "“Everyone").speaker == "Ifeoma Nwachukwu"


def test_the_short_form_of_a_company_name_is_that_company(run: Run) -> None:
    text = (
        "Shares of Vantara Micro Devices fell 14% in extended trading on Wednesday after the "
        "chipmaker forecast weak revenue.\n\n"
        "\"The PC recovery just hasn't shown up, and Vantara doesn't have enough exposure "
        'yet," said Mariana Echeverria, an analyst.\n\n'
        "Vantara said it would cut 4% of its workforce, calling it a “realignment of resources "
        "toward our highest-growth opportunities.”\n"
    )
    a = run(text)
    assert quote(a, "“realignment").speaker == "Vantara Micro Devices"
    assert "Vantara" not in [s.name for s in a.speakers]  # never a person of its own


def test_what_only_a_body_has_makes_a_name_a_body(nlp) -> None:
    from reader.analysis.evidence import not_a_person

    doc = nlp("Marches Water’s chief executive apologised. Chidi grew up in Enugu.")
    ents = {e.text: e for e in doc.ents}
    water = next(e for t, e in ents.items() if t.startswith("Marches Water"))
    if water.label_ == "PERSON":  # the rule is for the tagger's mistake
        assert not_a_person(water) == "ORG"
    enugu = ents.get("Enugu")
    if enugu is not None and enugu.label_ == "PERSON":
        assert not_a_person(enugu) == "GPE"
    assert any(not_a_person(e) is not None for e in doc.ents if e.label_ == "PERSON"), (
        "the sentence no longer shows the tagger's mistake; choose another"
    )


def test_the_company_long_after_its_name_is_the_company_the_text_names_most(run: Run) -> None:
    filler = "Analysts had expected a stronger quarter across the industry. " * 14
    text = (
        "Shares of Vantara Micro Devices fell 14% on Wednesday. Vantara Micro Devices makes "
        "chips for data centers. The forecast was weak, an analyst at Harlow Brothers "
        "Securities said.\n\n"
        f"{filler}\n\n"
        "In a statement, the company said it had “made significant progress in diversifying "
        "our revenue base.”\n"
    )
    assert quote(run(text), "“made").speaker == "Vantara Micro Devices"


def test_it_said_after_a_body_described_rather_than_named(run: Run) -> None:
    text = (
        "The United Nations Human Rights Monitoring Mission in Ukraine said civilian deaths "
        "had risen. “The harm is immense,” the mission said in its report.\n\n"
        "In Moscow, the Russian foreign ministry rejected the accusations in a statement. It "
        "said Russia remained “open to a political and diplomatic settlement.”\n"
    )
    assert quote(run(text), "“open").speaker == "Russian foreign ministry"


def test_the_readout_speaks_for_the_body_named_before_it(run: Run) -> None:
    text = (
        "According to a Department of Energy readout, the two men discussed uranium supply "
        "contracts. The secretary “underscored the United States’ commitment to a sovereign "
        "Kazakhstan,” the readout said.\n"
    )
    assert quote(run(text), "“underscored").speaker == "Department of Energy"


def test_a_statement_someone_revised_or_put_out_speaks_for_them(run: Run) -> None:
    text = (
        "Senator Ann Hale answered questions about her email account in March.\n\n"
        "Later in the summer, she revised her statement explaining that she had not sent "
        "messages that were “marked classified at the time.”\n\n"
        "The Lakeshore Tenants Union put out a statement saying the city “cannot keep "
        "ignoring the winter shelters.”\n"
    )
    a = run(text)
    assert quote(a, "“marked").speaker == "Ann Hale"
    q = quote(a, "“cannot keep")
    assert q.mention is not None and "Union" in q.mention.text


def test_an_ad_speaks_for_a_known_person_or_a_pronoun_resolved_to_one(run: Run) -> None:
    """ "Sanders is releasing an ad that says …" (the tagger takes "Sanders" for a plural
    noun) and "She released an ad that says …" are the named person's words; "The campaign
    released an ad" ties the ad to no one body, and stays the ad's."""
    text = (
        "WASHINGTON — The primary is close.\n\nBernie Sanders spoke in Iowa on Monday. "
        'Sanders is releasing an ad that says "the system is rigged against working '
        'families."\n\nHillary Clinton answered on Tuesday. She released an ad that says "we '
        'cannot wait for change any longer."\n\nThe campaign released an ad that says "every '
        'vote counts in this state."\n'
    )
    a = run(text)
    assert speaker_of(a, '"the system') == "Bernie Sanders"
    assert speaker_of(a, '"we cannot') == "Hillary Clinton"
    assert speaker_of(a, '"every vote') not in ("Bernie Sanders", "Hillary Clinton")
