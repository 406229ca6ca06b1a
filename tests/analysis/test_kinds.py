"""What each speaker is, as the engine says it: a person, an organisation, an unnamed source
or a document. The real model on invented sentences, and the pure part on its own."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.kinds import document_head
from reader.analysis.model import Speaker, speaker_from_dict, speaker_to_dict

Run = Callable[[str], Analysis]


def kinds(a: Analysis) -> dict[str, str | None]:
    return {sp.name: sp.kind for sp in a.speakers}


def test_each_kind_of_speaker(run: Run) -> None:
    text = (
        "The Marlow Harbour Board met on Monday.\n\n"
        "“We will build the wall,” said Ann Lee, the harbour master.\n\n"
        "“The wall is late and over budget,” the Marlow Harbour Board said.\n\n"
        "“Nobody has seen the plans,” a senior official said.\n\n"
        "“Costs have doubled since 2020,” the report said.\n"
    )
    got = kinds(run(text))
    assert got["Ann Lee"] == "person"
    assert got["Marlow Harbour Board"] == "org"
    assert got["a senior official"] == "unnamed"
    assert got["the report"] == "document"


def test_document_heads() -> None:
    assert document_head("the report") == "report"
    assert document_head("a new survey of 2,000 adults") == "survey"
    assert document_head("the ministry's statements") == "statement"
    assert document_head("Daily Report") is None  # a body's name
    assert document_head("the company") is None


def test_records_without_a_kind_still_decode() -> None:
    old = {"name": "Ann Lee", "aliases": ["Lee"], "role": None, "quotes": [0], "words": 3,
           "share": 1.0}
    assert speaker_from_dict(old) == Speaker("Ann Lee", ["Lee"], None, [0], 3, 1.0, None)
    sp = Speaker("the report", quotes=[1], kind="document")
    assert speaker_from_dict(speaker_to_dict(sp)) == sp
