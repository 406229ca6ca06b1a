"""Relatives and gendered descriptions as speakers: "said her mother", "the innkeeper's wife",
"said the girl" name the person the text means, not the one named last. Each runs the real
model on invented sentences."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.relatives import relative_of

from .conftest import speaker_of

Run = Callable[[str], Analysis]


def test_her_mother_is_the_mother_of_her_family(run: Run) -> None:
    text = (
        "Mrs. Pemberton sat by the fire, and Mr. Pemberton read his newspaper in the corner. "
        "Miss Lydia Pemberton came in from the garden with Captain Foyle.\n\n"
        "“The roads are dreadful,” said Captain Foyle.\n\n"
        "Lydia laughed at him.\n\n"
        "“Then you must stay for dinner,” said her mother.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Then you must") == "Mrs. Pemberton"


def test_her_husband_is_mister_of_her_name(run: Run) -> None:
    text = (
        "Mrs. Castlemaine poured the tea while Mr. Castlemaine and the vicar, Mr. Ashdown, "
        "talked of the harvest.\n\n"
        "“It will be a poor year,” said Mr. Ashdown.\n\n"
        "Mrs. Castlemaine sighed and set down the pot.\n\n"
        "“Nonsense,” said her husband.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Nonsense") == "Mr. Castlemaine"


def test_the_innkeepers_wife_is_the_innkeepers_wife(run: Run) -> None:
    text = (
        "Mr. Gribble, the innkeeper, came into the parlour with Mrs. Gribble and a boy named Tom "
        "Reed.\n\n"
        "“Sit down, boy,” said the innkeeper's wife.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Sit down") == "Mrs. Gribble"


def test_an_unnamed_wife_is_not_her_husband(run: Run) -> None:
    text = (
        "Senator Hal Brody walked slowly to the podium and looked out at the crowd.\n\n"
        "“Breathe,” his wife whispered.\n"
    )
    a = run(text)
    assert speaker_of(a, "“Breathe") != "Hal Brody"


def test_said_the_girl_is_no_man(run: Run) -> None:
    text = (
        "Anne Pryor came slowly into the room. Mr. Dobbs rose from his chair.\n\n"
        "“You are late,” said the girl.\n"
    )
    a = run(text)
    assert speaker_of(a, "“You are late") == "Anne Pryor"


def test_relative_of_reads_forms_of_address() -> None:
    reg = Registry()
    father = reg.find_or_create_person("Mr. Bennet", 0)
    mother = reg.find_or_create_person("Mrs. Bennet", 10)
    daughter = reg.find_or_create_person("Miss Jane Bennet", 20)
    assert father is not None and mother is not None and daughter is not None
    assert relative_of(reg.clusters, daughter, "mother") is mother
    assert relative_of(reg.clusters, daughter, "father") is father
    assert relative_of(reg.clusters, mother, "husband") is father
    assert relative_of(reg.clusters, father, "wife") is mother
    assert relative_of(reg.clusters, mother, "daughter") is daughter
    assert relative_of(reg.clusters, daughter, "husband") is None  # "Miss": no husband yet
    assert relative_of(reg.clusters, father, "son") is None


def test_a_daughter_is_never_taken_for_her_mother() -> None:
    reg = Registry()
    rosa = reg.find_or_create_person("Rosa Ortega", 0)
    marisela = reg.find_or_create_person("Marisela Ortega", 10)
    assert rosa is not None and marisela is not None
    assert relative_of(reg.clusters, rosa, "mother") is marisela  # nothing known: the one woman
    shown = {(rosa.id, "daughter"): marisela.id}
    assert relative_of(reg.clusters, rosa, "mother", relations=shown) is None
    assert relative_of(reg.clusters, rosa, "daughter", relations=shown) is marisela
