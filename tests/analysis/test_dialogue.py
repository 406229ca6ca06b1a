"""Fiction: turns that alternate in an exchange, names that address the listener, a narrator
who says "I said", and the forms of address that keep a family's people apart (issue 11)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.candidates import Neighbours
from reader.analysis.clusters import Registry
from reader.analysis.dialogue import turn_addressee, vocatives
from reader.analysis.names import name_parts
from reader.analysis.sieve.discourse import rule_addressed, rule_alternation
from reader.analysis.state import QuoteInfo

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def turn(qid: int, para: int, cluster: int | None = None, **kw: object) -> QuoteInfo:
    """A short paragraph that is one quote; ``cluster`` set means a cue named that person."""
    return QuoteInfo(
        qid,
        para,
        bool(kw.get("opens", True)),
        True,
        cluster,
        has_cue=cluster is not None,
        turn=True,
        person=cluster is not None,
        addressee_cluster=kw.get("addressee"),  # type: ignore[arg-type]
        turn_addressee=kw.get("addressee"),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("“Margaret, come here at once.”", "Margaret"),
        ("“You know, Mr. Knightley, that I am right.”", "Mr. Knightley"),
        ("“I am sure of it, Jake.”", "Jake"),
        ("“Well, I do not know.”", None),
        ("“Alas, it is over.”", None),
        ("“Margaret is late again.”", None),
        ("“My dear Lucy, it would be splendid.”", "Lucy"),
        ("“Oh, do not cry! My dear Miss Lucy, we have lost the way.”", "Miss Lucy"),
        ("“Good night, darling.”", None),
        # a name renaming a person just mentioned is someone talked about, not addressed
        ("“Yes, for a while. His boy, Joe, shaved me.”", None),
        ("“I beg your pardon, Basil, but I did not know.”", "Basil"),
    ],
)
def test_vocative_names_the_one_addressed(nlp: Language, text: str, called: str | None) -> None:
    doc = nlp(text)
    found = next(iter(vocatives(doc, 0, len(doc) - 1)), None)
    assert (doc[found[0] : found[1]].text if found else None) == called


def test_every_name_a_quote_may_address_in_order(nlp: Language) -> None:
    doc = nlp("“Heyday, Miss Morland! What is the meaning of this, Catherine?”")
    found = vocatives(doc, 0, len(doc) - 1)
    assert [doc[a:b].text for a, b in found] == ["Heyday", "Miss Morland", "Catherine"]


def test_the_one_addressed_is_a_known_person_before_an_exclamation(run: Run) -> None:
    # "Heyday" opens the quote as a name would; Miss Morland, whom the text knows, is the
    # one addressed, so she answers the next turn
    text = (
        "Catherine Morland sat alone by the window when John Thorpe came in.\n\n"
        "“Heyday, Miss Morland! What is the meaning of this?” cried Thorpe.\n\n"
        "“I wonder you should think so, for you never asked me.”\n"
    )
    assert speaker_of(run(text), "“I wonder") == "Catherine Morland"


def test_alternation_from_a_cue_either_side() -> None:
    # turns 0..4; a cue names 7 at turn 3, 9 at turn 4: turn 1 is 7's (two turns before),
    # turn 2 the other party's (one turn before 7's)
    infos = [turn(0, 10), turn(1, 11), turn(2, 12), turn(3, 13, 7), turn(4, 14, 9)]
    assert rule_alternation(infos[1], Neighbours(infos, 1)) == 7
    assert rule_alternation(infos[2], Neighbours(infos, 2)) == 9
    # a paragraph of narration alone in between is crossed (turns are counted, not
    # paragraphs), two are not
    infos = [turn(0, 10, 7), turn(1, 11, 9), turn(2, 13)]
    assert rule_alternation(infos[2], Neighbours(infos, 2)) == 7
    infos = [turn(0, 10, 7), turn(1, 11, 9), turn(2, 14)]
    assert rule_alternation(infos[2], Neighbours(infos, 2)) is None


def test_alternation_abstains_for_many_speakers_or_the_one_addressed() -> None:
    # a list of statements by three people (as news has) is no exchange of two
    infos = [turn(0, 10, 5), turn(1, 11, 7), turn(2, 12, 9), turn(3, 13)]
    assert rule_alternation(infos[3], Neighbours(infos, 3)) is None
    # the turn calls 7 by name: 7 does not speak it
    infos = [turn(0, 10, 7), turn(1, 11, 9), turn(2, 12, addressee=7)]
    assert rule_alternation(infos[2], Neighbours(infos, 2)) is None


def test_the_one_called_by_name_speaks_the_turn_beside() -> None:
    infos = [turn(0, 10), turn(1, 11, addressee=4)]
    assert rule_addressed(infos[0], Neighbours(infos, 0)) == 4
    infos = [turn(0, 10, addressee=4), turn(1, 11)]
    assert rule_addressed(infos[1], Neighbours(infos, 1)) == 4


def test_the_one_called_in_any_quote_of_a_turn_speaks_the_next() -> None:
    # paragraph 10: "Edward," (a cue names 2) "are you still to be an orator?"; paragraph 11
    # opens with a turn of no cue: Edward's, though the turn's last quote calls no one
    infos = [turn(0, 10, 2, addressee=4), turn(1, 10, opens=False), turn(2, 11)]
    prev = None
    for q in infos:
        q.turn_addressee = turn_addressee(prev, q)
        prev = q
    assert infos[1].turn_addressee == 4
    assert rule_addressed(infos[2], Neighbours(infos, 2)) == 4
    # a quote whose cue names another speaker starts a turn of its own
    other = turn(3, 10, 5, opens=False)
    assert turn_addressee(infos[0], other) is None


def test_a_turn_addressing_someone_in_its_first_quote_is_answered_by_them(run: Run) -> None:
    text = (
        "Edward Ferrars sat with Mrs. Dashwood and Elinor after dinner.\n\n"
        "“Edward,” said Mrs. Dashwood, “are you still to be a great orator?”\n\n"
        "“No. I hope my mother is now convinced that I have no talents.”\n"
    )
    assert speaker_of(run(text), "“No. I hope") == "Edward Ferrars"


def test_a_narrator_paragraph_about_a_person_introduces_the_next_turn(run: Run) -> None:
    text = (
        "“We must go,” said Marianne.\n\n"
        "Elinor turned to her sister with a sigh.\n\n"
        "“It is far too late for that.”\n"
    )
    a = run(text)
    assert [(q.speaker, q.rule) for q in a.quotes] == [
        ("Marianne", "explicit"),
        ("Elinor", "introduced"),
    ]


def test_an_exchange_is_anchored_by_a_later_cue(run: Run) -> None:
    text = (
        "Brenda met Beaver on the stairs.\n\n"
        "“Did you sleep well?”\n\n"
        "“Beautifully.”\n\n"
        "“I bet you did not,” said Brenda.\n\n"
        "“Well, I am not a good sleeper,” said Beaver.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Brenda", "Beaver", "Brenda", "Beaver"]
    assert [q.rule for q in a.quotes[:2]] == ["alternation"] * 2


def test_the_narrator_speaks_and_is_named_as_the_others_call_them(run: Run) -> None:
    text = (
        "Cohn came over to the table.\n\n"
        "“Hello,” I said.\n\n"
        "“Jake, have you seen Brett?” Cohn asked.\n\n"
        "“No,” I said.\n\n"
        "“Are you sure, Jake?” Cohn said.\n\n"
        "“Quite sure,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Jake", "Cohn", "Jake", "Cohn", "Jake"]
    assert a.quotes[0].rule == "narrator"


def test_an_unnamed_narrator_is_the_narrator(run: Run) -> None:
    a = run("The rain had stopped.\n\n“It is late,” I said.\n")
    assert [(q.speaker, q.rule) for q in a.quotes] == [("the narrator", "narrator")]


def test_a_familys_mr_mrs_and_miss_are_three_people(run: Run) -> None:
    text = (
        "“Is she?” said Mrs. Bennet.\n\n"
        "“I do,” said Mr. Bennet.\n\n"
        "“Not I,” said Miss Bennet.\n\n"
        "“Nor I,” said Mrs. Bennet.\n"
    )
    a = run(text)
    mrs, mr, miss = "Mrs. Bennet", "Mr. Bennet", "Miss Bennet"
    assert [q.speaker for q in a.quotes] == [mrs, mr, miss, mrs]
    assert len(a.speakers) == 3


def test_a_man_named_in_full_is_not_the_mrs_of_his_surname() -> None:
    reg = Registry()
    mother = reg.find_or_create_person("Mrs Beaver")
    son = reg.find_or_create_person("John Beaver")
    assert mother is not None and son is not None and son.id != mother.id
    assert reg.find_person("Mrs Beaver") is mother
    newland = reg.find_or_create_person("Newland Archer")
    assert reg.find_person("Mrs. Archer") is None
    assert reg.find_or_create_person("Mrs. Archer") is not newland
    # one person: "Mr. Dashwood" and "Mr. John Dashwood"; "Miss Morland" and "Catherine Morland"
    reg = Registry()
    john = reg.find_or_create_person("Mr. Dashwood")
    assert reg.find_or_create_person("Mr. John Dashwood") is john
    catherine = reg.find_or_create_person("Miss Morland")
    assert reg.find_or_create_person("Catherine Morland") is catherine


def test_the_title_before_a_cued_name_is_part_of_its_mention(run: Run) -> None:
    a = run("Newland Archer came in.\n\n“Good night,” said Mrs. Archer.\n")
    (q,) = a.quotes
    assert q.mention is not None and q.mention.text == "Mrs. Archer"
    assert q.speaker == "Mrs. Archer"


def test_the_author_on_the_title_page_is_no_character(run: Run) -> None:
    text = (
        "PRIDE AND PREJUDICE\n\nBy Jane Austen\n\nChapter 1\n\n"
        "Jane came in. “Lizzy is out,” said Jane.\n"
    )
    assert [q.speaker for q in run(text).quotes] == ["Jane"]


def test_the_author_field_of_a_header_is_no_character(run: Run) -> None:
    # a Project Gutenberg header's "Author:" line names the author, whom "the stranger" and
    # "he" of the first chapter must not become
    text = (
        "Title: The Visitor\n\nAuthor: Herbert Wells\n\nCHAPTER I.\n\n"
        "The stranger came early in February. He stood at the door.\n\n"
        "“A fire,” he said, “in the name of human charity!”\n"
    )
    assert [q.speaker for q in run(text).quotes] != ["Herbert Wells"] * 2


@pytest.mark.parametrize("junk", ["Hartley--", "Mrs.", "his doubts", "the Lord"])
def test_junk_is_no_name(junk: str) -> None:
    words = name_parts(junk)[1]
    assert words in ([], ["Hartley"])
    assert Registry().find_or_create_person(junk) is None or words == ["Hartley"]


def test_she_after_a_possessive_subject_is_its_owner(run: Run) -> None:
    # the subject of the cue's sentence is a face, not a person: "she" is its owner, not the
    # woman the sentence before was about
    text = (
        "Mrs. Archer sat by the fire.\n\n"
        "Mrs. Welland's eyes filled with tears, and she said, “I cannot go.”\n"
    )
    assert speaker_of(run(text), "“I cannot") == "Mrs. Welland"
