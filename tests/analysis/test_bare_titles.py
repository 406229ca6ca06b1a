"""A courtesy title alone ("Dr.") is no role (a new user saw "Dr." shown as one): it is not
shown, and the role the text gives next ("the director of the clinic") takes its place;
an office or calling before a name ("Senator", "Inspector") is still one."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.roles import shown_role

Run = Callable[[str], Analysis]


def _roles(a: Analysis) -> dict[str, str | None]:
    return {s.name: s.role for s in a.speakers}


def test_a_doctor_is_shown_with_no_role_and_an_office_with_its_own(run: Run) -> None:
    text = (
        "The clinic opened on Monday.\n\n“We are ready,” said Dr. Sarah Hale.\n\n"
        "“The bill is late,” said Senator Ann Lee.\n\n“Later,” said Rev. Al Green.\n"
    )
    roles = _roles(run(text))
    assert roles["Sarah Hale"] is None
    assert roles["Al Green"] is None
    assert roles["Ann Lee"] == "Senator"


def test_the_role_given_after_a_courtesy_title_is_the_persons(run: Run) -> None:
    text = (
        "The clinic opened on Monday.\n\n“We are ready,” said Dr. Sarah Hale.\n\n"
        "Dr. Hale, the director of the clinic, added: “It took years.”\n"
    )
    assert _roles(run(text))["Sarah Hale"] == "the director of the clinic"


def test_a_courtesy_title_alone_is_not_shown_and_a_calling_is() -> None:
    assert shown_role("Dr.") is None and shown_role("Rev") is None
    assert shown_role("Inspector") == "Inspector"
    assert shown_role("the director") == "the director"


def test_a_spelt_out_courtesy_title_is_no_role_and_a_split_one_no_name(run: Run) -> None:
    # "Doctor" and "Reverend" spelt out say no more than "Dr." and "Rev."; "Fr." split from
    # its period by the tokenizer is no speaker "Fr": the name after it speaks
    text = (
        "The clinic opened on Monday.\n\n“We are ready,” said Doctor Sarah Hale.\n\n"
        "“We pray,” said Reverend Al Green.\n\n“Yes,” said Fr. Tom Kelly.\n"
    )
    a = run(text)
    roles = _roles(a)
    assert roles["Sarah Hale"] is None
    assert roles["Al Green"] is None
    assert [q.speaker for q in a.quotes] == ["Sarah Hale", "Al Green", "Tom Kelly"]
