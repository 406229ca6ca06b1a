"""The ranker's column for a turn that says a candidate's surname with a form of address
("Mr Beaver, sir, …"): no one calls themselves so, nor does their family, so it marks the
candidate of that surname (his mother "Mrs Beaver" too), and no one else."""

from __future__ import annotations

from spacy.language import Language

from reader.analysis.quoted_names import titled_names
from tests.analysis.conftest import ranker_rows

#: A mother and a servant speak, each named by a cue; an uncued turn then calls her son by
#: title and surname.
SCENE = """\
The hall was cold, and the fire in the grate had gone out long ago.

"Is my son at home?" asked Mrs Beaver.

"He is at his club, madam," said Tom Harris.

"Then I shall go there myself," said Mrs Beaver.

"Mr Beaver will not be pleased, madam. He dines there alone on Tuesdays."
"""


def test_a_title_and_surname_are_read_from_the_turn() -> None:
    assert titled_names("Oh, Mr Beaver, I am so sorry to trouble you.") == {"beaver"}
    assert titled_names("This is Mr. Hastings and Miss Howard.") == {"hastings", "howard"}


def test_a_capital_word_that_is_no_form_of_address_is_not_a_name_called() -> None:
    assert titled_names("Oh Brenda, Sylvia Newport knows the people.") == frozenset()


def test_the_candidate_of_the_surname_called_is_marked(nlp: Language) -> None:
    rows = ranker_rows(nlp, SCENE, '"Mr Beaver will')
    assert rows["Mrs Beaver"]["named_in_turn"] == 1.0
    assert rows["Tom Harris"]["named_in_turn"] == 0.0
