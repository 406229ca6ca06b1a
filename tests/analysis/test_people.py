"""People named: names the tagger misses or mislabels, name parts, nicknames and titles,
relatives, shared surnames, and the gender a text gives. Each runs the real model (or the name
functions) on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.names import name_parts

from .conftest import quote, speaker_of

Run = Callable[[str], Analysis]


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


def test_surname_ending_like_a_role_is_still_a_name(run: Run) -> None:
    text = (
        "The authority’s chief negotiator, Marcus Lindqvist, said the split-shift issue was "
        "“the real sticking point” in the talks.\n"
    )
    assert speaker_of(run(text), "“the real") == "Marcus Lindqvist"


def test_hyphenated_name_after_said_is_whole(run: Run) -> None:
    text = (
        "“People have lost everything, and they are sleeping outside,” said Claire "
        "Osei-Bonsu, the agency’s country director.\n"
    )
    assert speaker_of(run(text), "“People") == "Claire Osei-Bonsu"


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


def test_a_lower_case_word_ends_what_the_tagger_ran_into_a_name() -> None:
    assert name_parts("Quillmate with Maximilian Rautenbach")[1] == ["Maximilian", "Rautenbach"]
    assert name_parts("Ludwig van Beethoven")[1] == ["Ludwig", "van", "Beethoven"]
    assert name_parts("Charles de Gaulle")[1] == ["Charles", "de", "Gaulle"]


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
