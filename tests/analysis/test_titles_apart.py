"""A story's family of one surname stays several people (issue 11: "A Mr, a Mrs and a Miss of
one family are merged"): a man's rank and a woman's form of address, or "Mr" and a knight, are
two people, while a bare surname and "Mr." still join the one they name. News keeps its own
habits ("Secretary Clinton" is Mrs. Clinton)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def _story() -> Registry:
    reg = Registry()
    reg.familiar = True
    return reg


def test_a_rank_after_a_wife_of_the_surname_is_her_husband() -> None:
    reg = _story()
    wife = reg.find_or_create_person("Mrs. Callendar", 0)
    major = reg.find_or_create_person("Major Callendar", 50)
    assert major is not None and major is not wife
    assert reg.find_or_create_person("Mrs. Callendar", 90) is wife
    assert reg.find_or_create_person("Major Callendar", 120) is major


def test_a_wife_after_a_ranked_man_of_no_known_gender_is_another_person() -> None:
    reg = _story()
    admiral = reg.find_or_create_person("Admiral Croft", 0)
    assert admiral is not None and admiral.gender is None
    wife = reg.find_or_create_person("Mrs Croft", 40)
    assert wife is not None and wife is not admiral
    assert reg.find_or_create_person("Miss Croft", 80) is not admiral


def test_mr_is_not_the_knight_of_the_family() -> None:
    reg = _story()
    knight = reg.find_or_create_person("Sir Walter Elliot", 0)
    heir = reg.find_or_create_person("Mr Elliot", 60)
    assert heir is not None and heir is not knight
    assert reg.find_or_create_person("Sir Walter", 90) is knight


def test_the_same_man_still_joins_by_surname_and_mr() -> None:
    reg = _story()
    major = reg.find_or_create_person("Major Callendar", 0)
    assert reg.find_or_create_person("Callendar", 30) is major
    assert reg.find_or_create_person("Mr. Callendar", 60) is major
    assert reg.find_or_create_person("Major Callendar", 90) is major
    aunt = reg.find_or_create_person("Mrs. Norris", 120)
    assert reg.find_or_create_person("Aunt Norris", 150) is aunt  # kin is no rank


def test_in_news_a_rank_and_a_married_title_are_one_woman() -> None:
    reg = Registry()
    mrs = reg.find_or_create_person("Mrs. Clinton", 0)
    assert reg.find_or_create_person("Secretary Clinton", 40) is mrs


def test_a_rank_the_tagger_leaves_out_of_the_name_still_keeps_him_apart(run: Run) -> None:
    """The tagger names "Callendar" alone in "Major Callendar": in a story the rank before it
    reaches the registry, so the Major is not the Mrs. Callendar met before him."""
    turns = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."] * 2
    text = (
        "“Well?” said Lucy.\n\n“Well,” said Miss Bartlett.\n\n"
        + "".join(f"“{t}”\n\n" for t in turns)
        + "Mrs. Callendar came into the room. “The tea is cold,” said Mrs. Callendar.\n\n"
        + "Major Callendar put down his paper. “Then send it back,” said Major Callendar.\n"
    )
    a = run(text)
    assert speaker_of(a, "“The tea") == "Mrs. Callendar"
    assert speaker_of(a, "“Then send") == "Major Callendar"


def test_a_calling_keeps_apart_unless_the_holder_is_a_woman() -> None:
    """A calling ("Doctor", "Professor", "Inspector", "Reverend") before a surname alone is
    a man's in a story ("Doctor Manette" is not "Miss Manette"), but "Dr. Sarah Hale" may be
    the "Miss Hale" met after her, and so may a "Captain Ann Royle" the "Miss Royle"."""
    reg = _story()
    doctor = reg.find_or_create_person("Dr. Sarah Hale", 0)
    assert reg.find_or_create_person("Miss Hale", 40) is doctor
    mrs = reg.find_or_create_person("Mrs Weston", 80)
    assert reg.find_or_create_person("Professor Weston", 120) is not mrs
    miss = reg.find_or_create_person("Miss Manette", 300)
    assert reg.find_or_create_person("Doctor Manette", 340) is not miss
    wife = reg.find_or_create_person("Mrs Grant", 380)
    assert reg.find_or_create_person("Reverend Grant", 420) is not wife
    daughter = reg.find_or_create_person("Miss Royle", 460)
    assert reg.find_or_create_person("Inspector Royle", 500) is not daughter
    captain = reg.find_or_create_person("Captain Ann Royle", 160)
    assert reg.find_or_create_person("Miss Royle", 200) is captain
    lady = reg.find_or_create_person("Mrs Penrose", 240)
    assert reg.find_or_create_person("Colonel Penrose", 280) is not lady
