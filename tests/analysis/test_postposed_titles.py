"""A title written after the name (issue 11): "Hamidullah Begum" is Hamidullah's wife, named
by her husband's name as "Mrs. Henry Dashwood" is, not a fuller name of the man."""

from __future__ import annotations

from reader.analysis.clusters import Registry
from reader.analysis.names import form_of_address, name_parts


def test_a_title_after_the_name_is_a_form_of_address() -> None:
    titles, words = name_parts("Hamidullah Begum")
    assert (titles, words) == (["Begum"], ["Hamidullah"])
    assert form_of_address(titles) == "mrs"


def test_the_wife_named_by_his_name_is_not_the_man() -> None:
    for first in ("Hamidullah", "Hamidullah Begum"):
        reg = Registry()
        reg.familiar = True
        met = reg.find_or_create_person(first)
        other = reg.find_or_create_person(
            "Hamidullah Begum" if first == "Hamidullah" else "Hamidullah"
        )
        assert met is not None and other is not None and met is not other
        man = reg.find_person("Hamidullah")
        wife = reg.find_person("Hamidullah Begum")
        assert man is not None and man.canonical == "Hamidullah"
        assert wife is not None and wife.canonical == "Hamidullah Begum"
        assert wife.gender == "f"
