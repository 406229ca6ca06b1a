"""Roles are noun phrases that describe the person: never ending in a function word, never a
clause about something else, never a first name or a quotation. The real model on invented
sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from reader.analysis import Analysis
from reader.analysis.roles import role_span, role_text

Run = Callable[[str], Analysis]


def role(a: Analysis, name: str) -> str | None:
    return next(sp.role for sp in a.speakers if sp.name == name)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A title chain ends at the name; a form of address is the name's, not the role's.
        ("Democratic presidential candidate Sen. Dan Rowe spoke. “We won,” Rowe said.\n",
         "Dan Rowe", "Democratic presidential candidate"),
        # An apposition stops before a relative clause ("whose", not only "who").
        ("“We must act,” said Lena Ortiz, a California Democrat whose district flooded.\n",
         "Lena Ortiz", "a California Democrat"),
        # Hyphenated words and counted relations stay whole.
        ("“No comment,” said Jo Park, a spokesperson for the UN secretary-general.\n",
         "Jo Park", "a spokesperson for the UN secretary-general"),
        ("“We lost the farm,” said Ana Ruiz, a mother of four.\n", "Ana Ruiz", "a mother of four"),
        ("“We won,” said Ann Lee, the harbour master.\n", "Ann Lee", "the harbour master"),
    ],
)
def test_roles_are_noun_phrases(run: Run, text: str, name: str, expected: str) -> None:
    assert role(run(text), name) == expected


def speaker_roles(a: Analysis) -> dict[str, str | None]:
    return {sp.name: sp.role for sp in a.speakers}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sentences of the regression articles (tests/data/audit) that gave "Church and",
        # "the only board member to", "whose book “Frozen Lines", "Gideon", "Lanternfly's co".
        ("In January 2013, the laboratories of Harvard’s Church and Broad’s Zhang were first "
         "to publish papers. “It works,” Zhang said.\n", {"Zhang": None}),
        ("Trent Vandermolen, the only board member to vote against putting the proposal on the "
         "March agenda, wrote in a post. “No,” Vandermolen said.\n",
         {"Trent Vandermolen": "the only board member"}),
        ("Ivan Velikov arrived late. “A short, sharp border clash is a very old tool,” said "
         "Velikov, whose book “Frozen Lines: Ceasefires That Never End” examines a dozen "
         "similar disputes.\n", {"Ivan Velikov": None}),
        ("Gideon Marsh-Whitaker, a Denver attorney who represents Halvorsen, said his clients "
         "had been interviewed. “We cooperate,” Marsh-Whitaker said.\n",
         {"Gideon Marsh-Whitaker": "a Denver attorney"}),
    ],
)
def test_what_is_no_noun_phrase_is_no_role(
    run: Run, text: str, expected: dict[str, str | None]
) -> None:
    got = speaker_roles(run(text))
    assert {name: got.get(name, "(not a speaker)") for name in expected} == expected


def test_a_role_the_text_wraps_reads_as_one_line(nlp: Language) -> None:
    doc = nlp("Ann Lee, the chief harbour\nmaster, smiled.")
    start = next(t.i for t in doc if t.text == "the")
    end = next(t.i for t in doc if t.text == "master") + 1
    assert role_text(doc, start, end) == "the chief harbour master"
    assert role_span(doc, start, end + 1) == (start, end)  # the comma after it is cut
