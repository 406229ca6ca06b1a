"""People in stories (issue 11): one person is one speaker row — a first name the quotes gave
in full before the narration met it, a title before a woman's own first name — and a
description no one was tied to ("said the doctor") is not whoever the story named last."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.names import name_span

Run = Callable[[str], Analysis]


def _exchange(a: str, b: str) -> str:
    """A stretch of uncued turns between two people, which tells the engine it reads a story."""
    lines = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."]
    turns = [f"“{line}”\n\n" for line in lines * 2]
    return f"“Well?” said {a}.\n\n“Well,” said {b}.\n\n" + "".join(turns)


def test_a_full_name_quoted_before_the_first_name_completes_it_later() -> None:
    reg = Registry()
    reg.familiar = True
    reg.complete_first_name("Mike Campbell")  # quoted twice, chapters before he appears
    mike = reg.find_or_create_person("Mike")
    assert mike is not None and mike.canonical == "Mike Campbell"
    assert reg.find_person("Mr. Campbell") is mike
    # two full names quoted with that first name: which one is meant is not known
    reg = Registry()
    reg.familiar = True
    reg.complete_first_name("Tom Bertram")
    reg.complete_first_name("Tom Crawley")
    tom = reg.find_or_create_person("Tom")
    assert tom is not None and tom.canonical == "Tom"
    # nor in news, whose people are not called by first names
    reg = Registry()
    reg.complete_first_name("Mike Pence")
    mike = reg.find_or_create_person("Mike")
    assert mike is not None and mike.canonical == "Mike"


def test_a_first_name_the_quotes_named_in_full_speaks_under_the_full_name(run: Run) -> None:
    text = _exchange("Bill", "Brett") + (
        "“She is going to marry Mike Campbell,” I said.\n\n"
        "“Is she?” asked Bill.\n\n"
        "“She is in love with Mike Campbell,” I said.\n\n"
        "“Well,” said Bill.\n\n"
        "Then Mike came into the bar.\n\n"
        "“Hello, you chaps,” said Mike.\n"
    )
    a = run(text)
    assert a.quotes[-1].speaker == "Mike Campbell"
    assert not any(s.name == "Mike" for s in a.speakers)


def test_a_title_before_her_own_first_name_is_the_same_woman() -> None:
    reg = Registry()
    reg.familiar = True
    brenda = reg.find_or_create_person("Brenda")
    assert brenda is not None
    brenda.male = 9  # pronouns misread as hers ("Tony and Brenda … he said")
    assert reg.find_person("Lady Brenda") is brenda
    # a surname after the title is still no woman the pronouns call "he"
    ruth = reg.find_or_create_person("Ruth Pryce")
    assert ruth is not None
    ruth.male = 9
    assert reg.find_person("Mrs. Pryce") is None
    # the daughter named first, then a title before her first name: her, not her mother
    reg = Registry()
    reg.familiar = True
    katharine = reg.find_or_create_person("Katharine Hilbery")
    assert reg.find_person("Mrs. Hilbery") is None  # her mother, another person
    assert reg.find_person("Lady Katharine") is katharine


def test_in_a_story_a_description_no_one_was_tied_to_is_not_the_person_named_last(
    run: Run,
) -> None:
    text = _exchange("Rose", "Mrs. Maylie") + (
        "“Who is there?” asked Mrs. Maylie.\n\n"
        "“Only me, ma'am,” said Mr. Giles.\n\n"
        "Mr. Giles opened the door, and a fat gentleman came in.\n\n"
        "“Bless my soul, what a night!” said the doctor.\n\n"
        "“A thief, sir,” said Mr. Giles.\n\n"
        "“Show me the way,” said the doctor.\n"
    )
    a = run(text)
    speakers = [q.speaker for q in a.quotes][-5:]
    assert speakers[1] == speakers[3] == "Mr. Giles"
    assert speakers[2] == speakers[4] == "the doctor"


def test_a_kinship_title_is_no_part_of_the_name_shown() -> None:
    reg = Registry()
    reg.familiar = True
    janey = reg.find_or_create_person("Aunt Janey")
    assert janey is not None and janey.canonical == "Janey"
    reggie = reg.find_or_create_person("Uncle Reggie")
    assert reg.find_or_create_person("Reggie St Cloud") is reggie
    assert reggie is not None and reggie.canonical == "Reggie St Cloud"
    # a form of address stays: it tells Sir Thomas from a Thomas
    thomas = reg.find_or_create_person("Sir Thomas")
    assert thomas is not None and thomas.canonical == "Sir Thomas"


def test_in_a_story_a_son_called_by_a_familiar_form_is_not_his_titled_father() -> None:
    reg = Registry()
    reg.familiar = True
    father = reg.find_or_create_person("Sir Thomas Bertram")
    son = reg.find_or_create_person("Tom Bertram")
    assert son is not None and son is not father
    assert reg.find_person("Sir Thomas") is father
    # in news, "Frank Oakley" is still the Francis Oakley named before
    reg = Registry()
    francis = reg.find_or_create_person("Francis Oakley")
    assert reg.find_or_create_person("Frank Oakley") is francis


def test_in_a_story_a_first_name_alone_is_no_surname_of_another() -> None:
    reg = Registry()
    reg.familiar = True
    henry = reg.find_or_create_person("Henry")
    mostyn = reg.find_or_create_person("Mostyn Henry")
    assert mostyn is not None and mostyn is not henry
    assert henry is not None and henry.canonical == "Henry"
    # a surname alone is still completed by the full name ("Bennet", then "Jane Bennet")
    bennet = reg.find_or_create_person("Bennet")
    assert reg.find_or_create_person("Jane Bennet") is bennet


def test_the_mrs_of_a_family_with_a_miss_is_not_the_daughter_named_before_her() -> None:
    # the opening page, before any dialogue has shown a story: "Katharine Hilbery was pouring
    # out tea … Mrs. Hilbery", and a "Miss Hilbery" somewhere in the book
    reg = Registry()
    reg.misses = frozenset({"hilbery"})
    katharine = reg.find_or_create_person("Katharine Hilbery")
    mother = reg.find_or_create_person("Mrs. Hilbery")
    assert mother is not None and mother is not katharine
    # with no Miss of the name, as news writes it: "Mrs. Clinton" is Hillary Clinton
    reg = Registry()
    hillary = reg.find_or_create_person("Hillary Clinton")
    assert reg.find_or_create_person("Mrs. Clinton") is hillary


def test_a_rank_given_as_a_title_is_the_role_a_described_speaker_names(run: Run) -> None:
    # "count" is also a word for a tally ("the count showed"): here it is the man's rank
    text = _exchange("Brett", "Jake") + (
        "A fat man came up.\n\n"
        "“Does your Ladyship have a good time here in Paris?” asked Count "
        "Mippipopolous, who wore a ring on his finger.\n\n"
        "“Rather,” said Brett.\n\n"
        "“What will you drink?” Jake asked him.\n\n"
        "“Champagne,” said the count.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes][-4:] == [
        "Count Mippipopolous",
        "Brett",
        "Jake",
        "Count Mippipopolous",
    ]
    reg = Registry()
    doctor = reg.find_or_create_person("Doctor Losberne")
    assert doctor is not None and "doctor" in doctor.role_words
    assert reg.holds_role("doctor") and not reg.holds_role("surgeon")
    aunt = reg.find_or_create_person("Aunt Janey")
    assert aunt is not None and "aunt" not in aunt.role_words  # kin, no role


def test_a_name_wrapped_across_a_line_is_one_name(nlp: Language) -> None:
    doc = nlp("“Is it far?” asked Count\nMippipopolous, who wore a ring on his finger.")
    tok = next(t for t in doc if t.text == "Mippipopolous")
    s, e = name_span(tok)
    assert doc.text[s:e] == "Count\nMippipopolous"


def test_a_surgeon_is_the_doctor_the_story_then_speaks_of(run: Run) -> None:
    text = _exchange("Rose", "Mrs. Maylie") + (
        "Mr. Losberne, a surgeon in the neighbourhood, came in.\n\n"
        "“Bless my soul, what a night!” said the doctor.\n\n"
        "“A thief, sir,” said Mr. Giles.\n\n"
        "“Show me the way,” said the doctor.\n"
    )
    speakers = [q.speaker for q in run(text).quotes][-3:]
    assert speakers == ["Mr. Losberne", "Mr. Giles", "Mr. Losberne"]


def test_a_late_full_name_does_not_rename_a_first_name_another_full_name_gave() -> None:
    reg = Registry()
    reg.familiar = True
    rose = reg.find_or_create_person("Rose")
    maylie = reg.find_or_create_person("Miss Maylie")
    assert maylie is not None and reg.find_or_create_person("Rose Maylie") is maylie
    fleming = reg.find_or_create_person("Rose Fleming")  # her mother's name, once
    assert rose is not None and fleming is not rose and rose.canonical == "Rose"
    # with no other full name, the lone first name is completed as before
    fran = reg.find_or_create_person("Fran")
    assert fran is not None and reg.find_or_create_person("Fran Finney") is fran


def test_a_stranger_brought_in_is_the_stranger_once_the_story_says_so(run: Run) -> None:
    text = _exchange("Rose", "Mrs. Maylie") + (
        "The door opened, and a stranger came in from the rain.\n\n"
        "“Good evening,” said the stranger.\n\n"
        "“Good evening, sir,” said Mrs. Maylie.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes][-2:] == ["the stranger", "Mrs. Maylie"]
