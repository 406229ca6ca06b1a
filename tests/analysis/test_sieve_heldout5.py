"""Rules added after scoring fifteen more unseen articles (celebrity, earnings, crime, sport,
war, courts, an investigation): short quotes with the attribution beside the marks, fragments
in that-clauses, names with titles or nicknames inside them, nationalities as descriptions.
Each runs the real model on a few invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.names import name_parts

Run = Callable[[str], Analysis]


def quote(a: Analysis, opening: str):
    found = [q for q in a.quotes if q.text.startswith(opening)]
    assert found, f"no quote opening {opening!r} in {[q.text for q in a.quotes]}"
    return found[0]


def test_short_quote_with_the_attribution_after_the_marks(run: Run) -> None:
    text = (
        "Mateusz Wróblewski is unrepentant about the messages. “Two megabytes,” he says, "
        "grinning. “It should be two.”\n"
    )
    a = run(text)
    assert quote(a, "“Two megabytes").speaker == "Mateusz Wróblewski"
    assert quote(a, "“It should").speaker == "Mateusz Wróblewski"


def test_second_half_of_an_interrupted_quote_in_lower_case(run: Run) -> None:
    text = (
        "Sgt. Marisa Delgado praised the public. “Good police work and a community that "
        "picked up the phone,” she said, “that’s what got us here.”\n"
    )
    a = run(text)
    assert quote(a, "“that’s what").speaker == "Marisa Delgado"


def test_a_short_title_in_a_sentence_is_still_no_quote(run: Run) -> None:
    text = "Kate Morrow said she watched “Top Gun” twice last week.\n"
    assert [q.text for q in run(text).quotes] == []


def test_fragments_in_that_clauses_after_the_speech_verb(run: Run) -> None:
    text = (
        "Laura Navarro struck a similar note, writing on social media that the vote was "
        "“long overdue” and that her state’s counties “cannot wait another season.”\n"
    )
    a = run(text)
    assert quote(a, "“long overdue").speaker == "Laura Navarro"
    assert quote(a, "“cannot wait").speaker == "Laura Navarro"


def test_went_on_to_explain_finds_its_subject(run: Run) -> None:
    text = (
        "Sloane Mercier posted a statement. Mercier went on to explain that the bottle was "
        "“never meant for everyone,” that the quartz was “ethically sourced from a family-run "
        "mine,” and that she drinks “at least three” a day.\n"
    )
    a = run(text)
    for opening in ("“never", "“ethically", "“at least"):
        assert quote(a, opening).speaker == "Sloane Mercier"


def test_scare_quotes_without_a_speech_verb_stay_out(run: Run) -> None:
    text = "The so-called “sewage scandal” broke in 2022, and the river has not recovered.\n"
    assert run(text).quotes == []


def test_a_nickname_in_marks_is_no_part_of_the_name() -> None:
    assert name_parts('Devendra "Dev" Raman') == ([], ["Devendra", "Raman"])
    assert name_parts("Patrick (Paddy) Power") == ([], ["Patrick", "Power"])
    assert name_parts("Conan O'Brien") == ([], ["Conan", "O'Brien"])


def test_a_role_word_inside_a_name_leaves_the_name_after_it() -> None:
    assert name_parts("Summit County Prosecutor Renata Vukovich")[1] == ["Renata", "Vukovich"]
    assert name_parts("Senate Majority Leader Chuck Schumer")[1] == ["Chuck", "Schumer"]
    # a role word as the surname, or before a single word, is left alone
    assert name_parts("John Singer Sargent")[1] == ["John", "Singer", "Sargent"]
    assert name_parts("Julie Bishop")[1] == ["Julie", "Bishop"]


def test_nickname_and_title_do_not_enter_the_speaker_name(run: Run) -> None:
    text = (
        'Chief Executive Devendra "Dev" Raman spoke on a call. "We saw very strong demand," '
        "Raman said.\n\n"
        "Assistant Summit County Prosecutor Renata Vukovich asked the judge to set bond, "
        'telling the court that the man "poses a clear danger to this community."\n'
    )
    a = run(text)
    assert quote(a, '"We saw').speaker == "Devendra Raman"
    assert quote(a, '"poses').speaker == "Renata Vukovich"


def test_nationality_as_a_description_is_the_subject_not_the_last_name(run: Run) -> None:
    text = (
        "Ashbourne head coach Henrik Solberg made no attempt to hide his frustration with the "
        "referee, Aidan McGrory. “For me the second yellow is never a yellow,” the Norwegian "
        "said.\n"
    )
    assert quote(run(text), "“For me").speaker == "Henrik Solberg"


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
        '"The PC recovery just hasn\'t shown up, and Vantara doesn\'t have enough exposure '
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
    assert any(
        not_a_person(e) is not None for e in doc.ents if e.label_ == "PERSON"
    ), "the sentence no longer shows the tagger's mistake; choose another"


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


def test_census_first_names_tell_gender() -> None:
    from reader.analysis.names import first_names

    names = first_names()
    assert names["renata"] == "f" and names["wendell"] == "m"
    assert names["morgan"] == "u"  # given to both: no guess
    assert "vantara" not in names


def test_a_name_the_tagger_called_a_body_is_a_person_when_it_opens_with_a_first_name(
    run: Run,
) -> None:
    text = (
        "Inside the company, at least one employee tried to sound the alarm.\n\n"
        "Renata Vukovich joined SunVerra’s compliance department in 2021. In an October 2022 "
        "email to her supervisor, she reported that the company was “approving loans for "
        "customers who cannot physically read the screen they are signing on.”\n"
    )
    assert quote(run(text), "“approving").speaker == "Renata Vukovich"


def test_a_relative_named_later_does_not_take_over_a_bare_surname(run: Run) -> None:
    text = (
        "Pruitt, a retired mechanic, signed a contract on an iPad that afternoon.\n\n"
        "“He said the word ‘free’ at least five times,” Pruitt said at his kitchen table.\n\n"
        "His daughter, Tamika Pruitt, discovered the loan later. “He’s a careful man,” she "
        "said.\n"
    )
    a = run(text)
    assert quote(a, "“He said").speaker == "Pruitt"
    assert quote(a, "“He’s a careful").speaker == "Tamika Pruitt"



def test_it_said_after_a_body_described_rather_than_named(run: Run) -> None:
    text = (
        "The United Nations Human Rights Monitoring Mission in Ukraine said civilian deaths "
        "had risen. “The harm is immense,” the mission said in its report.\n\n"
        "In Moscow, the Russian foreign ministry rejected the accusations in a statement. It "
        "said Russia remained “open to a political and diplomatic settlement.”\n"
    )
    assert quote(run(text), "“open").speaker == "Russian foreign ministry"


def test_a_name_right_before_the_verb_speaks_when_the_parser_gave_it_no_subject(
    run: Run,
) -> None:
    text = (
        "In a memo to agency heads on Saturday, obtained by POLITICO, Office of Management "
        "and Budget Director Nikhil Varadarajan warned that the fund could be exhausted “as "
        "early as the second week of January.”\n"
    )
    assert quote(run(text), "“as early").speaker == "Nikhil Varadarajan"


def test_a_lower_case_word_ends_what_the_tagger_ran_into_a_name() -> None:
    assert name_parts("Quillmate with Maximilian Rautenbach")[1] == ["Maximilian", "Rautenbach"]
    assert name_parts("Ludwig van Beethoven")[1] == ["Ludwig", "van", "Beethoven"]
    assert name_parts("Charles de Gaulle")[1] == ["Charles", "de", "Gaulle"]


def test_a_fronted_role_is_the_name_that_follows_not_an_unnamed_source(run: Run) -> None:
    text = (
        "Margit Hollós is not persuaded. An evolutionary ecologist at the University of "
        "Western Australia, Hollós has spent her career studying captive breeding.\n\n"
        "“The thing about a lab is that it selects for whatever the lab rewards,” she said.\n"
    )
    assert quote(run(text), "“The thing").speaker == "Margit Hollós"


def test_a_first_name_tagged_alone_runs_on_into_the_surname(run: Run) -> None:
    text = (
        "Board President Janelle Fitzhugh rejects that. “Trent is entitled to his opinion,” "
        "she told NPR.\n"
    )
    assert quote(run(text), "“Trent").speaker == "Janelle Fitzhugh"


def test_a_gendered_title_picks_the_relative_of_that_gender(run: Run) -> None:
    text = (
        "Mr Alwyn Pritchard, 84, spent six weeks on the ward last winter. He said the staff "
        "were kind.\n\n"
        "“I don’t drive any more,” Mrs Pritchard said.\n"
    )
    assert quote(run(text), "“I don’t").speaker != "Alwyn Pritchard"


def test_the_readout_speaks_for_the_body_named_before_it(run: Run) -> None:
    text = (
        "According to a Department of Energy readout, the two men discussed uranium supply "
        "contracts. The secretary “underscored the United States’ commitment to a sovereign "
        "Kazakhstan,” the readout said.\n"
    )
    assert quote(run(text), "“underscored").speaker == "Department of Energy"


def test_a_things_noun_is_no_role_and_a_title_with_and_is_kept(run: Run) -> None:
    text = (
        "Co-founder and CEO Oluwaseun Adeyemi-Clarke told TechCrunch the decisions were "
        "linked. The old tool will be folded into its flagship agent. “We raised this money "
        "to go deep,” Adeyemi-Clarke said.\n"
    )
    (speaker,) = [s for s in run(text).speakers if s.name == "Oluwaseun Adeyemi-Clarke"]
    assert speaker.role is not None and "CEO" in speaker.role
    assert "agent" not in speaker.role


def test_one_user_wrote_is_an_unnamed_source(run: Run) -> None:
    text = (
        "The post had racked up 40,000 comments by Wednesday. “Babe, it’s a Nalgene with a "
        "rock in it,” one user wrote.\n"
    )
    assert quote(run(text), "“Babe").speaker == "one user"


def test_as_x_put_it_before_a_fragment(run: Run) -> None:
    text = (
        "The two women discussed the many ways in which the internet is, as Mercier put it, "
        "“just really loud right now.”\n"
    )
    assert quote(run(text), "“just").speaker == "Mercier"


def test_described_by_someone_as_makes_the_agent_the_speaker(run: Run) -> None:
    text = (
        "In 2019, she released a single that was memorably described by one critic as “a "
        "scented candle that learned to sing” in a review.\n"
    )
    assert quote(run(text), "“a scented").speaker == "one critic"


def test_a_long_restrictive_clause_stays_in_an_unnamed_source(run: Run) -> None:
    text = (
        "At a meeting Monday night, a man who identified himself only as a rancher from the "
        "north end of the county told commissioners that officials were “using fear to push "
        "a product,” drawing applause.\n"
    )
    assert quote(run(text), "“using").speaker == (
        "a man who identified himself only as a rancher from the north end of the county"
    )
