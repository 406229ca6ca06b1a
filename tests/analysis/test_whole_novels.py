"""Names across a whole novel: a word that opens a sentence before a known person's name is no
first name of theirs, and a chapter's heading names no one."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry

Run = Callable[[str], Analysis]


def _turns(name: str) -> str:
    return (
        f"“I shall go to the bazaar,” said {name}.\n\n"
        "“Must you?” asked the Collector.\n\n"
        f"“I must,” said {name}.\n\n"
    )


def test_a_capitalised_word_opening_a_sentence_is_no_first_name(run: Run) -> None:
    text = (
        _turns("Hamid")
        + "The rain had unfortunately begun again.\n\n"
        + "Unfortunately Hamid was in no mood to be forgotten. He walked on.\n\n"
        + "“Wait for me,” said Hamid.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Hamid", "Collector", "Hamid", "Hamid"]
    assert all("Unfortunately" not in s.name for s in a.speakers)


def test_a_word_the_text_never_writes_in_lower_case_stays_a_first_name() -> None:
    reg = Registry()
    reg.common = frozenset({"unfortunately"})
    perrin = reg.find_or_create_person("Perrin")
    assert reg.find_or_create_person("Unfortunately Perrin") is perrin
    assert perrin is not None and perrin.canonical == "Perrin"
    # a first name, however common a word, and a name not yet known keep their first word
    assert reg.find_or_create_person("Rose Perrin") is perrin
    assert perrin.canonical == "Rose Perrin"
    school = reg.find_or_create_person("Unfortunately District")
    assert school is not None and school.canonical == "Unfortunately District"


def test_a_chapter_heading_names_no_character(run: Run) -> None:
    text = (
        "“Shall we drive?” said Lucy.\n\n"
        "“If you like,” said Cecil.\n\n"
        "Chapter VI: The Reverend Arthur Pell, Mr. Cecil Vane, and Miss Lucy Hartree Drive "
        "Out in Carriages to See a View; Italians Drive Them.\n\n"
        "“What a view,” said Lucy.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Lucy", "Cecil", "Lucy"]


def test_in_a_story_a_person_is_named_by_the_shorter_form_used_most() -> None:
    reg = Registry()
    reg.familiar = True
    her = reg.find_or_create_person("Miss Bartlett", 0)
    assert her is not None and reg.find_or_create_person("Miss Charlotte Bartlett", 100) is her
    assert her.canonical == "Charlotte Bartlett"  # her first name, once learnt, names her
    reg.find_or_create_person("Miss Bartlett", 200)
    reg.find_or_create_person("Miss Bartlett", 201)  # the same mention read again
    assert her.canonical == "Charlotte Bartlett"
    reg.find_or_create_person("Miss Bartlett", 300)
    assert her.canonical == "Miss Bartlett"
    # a form with a word the name shown lacks never replaces it, however often used
    pooh = reg.find_or_create_person("Winnie-the-Pooh", 400)
    assert pooh is not None
    for k in range(5):
        assert reg.find_or_create_person("Pooh Bear", 500 + 100 * k) is pooh
    assert pooh.canonical == "Winnie-the-Pooh"


def test_news_keeps_the_fullest_name() -> None:
    reg = Registry()
    him = reg.find_or_create_person("Simon Hartley", 0)
    for k in range(4):
        reg.find_or_create_person("Mr Hartley", 100 * (k + 1))
    assert him is not None and him.canonical == "Simon Hartley"


def test_a_story_names_its_people_as_it_calls_them_most(run: Run) -> None:
    intro = (
        "Charlotte Marsh came into the room with Mr. Pell. Miss Marsh sat down at once.\n\n"
    )
    chat = "".join(
        f"“{w}?”\n\n“{w}.”\n\n" for w in ("Tea", "Cake", "Rain", "Snow", "Wind", "Sun")
    )
    cued = "".join(
        f"“{w},” said Miss Marsh.\n\n“Indeed,” said Mr. Pell.\n\n"
        for w in ("Quite", "Surely", "Never", "Always")
    )
    a = run(intro + chat + cued)
    names = {s.name for s in a.speakers}
    assert "Miss Marsh" in names and "Charlotte Marsh" not in names


def test_two_first_names_side_by_side_are_two_people() -> None:
    reg = Registry()
    reg.familiar = True
    kate = reg.find_or_create_person("Katharine Hilbery", 0)
    cass = reg.find_or_create_person("Cassandra", 100)
    assert kate is not None and cass is not None
    # "Katharine Cassandra; Cassandra Katharine they alternated in his mind"
    assert reg.find_or_create_person("Katharine Cassandra", 200) is None
    assert cass.canonical == "Cassandra" and not cass.first
    assert reg.find_or_create_person("Katharine", 300) is kate
    # a first name before a surname known with a title is the fuller name, as before
    bertram = reg.find_or_create_person("Lady Bertram", 400)
    maria = reg.find_or_create_person("Maria Ward", 500)
    assert maria is not bertram and reg.find_or_create_person("Maria Bertram", 600) is not None


def test_a_title_of_the_other_sex_is_not_a_woman_named_by_her_first_name() -> None:
    reg = Registry()
    reg.familiar = True
    brenda = reg.find_or_create_person("Brenda Last", 0)
    assert brenda is not None
    brenda.male += 5  # "he said" turns given to her by mistake do not make her "Mr Last"
    assert reg.find_person("Mr Last") is not brenda


def test_a_woman_the_story_calls_by_her_first_name_is_not_shown_by_a_married_title() -> None:
    reg = Registry()
    kate = reg.find_or_create_person("Katharine Hilbery", 0)
    assert reg.find_or_create_person("Mrs. Hilbery", 100) is kate  # before the story shows
    reg.familiar = True
    assert reg.find_or_create_person("Katharine", 200) is kate
    for at in range(300, 800, 100):
        assert reg.find_or_create_person("Mrs. Hilbery", at) is kate
    assert kate is not None and kate.canonical == "Katharine Hilbery"
