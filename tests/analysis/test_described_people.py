"""Novels' people known by a description (issue 11): named by the definite phrase the narration
calls them by, and, when an "in"/"with" phrase tells them apart ("a gentleman in a white
waistcoat"), one person by that phrase rather than whichever gentleman the scene has."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.cluster import Cluster
from reader.analysis.marked import mark_of
from reader.analysis.nlp import parse
from reader.analysis.story_names import call_by

Run = Callable[[str], Analysis]


def _exchange(a: str, b: str) -> str:
    """A stretch of uncued turns between two people, which tells the engine it reads a story."""
    lines = ["Are you late?", "I am.", "Then you must wait.", "Must I?", "You must."]
    turns = [f"“{line}”\n\n" for line in lines * 2]
    return f"“Well?” said {a}.\n\n“Well,” said {b}.\n\n" + "".join(turns)


def _speakers(a: Analysis, *openings: str) -> list[str | None]:
    return [next(q.speaker for q in a.quotes if q.text.startswith(o)) for o in openings]


def test_a_described_person_is_named_as_the_narration_calls_them(run: Run) -> None:
    text = _exchange("Mrs. Hall", "Millie") + (
        "A parish surgeon who did such matters by contract was sitting by the fire.\n\n"
        "“Oh, you must not talk about dying yet,” said the surgeon, rising.\n\n"
        "“Lor bless her dear heart, no!” said Mrs. Hall.\n\n"
        "“It's all over, Mrs. Hall!” said the surgeon at last.\n"
    )
    a = run(text)
    assert _speakers(a, "“Oh, you", "“It's all") == ["the surgeon", "the surgeon"]


def test_someone_brought_in_as_her_visitor_is_the_visitor(run: Run) -> None:
    text = _exchange("Mrs. Hall", "Millie") + (
        "Mrs. Hall carried the cloth into the parlour.\n\n"
        "“I suppose I may have them to dry now,” said Mrs. Hall.\n\n"
        "“Leave the hat,” said her visitor, in a muffled voice.\n\n"
        "“Your lunch is served, sir,” said Mrs. Hall.\n\n"
        "“Thank you,” said the visitor, without turning.\n"
    )
    a = run(text)
    assert _speakers(a, "“Leave", "“Thank you") == ["the visitor", "the visitor"]


def test_a_gentleman_in_a_white_waistcoat_is_one_person_by_that_phrase(run: Run) -> None:
    text = _exchange("Oliver", "Mr. Bumble") + (
        "Oliver bowed to the board, and Mr. Limbkins looked at him. Then a gentleman in a "
        "white waistcoat said he was a fool.\n\n"
        "“What's your name, boy?” asked Mr. Limbkins.\n\n"
        "“Oliver, sir,” said the boy.\n\n"
        "“The boy is a fool, I thought he was,” said the gentleman in the white waistcoat.\n\n"
        "“Hush!” said Mr. Limbkins.\n\n"
        "“That boy will be hung,” said the gentleman in the white waistcoat.\n"
    )
    a = run(text)
    who = "the gentleman in the white waistcoat"
    assert _speakers(a, "“The boy is", "“That boy") == [who, who]


def test_a_name_is_shortened_only_to_words_it_already_had() -> None:
    surgeon = Cluster(id=0, kind="description", canonical="a parish surgeon who came")
    assert call_by(surgeon, "the surgeon") and surgeon.canonical == "the surgeon"
    woman = Cluster(id=1, kind="description", canonical="a young woman")
    assert not call_by(woman, "the old woman") and woman.canonical == "a young woman"
    voice = Cluster(id=3, kind="description", canonical="the voice that was near tears")
    assert call_by(voice, "the voice") and voice.canonical == "the voice"
    old = Cluster(id=4, kind="description", canonical="the old gentleman")
    assert not call_by(old, "the gentleman") and old.canonical == "the old gentleman"
    named = Cluster(id=2, kind="description", canonical="the man with the papers")
    assert not call_by(named, "the man") and named.canonical == "the man with the papers"


def test_how_someone_speaks_or_where_they_stand_marks_no_one(nlp: Language) -> None:
    def mark(sentence: str, noun: str) -> str | None:
        doc = parse(nlp, sentence)
        found = mark_of(next(t for t in doc if t.text == noun))
        return found.key if found else None

    assert mark("A gentleman in a white waistcoat laughed.", "gentleman") == (
        "gentleman in white waistcoat"
    )
    assert mark("The gentleman in the white waistcoat laughed.", "gentleman") == (
        "gentleman in white waistcoat"
    )
    assert mark("The magistrate with spectacles frowned.", "magistrate") is not None
    assert mark("The girl in a hoarse voice answered him.", "girl") is None
    assert mark("The woman with much deliberation sat down.", "woman") is None
    # a definite person with an indefinite thing: how they did it, not who they are
    assert mark("The man with a groan sat down.", "man") is None


def test_a_novels_rank_before_a_surname_is_part_of_the_name_shown(run: Run) -> None:
    text = _exchange("Syme", "the Marquis") + (
        "The member of the Legion of Honour, whose name it seemed was Colonel Ducroix, "
        "approached Dr. Bull with great politeness.\n\n"
        "“I protest that this is most irregular,” said Dr. Bull indignantly.\n\n"
        "“It is certainly somewhat opposed to precedent,” said Colonel Ducroix.\n"
    )
    a = run(text)
    assert _speakers(a, "“I protest", "“It is certainly") == ["Dr. Bull", "Colonel Ducroix"]


def test_kin_forms_of_address_and_capitals_are_no_ranks() -> None:
    from reader.analysis.rank_naming import name_by_rank
    from reader.analysis.ranked_names import is_rank

    assert is_rank("Colonel") and is_rank("Dr.") and is_rank("Inspector")
    assert not any(is_rank(w) for w in ("Aunt", "Mr.", "Lady", "AG", "colonel", "Saint"))
    bull = Cluster(id=0, kind="person", canonical="Bull", surname="bull")
    assert name_by_rank(bull, "Dr.") and bull.canonical == "Dr. Bull"
    assert not name_by_rank(bull, "Professor") and bull.canonical == "Dr. Bull"
    syme = Cluster(id=1, kind="person", canonical="Gabriel Syme", surname="syme", first="gabriel")
    assert not name_by_rank(syme, "Inspector") and syme.canonical == "Gabriel Syme"


def test_a_form_of_address_given_later_outweighs_a_rank_put_before_a_surname() -> None:
    from reader.analysis.clusters import Registry
    from reader.analysis.rank_naming import name_by_rank

    reg = Registry()
    croft = reg.find_or_create_person("Croft")
    assert croft is not None and name_by_rank(croft, "Admiral")
    # the registry takes "Mrs Croft" for the one it knows as "Croft" (as engine 25 did):
    # the form of address she is called by twice names the person, not the rank
    assert reg.find_or_create_person("Mrs Croft") is croft
    reg.find_or_create_person("Mrs Croft")
    assert croft.canonical == "Mrs Croft"
