"""The article's `/` search folds accents as the library's search does (reader.fold): a new
user's "/muller" missed "Müller" and "/cafe" missed "café". The marks cover the text's own
characters: every span is offsets into the text exactly as given."""

from __future__ import annotations

import pytest

from reader.ui.textsearch import find_all, fold_quotes

TEXT = "Herr Müller, Frau Mueller and Mr Muller met at the café on Weißstraße. MÜLLER said “Café”."


def found(query: str) -> list[str]:
    return [TEXT[s:e] for s, e in find_all(fold_quotes(TEXT), query)]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("muller", ["Müller", "Muller", "MÜLLER"]),  # the accent dropped, not "Mueller"
        ("Mueller", ["Müller", "Mueller", "MÜLLER"]),  # the umlaut spelt out
        ("Müller", ["Müller", "Mueller", "Muller", "MÜLLER"]),
        ("cafe", ["café", "Café"]),
        ("café", ["café", "Café"]),
        ("weiss", ["Weiß"]),
        ("the café on", ["the café on"]),
    ],
)
def test_accents_fold_as_in_the_library(query: str, words: list[str]) -> None:
    assert found(query) == words


def test_a_plain_text_is_searched_as_before() -> None:
    text = fold_quotes("Israel’s “clear” plan; israel's")
    assert find_all(text, "Israel's") == [(0, 8), (23, 31)]
    assert find_all(text, '"clear') == [(9, 15)]
