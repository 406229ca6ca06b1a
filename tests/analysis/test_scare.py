"""A quoted word in an infinitive clause with a subject of its own is the writer's term, not
that subject's words (wired.com2 of the dev articles: "allowing him to join the digital
currency's network and “mine” many bitcoins"); a speech verb's clause, or a verb's own
subject, still gives the words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis

Run = Callable[[str], Analysis]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But Hal Finney paid attention. That early enthusiasm proved lucrative for Hal Finney, "
         "allowing him to join the digital currency’s network and “mine” many bitcoins during "
         "the early days.\n", []),
        ("Senator Dan Rowe spoke in Ohio. Rowe urged the party to “embrace” him.\n",
         [("“embrace”", "Dan Rowe")]),
        ("Dan Rowe spoke in Ohio. The rally allowed him to promise “a new deal for workers” "
         "again.\n", [("“a new deal for workers”", "Dan Rowe")]),
    ],
)
def test_scare_quotes(run: Run, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.speaker) for q in run(text).quotes] == expected
