"""Rules added after reading articles the engine had never seen: people the small tagger
misses, ages, reported speech before a quote paragraph, labels with a colon, groups, and
documents issued "in a statement". Each runs the real model on a few invented sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis
from reader.analysis.sieve.named import rule_explicit

ReadCue = Callable[[str, str], tuple]
Run = Callable[[str], Analysis]


def speaker_of(a: Analysis, opening: str) -> str | None:
    (q,) = [q for q in a.quotes if q.text.startswith(opening)]
    return q.speaker


def test_age_description_finds_the_person_given_that_age(run: Run) -> None:
    text = (
        "Gregory Allan Dunmore, 52, stood silently through the hearing. Judge Helen Whitcombe "
        "read the charge aloud to the court.\n\n"
        "“Not guilty, your honor,” the 52-year-old said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Not guilty") == "Gregory Allan Dunmore"


def test_age_description_with_a_role_word_the_lexicon_lacks(run: Run) -> None:
    text = (
        "Tom Reyes scored twice on Saturday, his first goals since March.\n\n"
        "“I had a frustrating month, I won’t lie,” the 24-year-old striker said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I had") == "Tom Reyes"


def test_is_person_noun_covers_agent_endings() -> None:
    from reader.analysis.lexicon import is_person_noun

    assert is_person_noun("epidemiologist")
    assert is_person_noun("technician")
    assert is_person_noun("columnist")
    assert not is_person_noun("wrist")
    assert not is_person_noun("table")


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


def test_quote_paragraph_after_reported_speech(run: Run) -> None:
    text = (
        "Marcus Feld, a physician in Fresno, said he had treated many such patients. Still, "
        "he said, the case for rest breaks does not hinge on proof.\n\n"
        "“You don’t need a randomized trial to tell you that people need water and shade.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“You don’t") == "Marcus Feld"


def test_quote_paragraph_with_no_one_reported_stays_unattributed(run: Run) -> None:
    text = (
        "The heat wave broke records across the valley for the third straight week.\n\n"
        "“You don’t need a randomized trial to tell you that people need water and shade.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“You don’t") is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Harrowgate goalkeeper Ollie Fenwick", "Ollie Fenwick"),
        ("Harrowgate substitute Aaron Pike, on his first goal", "Aaron Pike"),
    ],
)
def test_name_and_colon_label_the_quote(run: Run, label: str, name: str) -> None:
    text = (
        "WHAT THEY SAID\n\n"
        f"{label}: “The noise in the second half was something else. You feel it.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“The noise") == name


def test_plural_description_is_a_group_not_the_last_person(run: Run) -> None:
    text = (
        "“It builds over days,” said lead author Dr. Priya Natarajan, an epidemiologist.\n\n"
        "The study’s authors wrote that the findings point to “a substantial and largely "
        "unrecognized burden of heat-related renal injury.”\n\n"
        "“Heat-related kidney injury should be treated as an occupational disease,” the "
        "authors wrote.\n"
    )
    a = run(text)
    group = speaker_of(a, "“a substantial")
    assert group is not None and "authors" in group and "Natarajan" not in group
    assert speaker_of(a, "“Heat-related") == group


def test_unnamed_source_keeps_its_restrictive_clause(run: Run) -> None:
    text = (
        "A French diplomat who attended the sessions said the minister had been tireless. "
        "“He can bring the horses to the water,” the diplomat said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“He can") == "A French diplomat who attended the sessions"


def test_inverted_ask_names_the_asker(read_cue: ReadCue) -> None:
    text = "“Minister, do you trust them?” asked the interviewer, Jonas Brandt."
    cue, engine = read_cue(text, "“Minister")
    res = rule_explicit(cue, engine)
    assert res is not None and res.cluster.canonical == "Jonas Brandt"


def test_as_she_put_it(run: Run) -> None:
    text = (
        "Vera Kolb, the coach, was blunt afterwards. As Kolb put it: “When you play with ten "
        "men for forty minutes, you are asking for a miracle.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“When you") == "Vera Kolb"


def test_apposed_subject_is_what_a_later_pronoun_finds(run: Run) -> None:
    text = (
        "Ukraine’s foreign minister, Oksana Hrytsenko, called the demand blackmail and said "
        "Kyiv would not accept it.\n\n"
        "“We are not going to trade the security of our ports for that,” she said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We are") == "Oksana Hrytsenko"


def test_name_in_apposition_to_a_relation_is_a_person(run: Run) -> None:
    text = (
        "Lucia Ruiz was 24. Her mother, Ana Ruiz, sat in the second row of the gallery.\n\n"
        "“She did everything she was supposed to do,” her mother said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“She did") == "Ana Ruiz"


def test_gender_is_not_learned_from_what_someone_was_asked(run: Run) -> None:
    text = (
        "When Judge Helen Whitcombe asked how he wished to plead, the defendant, Carl Moss, "
        "leaned toward the microphone.\n\n"
        "Whitcombe set a trial date. “I do not intend to let this case be tried on a podcast,” "
        "she said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I do not") == "Helen Whitcombe"


def test_reply_to_a_question_is_not_the_asker(run: Run) -> None:
    text = (
        "Dale Whitcombe and Marisol Ortega-Baines, both candidates for the seat, met on "
        "Tuesday.\n\n"
        "“There are four hundred people working at that plant. Yes or no?” Ortega-Baines "
        "asked.\n\n"
        "“I’ll give you a yes when you give me a number,” the candidate replied.\n"
    )
    a = run(text)
    assert speaker_of(a, "“I’ll give") == "Dale Whitcombe"


def test_reply_to_a_statement_keeps_the_usual_resolution(run: Run) -> None:
    text = (
        "Linda Marchetti, the finance chief, said demand had softened. “Customers aren’t "
        "leaving us,” Ms. Marchetti said.\n\n"
        "Pressed by one analyst on the forecast, she replied: “We’re comfortable with the "
        "range we gave in February.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“We’re comfortable") == "Linda Marchetti"


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


def test_definite_noun_that_is_no_body_is_a_person_described(run: Run) -> None:
    text = (
        "For Benito Ruelas, the numbers are not abstractions. Ruelas farms 600 acres south of "
        "town.\n\n"
        "“Everyone wants to talk about the farmers like we’re the villains,” the "
        "third-generation grower said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Everyone") == "Benito Ruelas"


def test_a_title_after_titled_is_never_a_quote(run: Run) -> None:
    text = (
        "The panel’s report, titled “Borrowed Time: Groundwater and the Future of the Valley,” "
        "found that a quarter of the farmland would need to be retired.\n"
    )
    assert run(text).quotes == []


def test_capitalised_name_ending_a_sentence_is_not_a_quote(run: Run) -> None:
    text = "A hand-painted sign above the table christened the spot “Camp Courage.”\n"
    assert run(text).quotes == []


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


def test_praise_introduces_the_words_praised(run: Run) -> None:
    text = "Mayor Celeste Varga praised council members for “doing the hard thing.”\n"
    a = run(text)
    assert speaker_of(a, "“doing") == "Celeste Varga"


def test_role_abbreviation_is_a_description_not_a_name(run: Run) -> None:
    text = (
        "Katarzyna Wilk, a member of the European Parliament, criticised the draft.\n\n"
        "“We have seen this film before with cookie banners,” the MEP said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We have") == "Katarzyna Wilk"


def test_acronym_finds_the_organisation_named_in_full(run: Run) -> None:
    text = (
        "The Rivers and Floodplain Authority (RFA) said rainfall was twice the monthly "
        "average.\n\n"
        "In a statement, the RFA said it would “review the performance of all defences.”\n"
    )
    a = run(text)
    assert speaker_of(a, "“review") == "Rivers and Floodplain Authority"


def test_specific_role_names_its_holder_from_far_back(run: Run) -> None:
    filler = "The water rose through the night and the roads were closed. " * 14
    text = (
        "The leader of Wendmoor District Council, Cllr Janet Pryce, said the town would "
        "recover.\n\n"
        f"{filler}\n\n"
        "A council spokeswoman said the roads would reopen on Friday.\n\n"
        "“We will clear up, and then we will make a great deal of noise,” the council leader "
        "said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“We will") == "Janet Pryce"


def test_surname_ending_like_a_role_is_still_a_name(run: Run) -> None:
    text = (
        "The authority’s chief negotiator, Marcus Lindqvist, said the split-shift issue was "
        "“the real sticking point” in the talks.\n"
    )
    assert speaker_of(run(text), "“the real") == "Marcus Lindqvist"


def test_organisation_named_beside_a_description(run: Run) -> None:
    text = (
        "The book’s publisher, Linden & Marsh, said in a statement that it was “disappointed "
        "but not surprised” by the vote.\n"
    )
    assert speaker_of(run(text), "“disappointed") == "Linden & Marsh"


def test_hyphenated_name_after_said_is_whole(run: Run) -> None:
    text = (
        "“People have lost everything, and they are sleeping outside,” said Claire "
        "Osei-Bonsu, the agency’s country director.\n"
    )
    assert speaker_of(run(text), "“People") == "Claire Osei-Bonsu"


def test_a_sign_that_reads_words_is_quoted(run: Run) -> None:
    text = "Outside, people stood in the cold. One hand-lettered sign read “Parents Decide.”\n"
    assert [q.text for q in run(text).quotes] == ["“Parents Decide.”"]


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


def test_one_of_the_people_is_an_unnamed_source(run: Run) -> None:
    text = (
        "Two people familiar with the matter described the talks.\n\n"
        "“It was never really about the branches,” one of the people said, speaking on "
        "condition of anonymity.\n"
    )
    assert speaker_of(run(text), "“It was") == "one of the people"


def test_shared_surname_goes_to_the_one_it_named(run: Run) -> None:
    text = (
        "Wade Hollister threw for 300 yards on Sunday. Hollister is 37.\n\n"
        "Lacey Hollister, who drove him to rehab, remembers a night in December.\n\n"
        "“That was the only time I saw him think about it,” she said.\n\n"
        "Asked whether this season would be his last, Hollister smiled. “Ask me in "
        "February,” he said.\n"
    )
    a = run(text)
    assert speaker_of(a, "“That was") == "Lacey Hollister"
    assert speaker_of(a, "“Ask me") == "Wade Hollister"


def test_his_wife_tells_the_gender_of_the_subject(run: Run) -> None:
    text = (
        "Hal Finney died in August, and his wife Fran says he spent his last months being "
        "harassed. “What I’m angry about is it took away his peace,” she says.\n"
    )
    assert speaker_of(run(text), "“What I’m") == "Fran"


def test_transcript_label_in_capitals(run: Run) -> None:
    text = (
        "Wade Hollister spoke to reporters on Wednesday.\n\n"
        "HOLLISTER: “No. House money means you don’t care if you lose it. I care.”\n"
    )
    assert speaker_of(run(text), "“No.") == "Wade Hollister"


def test_described_person_before_a_colon(run: Run) -> None:
    text = (
        "James Reese caught nine passes. Asked what he would tell a younger player, the "
        "receiver didn’t hesitate: “Watch the film of this season. That’s the whole speech.”\n"
    )
    assert speaker_of(run(text), "“Watch") == "James Reese"


def test_report_by_a_body_speaks_for_it(run: Run) -> None:
    text = (
        "A January report by the Lakeshore Policy Center estimated thousands of new homes. The "
        "report concluded that “the largest barrier to new housing is the city’s own zoning "
        "code.”\n"
    )
    assert speaker_of(run(text), "“the largest") == "Lakeshore Policy Center"


def test_overheard_speaker_of_a_passive_clause(run: Run) -> None:
    text = (
        "As the doors closed, an unidentified senator could be heard saying, “We’re going to "
        "be here until Sunday.”\n"
    )
    speaker = speaker_of(run(text), "“We’re going")
    assert speaker is not None and "senator" in speaker


def test_what_is_described_is_not_the_speaker(run: Run) -> None:
    text = (
        "An internal guide written by the company Lumen & Rue instructs staff to describe "
        "negative reviews as “energetic resistance” and to process returns slowly.\n"
    )
    speakers = [q.speaker or "" for q in run(text).quotes]
    assert not any("reviews" in s for s in speakers)


def test_abbreviated_title_is_the_role_named_later(run: Run) -> None:
    text = (
        "Gov. Ellen Marchetti toured the county on Sunday. State Sen. Deborah Lindqvist said "
        "help came late.\n\n"
        "Asked about those comments, the governor said supplies had been staged in advance. "
        "“If the road isn’t there, the road isn’t there,” she said.\n"
    )
    assert speaker_of(run(text), "“If the road") == "Ellen Marchetti"


def test_the_one_a_sentence_says_spoke_owns_the_next_quote(run: Run) -> None:
    text = (
        "Greta Marrow, a doctor, was the book’s first reader. As children, Greta says, Ilse "
        "Marrow was known as a magpie. “She’d sit under the kitchen table with a notebook.”\n"
    )
    assert speaker_of(run(text), "“She’d sit") == "Greta Marrow"


def test_a_work_named_like_a_person_is_never_a_speaker(run: Run) -> None:
    text = (
        "The author’s fourth novel, The Salt Ledger, has made her a favourite. The Salt Ledger "
        "draws on her family.\n\n"
        "Ilse Marrow met me at her home. “It’s been very strange,” she says.\n"
    )
    a = run(text)
    assert speaker_of(a, "“It’s been") == "Ilse Marrow"
    assert all("Ledger" not in s.name for s in a.speakers)


def test_hyphenated_untagged_subject_is_a_person(run: Run) -> None:
    text = (
        "Tamara Reyes-Whitfield, who was director of nursing until 2022, said the order landed "
        "on a struggling building.\n\n"
        "“We were short before that email,” she said.\n"
    )
    assert speaker_of(run(text), "“We were") == "Tamara Reyes-Whitfield"
