"""The article's `/` search folds accents as the library's search does (reader.fold): a new
user's "/muller" missed "Müller" and "/cafe" missed "café". The marks cover the text's own
characters: every span is offsets into the text exactly as given."""

from __future__ import annotations

import pytest

from reader.ui.textsearch import find_all, find_from, fold_quotes

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


@pytest.mark.parametrize(
    ("text", "query", "words"),
    [
        # "İ".lower() is two characters: the pairs were looked up out of step with the query
        ("İüe", "İue", ["İüe"]),
        ("İss and İß", "İss", ["İss", "İß"]),
        ("İbrahim Müller", "İbrahim Mueller", ["İbrahim Müller"]),
        ("İstanbul Müller", "İstanbul Mue", ["İstanbul Mü"]),
    ],
)
def test_a_letter_longer_in_lower_case_keeps_the_pairs_in_step(
    text: str, query: str, words: list[str]
) -> None:
    assert [text[s:e] for s, e in find_all(fold_quotes(text), query)] == words


NFD = "Herr Mu\u0308ller at the Cafe\u0301 Co."  # decomposed: the accent a mark of its own


@pytest.mark.parametrize("query", ["muller", "Müller", "Mueller", "Mu\u0308ller"])
def test_decomposed_text_is_found(query: str) -> None:
    assert [NFD[s:e] for s, e in find_all(fold_quotes(NFD), query)] == ["Mu\u0308ller"]


def test_the_mark_covers_a_decomposed_accent() -> None:
    """`/cafe` marked "Cafe" and left the combining accent after it outside the mark."""
    assert [NFD[s:e] for s, e in find_all(fold_quotes(NFD), "cafe")] == ["Cafe\u0301"]


def test_a_query_longer_than_the_text_can_match() -> None:
    """ "Mueller" (7) finds "Müller" (6): a query longer than the text was given up on."""
    assert find_all(fold_quotes("Müller"), "Mueller") == [(0, 6)]
    assert find_from(fold_quotes("Müller"), "Mueller") == ([(0, 6)], True)


def test_a_long_query_finds_as_a_short_one() -> None:
    """A pasted query's classes list only the text's accents: the same matches."""
    text = fold_quotes("A café — crème brûlée at Müller's, " * 3)
    query = "a cafe — creme brulee at Mueller's, " * 2
    assert len(query) > 64
    assert [text[s:e] for s, e in find_all(text, query)] == [text[:70]]
    typed = "A càfë — crëme brülee at Müller's, " * 2  # accents the text has not
    assert [text[s:e] for s, e in find_all(text, typed)] == [text[:70]]
