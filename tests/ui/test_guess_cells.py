"""The library's lists hedge a guessed speaker as the article does: a library search hit of a
quote whose speaker is a guess, and a person of the People tab whose every quote is one, read
"probably NAME", muted (a new user found them stated as certain)."""

from __future__ import annotations

from reader.people.library import Person
from reader.store.search import SearchHit
from reader.ui.screens.library_people import PeopleColumns
from reader.ui.screens.library_search import hit_cells


def test_a_guessed_quote_hit_says_probably_muted() -> None:
    hit = SearchHit(1, "Port strike", "quote", "Paul Harmon", 10, 10, 40, "“Then let the board…”",
                    uncertain=True)
    _, _, speaker, _ = hit_cells(hit, (20, 24, 40))
    assert speaker.plain == "probably Paul Harmon" and "dim" in str(speaker.style)
    sure = SearchHit(1, "Port strike", "quote", "Rachel Kim", 10, 10, 40, "“No.”")
    assert hit_cells(sure, (20, 24, 40))[2].plain == "Rachel Kim"


def test_a_person_whose_quotes_are_all_guesses_says_probably_muted() -> None:
    person = Person("Courier", "org", "unknown", "", quotes=1, words=7, first="2026-12-07",
                    last="2026-12-07", guessed=True)
    name = PeopleColumns.fit(80).cells(person)[0]
    assert name.plain == "probably Courier" and "dim" in str(name.style)
