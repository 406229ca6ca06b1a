"""Found by a new user: CRISPR and Twitter were listed as people in the Entities tab. A
one-word name the tagger took for a person's, never quoted, never given a first name, a
title or a gender, and used like a thing, is not listed as a person; a person named by the
surname alone still is."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.clusters import Registry
from reader.analysis.model import Entity
from reader.analysis.summary import NOT_A_PERSON, things

Run = Callable[[str], Analysis]

TEXT = (
    "Gene editing has a new tool. The CRISPR system lets scientists rewrite DNA, Jennifer "
    "Doudna said on Monday. No CRISPR drug exists yet, and rivals say CRISPR is overrated.\n\n"
    "Twitter CEO Dick Costolo presented the prize.\n\n“We did it first,” Zhang said.\n"
)


def test_names_used_like_things_are_not_people(run: Run) -> None:
    labels: dict[str, set[str]] = {}
    for e in run(TEXT).entities:
        labels.setdefault(e.text, set()).add(e.label)
    assert "PERSON" not in labels.get("CRISPR", set()), labels
    assert "PERSON" not in labels.get("Twitter", set()), labels
    assert labels["Zhang"] == {"PERSON"}  # quoted: a person
    assert labels["Dick Costolo"] == {"PERSON"}


def entity(text: str, whole: str, label: str = "PERSON", nth: int = 0) -> Entity:
    at = -1
    for _ in range(nth + 1):
        at = whole.index(text, at + 1)
    return Entity(at, at + len(text), text, label, None)


def test_the_signs_of_a_thing_and_of_a_person() -> None:
    text = ("Follow @IanHanchett for more. Veltra grew fast. Veltra hired. "
            "A Veltra executive said nothing. Lopez came in. The Lopez campaign sat down.")
    handle = entity("IanHanchett", text)
    veltra = [entity("Veltra", text, nth=n) for n in range(3)]
    lopez = [entity("Lopez", text, nth=n) for n in range(2)]
    things([handle, *veltra, *lopez], Registry(), set(), text)
    assert handle.label == NOT_A_PERSON  # a handle
    assert {e.label for e in veltra} == {NOT_A_PERSON}  # "a Veltra executive": a thing's
    # "The Lopez campaign": a person's, though after "the".
    assert {e.label for e in lopez} == {"PERSON"}


def test_a_person_used_before_a_noun_for_a_person_stays_a_person(run: Run) -> None:
    """Found in review: "An Obama official" and "The Harper boy" made real people things;
    a noun for a person after a name is how a family's or a politician's name is used."""
    text = ("Former President Barack Obama spoke in Chicago on Friday. An Obama official "
            "later declined to comment.\n\nNobody had seen Harper since the fair. The "
            "Harper boy was the last to leave, the sheriff said.\n")
    labels: dict[str, set[str]] = {}
    for e in run(text).entities:
        labels.setdefault(e.text, set()).add(e.label)
    assert labels.get("Obama", {"PERSON"}) == {"PERSON"}, labels
    assert labels.get("Harper", {"PERSON"}) == {"PERSON"}, labels


def test_a_word_of_a_longer_name_is_that_persons() -> None:
    """"Obama" after "Barack Obama" is his, however the word is used elsewhere."""
    text = "Barack Obama left. The Obama archive opened, and Obama CEO jokes spread."
    full = entity("Barack Obama", text)
    short = [entity("Obama", text, nth=n) for n in (1, 2)]
    things([full, *short], Registry(), set(), text)
    assert {e.label for e in short} == {"PERSON"}
