"""A narrator known by a first name takes the surname the others call them by, but not one
called with a title of the other gender ("Mademoiselle Hobin" for Jake): a short text kept
that woman's surname for every turn of the narrator's where the whole book outvoted it
(issue 11, the first 60,000 characters of a novel and shorter texts)."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.title_fit import fits

Run = Callable[[str], Analysis]


def test_a_gendered_title_fits_only_its_gender_and_no_title_fits_any() -> None:
    assert not fits(["Mademoiselle"], "m")
    assert not fits(["Mr."], "f")
    assert fits(["Mrs."], "f") and fits(["Monsieur"], "m")
    assert fits([], "m") and fits(["Mademoiselle"], None) and fits(["Dr."], "f")


def test_a_title_of_the_other_gender_gives_no_surname_to_a_narrator_with_a_first_name(
    run: Run,
) -> None:
    """Jake is called "Mademoiselle Hobin"'s surname by no one: the surname the others call
    him beside his turns is his, not the one of the woman they address more often."""
    text = (
        "Cohn came over to the table.\n\n"
        "“Hello,” I said.\n\n"
        "“Jake, have you seen Brett?” Cohn asked.\n\n"
        "“No,” I said.\n\n"
        "“Are you sure, Jake?” Cohn said.\n\n"
        "“Quite sure,” I said.\n\n"
        "The patronne came out of the kitchen.\n\n"
        "“Good evening, Mademoiselle Hobin,” said Cohn.\n\n"
        "“Mademoiselle Hobin, the bill,” said Cohn.\n\n"
        "Braddocks called to me from a table.\n\n"
        "“Barnes, have a drink,” Braddocks said.\n\n"
        "“Thanks,” I said.\n\n"
        "Cohn got up to leave.\n\n"
        "“Good night, Barnes,” Cohn said.\n"
    )
    a = run(text)
    said = [q.speaker for q in a.quotes]
    assert said[0] == said[-2] == "Jake Barnes"
