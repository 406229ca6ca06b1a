"""Names in novels: a byname and its short form are one person named by the fuller form, a word
glued before a first name is no part of it, and a narrator called by a surname no one else in
the narration bears is given it (issue 11)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.name_keys import misses
from reader.analysis.names import hyphenated_end, lower_words

Run = Callable[[str], Analysis]


def test_a_byname_and_its_last_part_are_one_person_named_by_the_fuller_form() -> None:
    reg = Registry()
    pooh = reg.find_or_create_person("Winnie-the-Pooh")
    assert pooh is not None
    assert reg.find_or_create_person("Pooh") is pooh
    # "Pooh Bear" is a shorter way of naming him than "Winnie-the-Pooh"
    assert reg.find_or_create_person("Pooh Bear") is pooh
    assert pooh.canonical == "Winnie-the-Pooh"
    assert reg.find_or_create_person("Pooh") is pooh
    # the short form first: the fuller one, when it comes, names the person
    reg = Registry()
    toad = reg.find_or_create_person("Toad")
    assert reg.find_or_create_person("Toad-of-Toad-Hall") is not toad  # no lower-case link
    pooh = reg.find_or_create_person("Pooh")
    assert pooh is not None and reg.find_or_create_person("Winnie-the-Pooh") is pooh
    assert pooh.canonical == "Winnie-the-Pooh"
    # a double-barrelled surname or first name is no byname
    jp = reg.find_or_create_person("Jean-Pierre Osei-Bonsu")
    assert reg.find_person("Bonsu") is None and reg.find_person("Pierre") is None
    assert jp is not None and jp.canonical == "Jean-Pierre Osei-Bonsu"


def test_a_byname_speaks_under_its_fuller_form(run: Run) -> None:
    text = (
        "“Is that honey?” said Winnie-the-Pooh.\n\n"
        "“It is, Pooh Bear,” said Christopher Robin.\n\n"
        "“Oh, good,” said Pooh.\n\n"
        "“Now then, Pooh Bear,” said Christopher Robin.\n"
    )
    a = run(text)
    pooh, robin = "Winnie-the-Pooh", "Christopher Robin"
    assert [q.speaker for q in a.quotes] == [pooh, robin, pooh, robin]


def test_a_word_glued_before_a_first_name_is_no_part_of_it(run: Run) -> None:
    text = (
        "On Christmas Day and Harvest Thanksgiving Tony read the lessons from the back of "
        "the brass eagle.\n\n"
        "“It went well,” said Tony.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Tony"]
    assert all("Thanksgiving" not in s.name for s in a.speakers)


def test_a_narrator_called_by_a_surname_nobody_else_bears_is_given_it(run: Run) -> None:
    text = (
        "Cohn came over to the table.\n\n"
        "“Hello,” I said.\n\n"
        "“Jake, have you seen Brett?” Cohn asked.\n\n"
        "“No,” I said.\n\n"
        "“Are you sure, Jake?” Cohn said.\n\n"
        "“Quite sure,” I said.\n\n"
        "Braddocks called to me from a table.\n\n"
        "“Barnes, have a drink,” Braddocks said.\n\n"
        "I went over and sat down. The waiter brought the drinks and went away again.\n\n"
        "“I say, Barnes, another one?” Braddocks said.\n\n"
        "Cohn got up and left the café.\n\n"
        "“Good night,” I said.\n"
    )
    a = run(text)
    said = [q.speaker for q in a.quotes]
    assert said[0] == said[-1] == "Jake Barnes"
    assert said[1] == "Cohn"


def test_a_wife_named_by_her_husbands_name_is_one_person_and_keeps_her_title() -> None:
    reg = Registry()
    henry = reg.find_or_create_person("Mr. Henry Dashwood")
    widow = reg.find_or_create_person("Mrs. Henry Dashwood")
    john = reg.find_or_create_person("Mr. John Dashwood")
    fanny = reg.find_or_create_person("Mrs. John Dashwood")
    assert len({id(c) for c in (henry, widow, john, fanny)}) == 4
    assert reg.find_or_create_person("Mrs. John Dashwood") is fanny
    assert reg.find_or_create_person("Mrs. Dashwood") is widow
    assert widow is not None and widow.canonical == "Mrs. Henry Dashwood"
    assert fanny is not None and fanny.canonical == "Mrs. John Dashwood"
    # her own first name needs no title to tell her from a man
    assert reg.find_or_create_person("Mrs. Jane Smith").canonical == "Jane Smith"  # type: ignore[union-attr]


def test_a_byname_runs_on_through_its_hyphenated_link_words(nlp: Language, run: Run) -> None:
    doc = nlp("One day when Winnie-the-Pooh was out walking, he came to a tree.")
    assert doc[hyphenated_end(doc[3])].text == "Pooh"
    text = (
        "One day when Winnie-the-Pooh was out walking, he came to a tree.\n\n"
        "“That buzzing-noise means something,” he said.\n"
    )
    assert [q.speaker for q in run(text).quotes] == ["Winnie-the-Pooh"]
    # a hyphenated word after a name is no part of it when spaced or not a name
    doc = nlp("Then Osei-Bonsu waved to Pooh - the bear - and left.")
    assert doc[hyphenated_end(doc[1])].text == "Bonsu"
    assert hyphenated_end(doc[6]) == 6


def test_a_name_in_italics_marks_is_a_title_not_a_speaker(run: Run) -> None:
    text = (
        "The cab passed the New York _Herald_ bureau with the window full of clocks.\n\n"
        "“What are all the clocks for?” she asked.\n\n"
        "“They show the hour all over America.”\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == [None, None]
    assert a.speakers == []
    # an italic word inside a name's marks, and a name outside them, stay as they were
    b = run("He read _The Times_ with Brett.\n\n“Anything new?” said Brett.\n")
    assert [q.speaker for q in b.quotes] == ["Brett"]


def test_a_word_describing_a_person_after_an_article_is_no_name(run: Run) -> None:
    text = (
        "He wanted to enquire about the Mohammedan doctor in the mosque.\n\n"
        "“He was rude to my mother,” he said.\n"
    )
    a = run(text)
    assert all(s.name != "Mohammedan" for s in a.speakers)
    assert [q.speaker for q in a.quotes] != ["Mohammedan"]


def test_a_familiar_form_of_a_first_name_is_the_one_person_given_it() -> None:
    reg = Registry()
    francis = reg.find_or_create_person("Francis Oakley")
    maurice = reg.find_or_create_person("Maurice Oakley")
    assert francis is not None and maurice is not None
    assert reg.find_or_create_person("Frank") is francis
    assert reg.find_or_create_person("Frank Oakley") is francis
    assert francis.canonical == "Francis Oakley"
    # two people who may go by it, or a title before it: no guess
    reg.find_or_create_person("Frances Bly")  # no form of Francis in the table
    reg.find_or_create_person("Francis Drake")
    assert reg.find_person("Frank") is None
    assert reg.find_person("Mr. Frank") is None


def test_a_familiar_form_speaks_as_the_person(run: Run) -> None:
    text = (
        "Francis Oakley had come home from Paris.\n\n"
        "“I will go,” said Frank.\n\n"
        "“You will not,” said Maurice Oakley.\n"
    )
    assert [q.speaker for q in run(text).quotes] == ["Francis Oakley", "Maurice Oakley"]


def test_a_word_of_the_sentence_before_a_known_name_is_no_part_of_it() -> None:
    reg = Registry()
    reg.common = lower_words("It was unfortunate; unfortunately he sat opposite, which was bad.")
    aziz = reg.find_or_create_person("Aziz")
    assert aziz is not None
    for surface in ("Unfortunately Aziz", "Opposite Aziz", "Which Aziz"):
        assert reg.find_or_create_person(surface) is aziz
    assert aziz.canonical == "Aziz"
    # a name not known yet keeps its first word, even one the text writes in lower case
    # ("win"), and so does a name opening with a first name or a particle
    reg.common = lower_words("a win for them, the van and de rigueur")
    win = reg.find_or_create_person("Win Htein")
    assert win is not None and win.canonical == "Win Htein"
    assert reg.find_or_create_person("Van Htein") is not aziz
    grace = reg.find_or_create_person("Grace")
    reg.common = lower_words("by the grace of God")
    assert reg.find_or_create_person("Grace Malik") is grace
    assert grace is not None and grace.canonical == "Grace Malik"


def test_an_epithet_before_a_name_is_no_part_of_it() -> None:
    reg = Registry()
    tony = reg.find_or_create_person("Darling Tony")
    assert tony is not None and tony.canonical == "Tony"
    assert reg.find_or_create_person("Poor Mrs. Last") is not None
    assert reg.find_or_create_person("Tony Last") is tony and tony.canonical == "Tony Last"


def test_names_in_a_long_chapter_heading_are_no_character(run: Run) -> None:
    text = (
        "Chapter VI: The Reverend Arthur Beebe, Miss Charlotte Bartlett, and Miss Lucy "
        "Vane Drive Out in Carriages to See a View; Italians Drive Them.\n\n"
        "Lucy Vane looked at the hills.\n\n"
        "“What a view,” said Lucy.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Lucy Vane"]


def test_two_given_names_side_by_side_are_two_people_in_a_story() -> None:
    reg = Registry()
    reg.familiar = True
    katharine = reg.find_or_create_person("Katharine Hilbery")
    cassandra = reg.find_or_create_person("Cassandra")
    assert reg.find_or_create_person("Cassandra Katharine") is None
    assert reg.find_person("Katharine") is katharine
    assert cassandra is not None and cassandra.canonical == "Cassandra"
    # in news a surname is often a given name: "Brian Jack" is one man
    reg = Registry()
    reg.find_or_create_person("Jack Dalrymple")
    brian = reg.find_or_create_person("Brian Jack")
    assert brian is not None and brian.canonical == "Brian Jack"


def test_a_full_name_a_quote_gives_completes_a_first_name_in_a_story() -> None:
    reg = Registry()
    reg.familiar = True
    mike = reg.find_or_create_person("Mike")
    reg.complete_first_name("Mike Campbell")
    assert mike is not None and mike.canonical == "Mike Campbell"
    assert reg.find_person("Mr. Campbell") is mike
    # not when someone else already has the surname, nor in news
    reg = Registry()
    reg.familiar = True
    bill = reg.find_or_create_person("Bill")
    reg.find_or_create_person("Ann Gorton")
    reg.complete_first_name("Bill Gorton")
    assert bill is not None and bill.canonical == "Bill"
    reg = Registry()
    mike = reg.find_or_create_person("Mike")
    reg.complete_first_name("Mike Pence")
    assert mike is not None and mike.canonical == "Mike"


def test_a_first_named_daughter_is_not_the_mrs_of_her_family_when_the_text_has_a_miss() -> None:
    text = "Mrs. Hilbery poured the tea. Katharine Hilbery listened. Miss Hilbery smiled."
    reg = Registry()
    reg.familiar = True
    reg.misses = misses(text)
    assert reg.misses == {"hilbery"}
    mother = reg.find_or_create_person("Mrs. Hilbery")
    daughter = reg.find_or_create_person("Katharine Hilbery")
    assert daughter is not None and daughter is not mother
    assert reg.find_person("Katharine") is daughter
    assert reg.find_person("Mrs. Hilbery") is mother
    assert reg.find_person("Miss Hilbery") is daughter
    # no Miss of the name: "Mary Cavendish" is the Mrs. Cavendish met before her
    reg = Registry()
    reg.familiar = True
    reg.misses = misses("Mrs. Cavendish poured the tea. Mary Cavendish listened.")
    wife = reg.find_or_create_person("Mrs. Cavendish")
    assert reg.find_or_create_person("Mary Cavendish") is wife
