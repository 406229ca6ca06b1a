"""Letters with no decomposition (ł, ø, æ, œ, đ, þ, ı) fold in the filters' rule too."""

from reader.fold import found_in, has_words, same_word


def test_own_letters_fold_both_ways() -> None:
    assert has_words("Lech Wałęsa", "Walesa")
    assert found_in("Lodz", "a rally in Łódź")
    assert same_word("Orsted", "Ørsted")
    assert same_word("Soren", "Søren")
    assert found_in("aegir", "Ægir")
    assert found_in("thor", "Þór")
    assert same_word("Ørsted", "Orsted")


def test_unrelated_words_stay_apart() -> None:
    assert not same_word("Olsen", "Ørsted")


def test_article_search_folds_one_letter_forms() -> None:
    import re

    from reader.ui.textfold import fold_pattern

    text = "Lech Wałęsa spoke in Łódź; Søren Ørsted listened."
    for typed, want in (("Walesa", "Wałęsa"), ("lodz", "Łódź"), ("Soren", "Søren"),
                        ("orsted", "Ørsted"), ("Wałęsa", "Wałęsa")):
        found = re.search(fold_pattern(typed), text, re.IGNORECASE)
        assert found is not None and found.group() == want
    assert re.search(fold_pattern("Walesa"), "Wałęsa Walesa", re.IGNORECASE)


def test_article_search_finds_letters_written_as_two() -> None:
    """"aeon" finds "æon", "oeuvre" "œuvre", "Thor" "Þór" (and back), the mark on the text's
    own letters: the one letter "æ", not two characters of the text."""
    import re

    from reader.ui.textfold import fold_pattern

    text = "An æon of ŒUVRES, said Þór; Aeon and oeuvre, said Thor. Mäeander."
    for typed, want in (("aeon", ["æon", "Aeon"]), ("oeuvre", ["ŒUVRE", "oeuvre"]),
                        ("Thor", ["Þór", "Thor"]), ("æon", ["æon", "Aeon"]),
                        ("þór", ["Þór", "Thor"]), ("maeander", ["Mäeander"])):
        found = [m.group() for m in re.finditer(fold_pattern(typed), text, re.IGNORECASE)]
        assert found == want, typed
    hit = re.search(fold_pattern("aeon"), text, re.IGNORECASE)
    assert hit is not None and hit.span() == (text.index("æon"), text.index("æon") + 3)
