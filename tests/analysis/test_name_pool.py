"""A narrator called by two forms of one name ("Hastings", "Mr. Hastings") is named as soon as
the callings together are enough: a short text's narrator is not left "the narrator" that the
whole book would have named (issue 11, the first 60,000 characters of a novel)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from reader.analysis import Analysis
from reader.analysis.name_pool import pooled

Run = Callable[[str], Analysis]


def test_a_narrator_called_by_a_name_with_and_without_a_title_is_named(run: Run) -> None:
    text = (
        "Poirot came over to the table.\n\n"
        "“Hello,” I said.\n\n"
        "“Hastings, have you seen the letter?” Poirot asked.\n\n"
        "“No,” I said.\n\n"
        "“Are you sure, Mr. Hastings?” Poirot said.\n\n"
        "“Quite sure,” I said.\n"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Hastings", "Poirot", "Hastings", "Poirot", "Hastings"]


def test_forms_of_one_name_count_together_and_the_commonest_form_stands() -> None:
    votes = Counter({"Hastings": 1, "Mr. Hastings": 2, "Cynthia": 2})
    assert pooled(votes) == [("Mr. Hastings", 3), ("Cynthia", 2)]


def test_titles_that_tell_people_apart_keep_their_forms_apart() -> None:
    votes = Counter({"Mr. Bennet": 1, "Mrs. Bennet": 1, "Miss Bennet": 1})
    assert pooled(votes) == [("Mr. Bennet", 1), ("Mrs. Bennet", 1), ("Miss Bennet", 1)]


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
