"""A story's relatives who speak (issue 11): "said his father" is someone of the scene when the
text has shown no family of the possessor, never an unnamed "his father" the story does not
mean. Invented sentences on the real model."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.relatives import kin_in_scene

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def _exchange(a: str, b: str) -> str:
    """A stretch of uncued turns between two people, which tells the engine it reads a story."""
    lines = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."]
    turns = [f"“{line}”\n\n" for line in lines * 2]
    return f"“Well?” said {a}.\n\n“Well,” said {b}.\n\n" + "".join(turns)


def test_his_father_is_the_older_man_of_the_scene(run: Run) -> None:
    text = _exchange("Lucy", "Miss Bartlett") + (
        "Mr. Emerson stood by the window of the chapel. George came in from the cloister and "
        "looked at the frescoes.\n\n"
        "“I should like to go up,” George said.\n\n"
        "“You will never go up,” said his father.\n"
    )
    a = run(text)
    assert speaker_of(a, "“You will never") == "Mr. Emerson"


def test_kin_in_scene_takes_the_relatives_sex_and_address_not_the_possessor() -> None:
    reg = Registry()
    george = reg.find_or_create_person("George", 0)
    lucy = reg.find_or_create_person("Miss Honeychurch", 5)
    father = reg.find_or_create_person("Mr. Emerson", 10)
    assert george is not None and lucy is not None and father is not None
    george.male = 2
    ranked = [george, lucy, father]
    assert kin_in_scene(reg.clusters, ranked, "father", {george.id}) is father
    assert kin_in_scene(reg.clusters, ranked, "mother", {george.id}) is None  # no "Miss"
    assert kin_in_scene(reg.clusters, ranked, "sister", {george.id}) is lucy
    assert kin_in_scene(reg.clusters, ranked, "chauffeur", {george.id}) is None

