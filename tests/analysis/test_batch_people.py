"""An untagged name opening a sentence that the same text tags a person's elsewhere is that
person's mention: the pronoun of the cue after it finds the subject, not the object."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from tests.analysis.conftest import speaker_of

STORY = (
    "Tempers flare after terminal hearing\n\n"
    "Whitfield confronted Peña in the hallway after Tuesday's hearing. \"You hid the "
    "numbers,\" she said.\n\n"
    "He shook his head. \"Nothing was hidden,\" he said.\n\n"
    "Whitfield disagreed. \"We want a budget,\" she said.\n"
)


def test_an_untagged_subject_tagged_a_person_later_takes_the_pronoun(
    run: Callable[[str], Analysis],
) -> None:
    a = run(STORY)
    assert speaker_of(a, '"You hid') == "Whitfield"
    assert speaker_of(a, '"Nothing was hidden') == "Peña"


FIRM = (
    "Quillmate raises $62 million for its accounting agents\n\n"
    "Quillmate, a San Francisco startup that builds AI agents to automate the month-end work "
    "of accounting teams, has raised a $62 million round led by Northbeam Ventures.\n\n"
    "Quillmate declined to comment on the valuation. Quillmate calls its agent \"Closer.\"\n\n"
    "Quillmate has 140 employees, and Quillmate says it will double that.\n"
)


def test_a_firm_the_tagger_calls_a_person_stays_a_firm(run: Callable[[str], Analysis]) -> None:
    """A headline's subject ("Quillmate raises ...") is no sentence of running text, and the
    text then shows a body ("Quillmate, a San Francisco startup"): the untagged subjects are
    no person however often the tagger reads the name as one (the audit article x2's firm
    became a PERSON in the entity layer before)."""
    a = run(FIRM)
    people = [e for e in a.entities if e.label == "PERSON" and "Quillmate" in e.text]
    assert people == []
