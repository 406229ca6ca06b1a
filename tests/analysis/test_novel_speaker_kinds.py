"""The speakers list of a story: a person the text describes is no organisation, and one
name is one row, whatever rule found it."""

from __future__ import annotations

from reader.analysis.clusters import Registry
from reader.analysis.kinds import described_human, speaker_kind
from reader.analysis.model import Speaker
from reader.analysis.speaker_list import merged


def test_a_described_gentleman_filed_as_a_body_is_an_unnamed_person() -> None:
    """A rule that takes any definite subject for a body ("the board said") files "the old
    gentleman" as an organisation; the list says what he is."""
    reg = Registry()
    for surface in ("the old gentleman", "his companion", "the patronne", "the company"):
        reg.find_or_create_org(surface)
    got = {c.canonical: speaker_kind(c) for c in reg.clusters}
    assert got == {
        "the old gentleman": "unnamed",
        "his companion": "unnamed",
        "the patronne": "unnamed",
        "the company": "org",
    }


def test_described_human_heads() -> None:
    assert described_human("the old gentleman")
    assert described_human("the gentleman in the white waistcoat")
    assert described_human("his companion")
    assert described_human("the ladies")
    assert described_human("the Admiral")
    assert described_human("the red-faced clergyman")
    assert described_human("The tall dark one")
    assert not described_human("the company")
    assert not described_human("the police")
    assert not described_human("the board")
    assert not described_human("the Church")
    assert not described_human("the Marshals")  # a title, and a body's name
    assert not described_human("Miss Bartlett")  # a name, for the name rules


def test_one_name_is_one_row() -> None:
    rows = [
        Speaker("Rabbit", quotes=[0, 2], words=10, share=0.5, kind="person"),
        Speaker("Rabbit", quotes=[4], words=5, share=0.25, kind="org"),
        Speaker("Miss Bartlett", quotes=[1], words=3, share=0.15, kind="org"),
        Speaker("Hamidullah Begum", ["Hamidullah"], quotes=[3], words=1, share=0.05,
                kind="person"),
        Speaker("Hamidullah", quotes=[5], words=1, share=0.05, kind="org"),
        Speaker("Rossiya-Info", quotes=[8], words=4, kind="org"),
        Speaker("Rossiya-Info", quotes=[9], words=4, kind="person"),
        Speaker("a voice", quotes=[6], kind="unnamed"),
        Speaker("a voice", quotes=[7], kind="unnamed"),
    ]
    got = merged(rows)
    by_name = {sp.name: sp for sp in got}
    assert [sp.name for sp in got].count("Rabbit") == 1
    assert by_name["Rabbit"].quotes == [0, 2, 4] and by_name["Rabbit"].kind == "person"
    assert by_name["Rabbit"].words == 15
    assert by_name["Miss Bartlett"].kind == "person"
    assert by_name["Hamidullah Begum"].quotes == [3, 5]
    assert "Hamidullah" not in by_name
    assert by_name["Rossiya-Info"].quotes == [8, 9] and by_name["Rossiya-Info"].kind == "org"
    assert [sp.name for sp in got].count("a voice") == 2  # two voices may be two people


def test_a_role_is_something_a_person_is() -> None:
    from reader.analysis.roles import shown_role

    for junk in ("an aquatint of Hetton", "a faint blush", "Harvest Thanksgiving", "His voice",
                 "her own person", "Mrs.", "Rev. Mr.", "Dr.", "Old", "winter", "candle",
                 "a sense of constraint", "such public excitement", "receiver Tavion"):
        assert shown_role(junk) is None, junk
    for role in ("the good lady of the house", "the parochial undertaker", "Major",
                 "U.S. Secretary of State", "a 34-year-old", "co-founder", "an Israeli",
                 "the head of the RNC", "a retired bus mechanic", "her eldest girl",
                 "the clock-jobber", "old servitor"):
        assert shown_role(role) == role, role


def test_mrs_after_a_girl_called_by_her_first_name_is_her_mother(nlp: object) -> None:
    """A story that calls Catherine Morland "Catherine" means her mother by "Mrs. Morland";
    "Miss Morland" is still Catherine."""
    from reader.analysis import analyze

    text = (
        "Catherine Morland was ten years old and fond of cricket. Catherine ran about the "
        "garden all day.\n\n"
        "“You will spoil your frock,” said Mrs. Morland.\n\n"
        "“I do not care for frocks,” said Catherine.\n\n"
        "“Then you must care for your mother,” said Mrs. Morland.\n\n"
        "“I will, mamma,” said Miss Morland.\n"
    )
    a = analyze(text, nlp=nlp)
    said = [q.speaker for q in a.quotes]
    assert said == ["Mrs. Morland", "Catherine Morland", "Mrs. Morland", "Catherine Morland"]
    names = {sp.name: sp.aliases for sp in a.speakers}
    assert "Mrs. Morland" not in names["Catherine Morland"]


def test_a_wife_named_by_her_husbands_name_does_not_take_it_as_hers(nlp: object) -> None:
    """ "Mrs. John Dashwood" is not also called "John Dashwood": that is her husband."""
    from reader.analysis import analyze

    text = (
        "Mr. John Dashwood came to Norland with his wife.\n\n"
        "“We shall stay the winter,” said Mrs. John Dashwood.\n\n"
        "“As you please,” said Mr. John Dashwood.\n"
    )
    a = analyze(text, nlp=nlp)
    rows = {sp.name: sp.aliases for sp in a.speakers}
    assert "Mrs. John Dashwood" in rows and "John Dashwood" in rows, rows
    assert "John Dashwood" not in rows["Mrs. John Dashwood"]
